#pragma once
// Everything in the report that came from the scanned tree goes through here:
// route rules, handler names, file names and messages are untrusted input.

#include <string>
#include <string_view>
#include <vector>

namespace cutover {

// Escapes & < > " ' so the result is inert in element content and in quoted
// attribute values.
std::string html_escape(std::string_view text);
// The same, appended to `out`: long tables are built without temporaries.
void append_html_escaped(std::string& out, std::string_view text);

// "<ul><li>…</li></ul>" of the escaped items; "" when there are none.
std::string html_list(const std::vector<std::string>& items);

}  // namespace cutover
