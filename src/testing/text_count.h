#pragma once
// Counting occurrences in rendered output (reports, SVG) for tests.

#include <string>
#include <string_view>

namespace cutover::testing {

inline std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace cutover::testing
