#pragma once
// What a syntax node says about which Python a file is written for:
// constructs only Python 2 accepts (kept as findings with their line) and
// syntax only Python 3 runs (the file's python3_only flag). Import
// resolution and the Python 2 blockers both read these.

#include <tree_sitter/api.h>
#include <string_view>

#include "model/file_summary.h"
#include "parse/python_symbols.h"

namespace cutover {

// Statements, operators and literals: print/exec statements, `raise E, msg`,
// `except E, e`, `<>`, `123L`, old octal; await, nonlocal, `:=`, keyword-
// and positional-only markers, match, annotations.
void note_dialect_syntax(TSNode node, TSSymbol kind, std::string_view source,
                         const PythonSymbols& symbols, FileSummary& out);

// A string literal's prefix: backticks, `ur''`, f-strings.
void note_string_dialect(TSNode string, std::string_view source, FileSummary& out);

// `d.iteritems()`, `.itervalues()`, `.iterkeys()`, `.has_key()` on an attribute node.
void note_python2_dict_method(TSNode attribute, std::string_view source,
                              const PythonSymbols& symbols, FileSummary& out);

}  // namespace cutover
