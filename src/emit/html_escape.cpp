#include "emit/html_escape.h"

namespace cutover {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_html_escaped(out, text);
  return out;
}

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

std::string html_list(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  std::string out = "<ul>";
  for (const std::string& item : items)
    out += "<li>" + html_escape(item) + "</li>";
  return out + "</ul>";
}

std::string html_collapsed_list(const std::vector<std::string>& items, std::size_t shown) {
  if (items.size() <= shown + 1) return html_list(items);
  std::string out = "<ul>";
  for (std::size_t i = 0; i < shown; ++i)
    out += "<li>" + html_escape(items[i]) + "</li>";
  out += "</ul><details class=\"more\"><summary>+" + std::to_string(items.size() - shown) +
         " more</summary><div class=\"lines\">";
  for (std::size_t i = shown; i < items.size(); ++i) {
    if (i > shown) out += "\n";
    append_html_escaped(out, items[i]);
  }
  return out + "</div></details>";
}

}  // namespace cutover
