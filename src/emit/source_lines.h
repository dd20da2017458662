#pragma once
// Lines of the scanned files, read when asked for and kept per file: what
// cutover.sarif fingerprints a finding by, so that code scanning still
// recognises it after the lines above it moved.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cutover {

class SourceLines {
 public:
  explicit SourceLines(std::filesystem::path root) : root_(std::move(root)) {}

  // Line `line` (1-based) of `file` (relative to the root), without its end;
  // "" when the file cannot be read or is shorter. Lines end as Python
  // counts them: at "\n", "\r\n" or a lone "\r".
  std::string line(const std::string& file, std::uint32_t line);

 private:
  std::filesystem::path root_;
  std::map<std::string, std::vector<std::string>> files_;
};

// Lines of `text` split as Python counts them.
std::vector<std::string> split_source_lines(std::string_view text);

// The line as a fingerprint sees it: no leading or trailing blanks, every
// run of blanks inside one space.
std::string normalised_line(std::string_view line);

}  // namespace cutover
