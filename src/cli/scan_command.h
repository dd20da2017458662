#pragma once
// `cutover scan`: run the pipeline and write inventory.json and report.html.

#include <string>

#include "scan/scan_pipeline.h"

namespace cutover {

struct ScanCommandOptions {
  ScanOptions scan;
  std::string out_dir = "cutover-report";
  bool quiet = false;
};

// Exit code: 0 when the scan completed (diagnostics included), 1 when it could not run.
int run_scan_command(const ScanCommandOptions& options);

}  // namespace cutover
