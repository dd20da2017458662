#pragma once
// The FastAPI form of a route's path, as every framework's routes carry it
// (Route::path_template): literal text and `{name}` / `{name:convertor}`
// parameters. One splitter for everything that reads it: FastAPI
// parameters, progress matching, proxy regexes.

#include <string_view>
#include <vector>

namespace cutover {

struct TemplatePart {
  std::string_view literal;  // set for literal text
  bool parameter = false;
  std::string_view name;       // parameters only
  std::string_view convertor;  // "path" in {p:path}; "" when none
};

// "/u/{id}/f/{p:path}" → "/u/", {id}, "/f/", {p, path}. An unclosed '{' is
// literal text.
inline std::vector<TemplatePart> split_path_template(std::string_view path) {
  std::vector<TemplatePart> parts;
  std::size_t at = 0;
  while (at < path.size()) {
    const std::size_t open = path.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : path.find('}', open);
    if (close == std::string_view::npos) {
      parts.push_back({.literal = path.substr(at)});
      break;
    }
    if (open > at) parts.push_back({.literal = path.substr(at, open - at)});
    const std::string_view inside = path.substr(open + 1, close - open - 1);
    const std::size_t colon = inside.find(':');
    parts.push_back({.parameter = true,
                     .name = inside.substr(0, colon),
                     .convertor = colon == std::string_view::npos ? "" : inside.substr(colon + 1)});
    at = close + 1;
  }
  return parts;
}

}  // namespace cutover
