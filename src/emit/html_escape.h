#pragma once
// Everything in the report that came from the scanned tree goes through here:
// route rules, handler names, file names and messages are untrusted input.

#include <string>
#include <string_view>

namespace cutover {

// Escapes & < > " ' so the result is inert in element content and in quoted
// attribute values.
std::string html_escape(std::string_view text);

}  // namespace cutover
