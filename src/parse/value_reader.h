#pragma once
// Reads an expression node into a PythonValue. Recursion is bounded by
// kMaxValueDepth: deeper expressions become kOther, so hostile nesting cannot
// exhaust the stack.

#include <string>
#include <string_view>

#include "model/python_value.h"
#include "parse/python_parser.h"
#include "parse/python_symbols.h"

namespace cutover {

inline constexpr int kMaxValueDepth = 24;
inline constexpr std::size_t kMaxExcerpt = 160;

PythonValue read_value(TSNode node, std::string_view source, const PythonSymbols& symbols,
                       int depth = 0);

// The literal pieces and interpolated expressions of an f-string, in order.
std::vector<PythonValue> fstring_parts(TSNode node, std::string_view source,
                                       const PythonSymbols& symbols, int depth);

// "a.b.c" for identifier/attribute chains, empty for anything else.
std::string dotted_name(TSNode node, std::string_view source, const PythonSymbols& symbols);

// Decoded contents of a plain string literal; sets *is_plain to false for
// f-strings and byte strings, whose value is not a static str.
std::string string_literal(TSNode node, std::string_view source, const PythonSymbols& symbols,
                           bool* is_plain);

}  // namespace cutover
