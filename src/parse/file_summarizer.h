#pragma once
// The per-file pass: read, decode, parse once, collect facts, free the tree.
// Pure with respect to shared state, so it runs on any worker thread.

#include <cstdint>
#include <filesystem>

#include "discover/source_discovery.h"
#include "model/file_summary.h"
#include "parse/python_parser.h"
#include "parse/python_symbols.h"
#include "parse/source_text.h"

namespace cutover {

struct SummarizeLimits {
  std::uint64_t max_file_bytes = 20ull << 20;
};

// Per-thread tools: a parser and the symbol table of its grammar.
struct SummarizerTools {
  PythonParser parser;
  PythonSymbols symbols{tree_sitter_python()};
  // A file whose parse takes longer is skipped (status skipped-timeout);
  // zero: no limit.
  std::chrono::milliseconds parse_timeout{0};
};

FileSummary summarize_file(const SourceFile& file, SummarizerTools& tools,
                           const SummarizeLimits& limits);

// The same, for a file already read and decoded (the cache reads first, to
// hash).
FileSummary summarize_source(const SourceFile& file, SourceText source, SummarizerTools& tools);

// The same, for text already in memory (tests, fuzzing).
FileSummary summarize_text(const SourceFile& file, std::string text, SummarizerTools& tools);

}  // namespace cutover
