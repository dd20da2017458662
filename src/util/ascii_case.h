#pragma once
// ASCII case mapping for identifiers, HTTP methods and module names, which
// are ASCII in every framework cutover reads; locale-independent on purpose.

#include <string>
#include <string_view>

namespace cutover {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// "django.views.generic.ListView" -> "ListView"
inline std::string_view last_component(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

}  // namespace cutover
