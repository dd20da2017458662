#include "emit/source_lines.h"

#include <fstream>
#include <sstream>

namespace cutover {

std::vector<std::string> split_source_lines(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      out.push_back(std::move(current));
      current.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string normalised_line(std::string_view line) {
  std::string out;
  bool blank = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string SourceLines::line(const std::string& file, std::uint32_t line) {
  auto found = files_.find(file);
  if (found == files_.end()) {
    std::ifstream in(root_ / file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    found = files_.emplace(file, split_source_lines(text.str())).first;
  }
  const std::vector<std::string>& lines = found->second;
  return line >= 1 && line <= lines.size() ? lines[line - 1] : std::string();
}

}  // namespace cutover
