#pragma once
// Import statements, importlib calls and `try: import ... except
// ImportError:` guards, read from one syntax node each.

#include <optional>
#include <string_view>
#include <vector>

#include "model/file_summary.h"
#include "parse/python_parser.h"
#include "parse/python_symbols.h"

namespace cutover {

// `import a, b as c` (one fact per module) or `from m import x, y as z` (one
// fact): `base` brings the line, scope and context, and `is_from`.
std::vector<ImportFact> read_import_statement(TSNode node, std::string_view source,
                                              const PythonSymbols& symbols, ImportFact base);

// `__import__("m")`, `importlib.import_module("m")` or `import_module(".b",
// package)` with literal arguments: the module imported, scope, line and
// context left for the caller.
std::optional<ImportFact> read_dynamic_import(TSNode call, std::string_view source,
                                              const PythonSymbols& symbols);

// Whether a `try` statement has a handler that catches ImportError (by name,
// through a broad class, or a bare `except:`).
bool catches_import_error(TSNode try_node, std::string_view source, const PythonSymbols& symbols);

}  // namespace cutover
