#pragma once
// `cutover scan`: run the pipeline and write inventory.json and report.html.

#include <cstdint>
#include <string>
#include <vector>

namespace cutover {

struct ScanCommandOptions {
  std::string path;
  std::string out_dir = "cutover-report";
  unsigned jobs = 0;  // 0: all cores
  std::vector<std::string> excludes;
  std::uint64_t max_file_bytes = 20ull << 20;
  std::string django_settings;  // overrides DJANGO_SETTINGS_MODULE found in manage.py etc.
  bool quiet = false;
};

// Exit code: 0 when the scan completed (diagnostics included), 1 when it could not run.
int run_scan_command(const ScanCommandOptions& options);

}  // namespace cutover
