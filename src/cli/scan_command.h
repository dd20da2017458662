#pragma once
// `cutover scan`: run the pipeline and write inventory.json and report.html.

#include <string>
#include <vector>

#include "scan/scan_pipeline.h"

namespace cutover {

struct ScanCommandOptions {
  ScanOptions scan;
  std::string out_dir = "cutover-report";
  // Outputs to write: json (inventory.json), html (report.html), md
  // (summary.md, for a pull-request comment), dot (graph.dot, module and
  // family graphs), openapi (openapi.json), sarif (cutover.sarif), csv
  // (endpoints.csv).
  std::vector<std::string> formats = {"json", "html"};
  std::string server_url = "/";  // openapi.json's servers[0].url
  bool quiet = false;
  bool timings = false;  // print the wall time of each stage on stderr
  // Links from report.html to the source (source_link.h); when empty, the
  // config's source_url, else a path relative to the report's folder.
  std::string source_url;
  std::string history_file;  // --history: append this run's totals; report.html draws them all
  // The command line, words NUL-separated. With a cache folder and no
  // history, it goes into the output record (cli/output_record.h) that
  // lets an unchanged re-run keep its outputs; empty: they are rewritten.
  std::string command_line;
};

// Exit code: 0 when the scan completed (diagnostics included), 1 when it could not run.
int run_scan_command(const ScanCommandOptions& options);

}  // namespace cutover
