#include "emit/source_link.h"

#include "emit/html_escape.h"

namespace cutover {

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string source_href(std::string_view url_template, std::string_view file, std::uint32_t line) {
  if (url_template.empty() || file.empty()) return "";
  std::string out;
  for (std::size_t i = 0; i < url_template.size();) {
    if (url_template.substr(i, 6) == "{file}") {
      out += percent_encode_path(file);
      i += 6;
    } else if (url_template.substr(i, 6) == "{line}") {
      out += std::to_string(line ? line : 1);
      i += 6;
    } else {
      out += url_template[i++];
    }
  }
  return out;
}

std::string source_location_html(std::string_view url_template, std::string_view file,
                                 std::uint32_t line) {
  if (file.empty()) return "";
  std::string text(file);
  if (line) text += ":" + std::to_string(line);
  const std::string href = source_href(url_template, file, line);
  if (href.empty()) return html_escape(text);
  return "<a href=\"" + html_escape(href) + "\">" + html_escape(text) + "</a>";
}

}  // namespace cutover
