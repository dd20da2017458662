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
// The first `shown` items as a list, the rest collapsed behind "+N more" as
// lines of text (one element however long the list is).
std::string html_collapsed_list(const std::vector<std::string>& items, std::size_t shown = 3);

}  // namespace cutover
