#pragma once
// Helpers for end-to-end tests: sample paths, scratch trees, running the binary.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "emit/inventory_json.h"
#include "scan/scan_pipeline.h"
#include "testing/scratch_tree.h"

namespace cutover::testing {

inline std::filesystem::path source_dir() {
  return CUTOVER_SOURCE_DIR;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Scans source_dir()/rel with the label `rel`, as `cutover scan rel` run from the repo would.
inline Inventory scan_repo_path(const std::string& rel, unsigned jobs = 2) {
  return run_scan(ScanOptions{.root = source_dir() / rel, .root_label = rel, .jobs = jobs});
}

// Runs the cutover binary with `args` (shell words); returns its exit code.
inline int run_cutover(const std::string& args, std::string* output = nullptr) {
  const std::string command = std::string(CUTOVER_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
    out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace cutover::testing
