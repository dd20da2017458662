#pragma once
// UTF-8 validity, for source text and for the file names of the tree.

#include <cstdint>
#include <string>
#include <string_view>

namespace cutover {

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code
// points past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Appends code point `cp` (at most U+10FFFF) encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace cutover
