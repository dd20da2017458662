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

namespace cutover::testing {

inline std::filesystem::path source_dir() { return CUTOVER_SOURCE_DIR; }

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

// A scratch folder removed when the test ends.
class ScratchTree {
 public:
  ScratchTree() {
    std::string templ = (std::filesystem::temp_directory_path() / "cutover-test-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    root_ = templ;
  }
  ~ScratchTree() {
    std::error_code ec;
    std::filesystem::permissions(root_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(root_, ec);
  }
  ScratchTree(const ScratchTree&) = delete;
  ScratchTree& operator=(const ScratchTree&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path write(const std::string& rel, const std::string& bytes) const {
    const std::filesystem::path path = root_ / rel;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

 private:
  std::filesystem::path root_;
};

// Runs the cutover binary with `args` (shell words); returns its exit code.
inline int run_cutover(const std::string& args, std::string* output = nullptr) {
  const std::string command = std::string(CUTOVER_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace cutover::testing
