#pragma once
// UTF-8 validity, for source text and for the file names of the tree.

#include <string_view>

namespace cutover {

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code
// points past U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace cutover
