#pragma once
// Links from the report to the scanned source: a template such as
// "https://git.example.com/shop/blob/main/{file}#L{line}", or a relative
// folder prefix ("../legacy/{file}") so the report opens the local file.

#include <cstdint>
#include <string>
#include <string_view>

namespace cutover {

// The template with {file} (percent-encoded, '/' kept) and {line} filled
// in; "" when the template or the file is empty. Encoding ':' keeps a file
// named "javascript:x.py" a relative path, never a scheme.
std::string source_href(std::string_view url_template, std::string_view file, std::uint32_t line);

// "file:line" as report markup: a link when there is an href, else text.
std::string source_location_html(std::string_view url_template, std::string_view file,
                                 std::uint32_t line);

// Percent-encodes everything but unreserved characters and '/'.
std::string percent_encode_path(std::string_view path);

}  // namespace cutover
