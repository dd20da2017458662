#pragma once
// Dotted Python names ("shop.orders.views"): their parts and prefixes.

#include <algorithm>
#include <string_view>

namespace cutover {

// "a.b.c" -> "a"
inline std::string_view top_level_name(std::string_view dotted) {
  return dotted.substr(0, dotted.find('.'));
}

// "a.b.c" -> "c"
inline std::string_view last_name(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

// "a.b.c" -> "a.b"; "a" -> ""
inline std::string_view parent_name(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : dotted.substr(0, dot);
}

// Whether `dotted` is `prefix` or lies below it, on whole components:
// "a.b.c" is within "a.b", "a.bc" is not.
inline bool is_within(std::string_view dotted, std::string_view prefix) {
  return dotted == prefix || (dotted.size() > prefix.size() && dotted.starts_with(prefix) &&
                              dotted[prefix.size()] == '.');
}

inline bool is_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

}  // namespace cutover
