#pragma once
// `cutover progress LEGACY --target FASTAPI`: scan both trees, match the
// legacy endpoints to the FastAPI routes, write progress.json and a
// report.html of the legacy tree with a Progress section.

#include <string>
#include <vector>

#include "scan/scan_pipeline.h"

namespace cutover {

struct ProgressCommandOptions {
  ScanOptions legacy;
  ScanOptions target;  // root and label from --target; the rest as for legacy
  std::string out_dir = "cutover-report";
  // progress.json, report.html; openapi: openapi.json of the legacy tree
  // and openapi-target.json of the FastAPI one.
  std::vector<std::string> formats = {"json", "html"};
  std::string server_url = "/";  // the OpenAPI documents' servers[0].url
  std::string source_url;
  std::string history_file;  // --history: append this run's totals; report.html draws them all
  bool quiet = false;
};

// Exit code: 0 written, 1 a scan could not run or an output not be written.
int run_progress_command(const ProgressCommandOptions& options);

}  // namespace cutover
