#pragma once
// A scratch folder for tests, removed (permissions restored first) when the
// test ends.

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace cutover::testing {

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

  // Writes `bytes` to root()/rel, creating folders; returns the full path.
  std::filesystem::path write(const std::string& rel, const std::string& bytes) const {
    const std::filesystem::path path = root_ / rel;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace cutover::testing
