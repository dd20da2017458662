#pragma once
// One iterative walk over a file's syntax tree that fills the framework-neutral
// facts of a FileSummary: imports with their context, definitions with
// decorators, assignments, statement calls and Python-2-only constructs.
// Iterative on purpose: legacy trees contain generated code nested thousands
// of levels deep, and recursion on AST depth would overflow the stack.

#include <chrono>
#include <cstdint>
#include <string_view>

#include "model/file_summary.h"
#include "parse/python_parser.h"
#include "parse/python_symbols.h"

namespace cutover {

struct CollectedSyntaxErrors {
  std::uint32_t first_line = 0;  // 0 when the tree has no ERROR or MISSING node
  std::uint32_t count = 0;
  bool timed_out = false;  // `deadline` passed: the facts are incomplete
};

CollectedSyntaxErrors collect_facts(
    TSNode root, std::string_view source, const PythonSymbols& symbols, FileSummary& summary,
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max());

}  // namespace cutover
