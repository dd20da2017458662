#pragma once
// Turns the bytes of a file into UTF-8 text the parser can take, or says why
// it cannot. Legacy trees hold Latin-1 files, UTF-16 exports and binaries
// named .py; each gets a diagnostic instead of a crash or a silent skip.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/file_summary.h"

namespace cutover {

struct SourceText {
  FileStatus status = FileStatus::kParsed;  // kParsed means "text is usable"
  std::string text;                         // UTF-8, BOM removed
  std::vector<Diagnostic> diagnostics;      // file field left empty; the caller fills it
};

// Decodes raw file bytes. Pure: no I/O, so it is testable and fuzzable.
SourceText decode_source(std::string bytes);

// Reads and decodes one file; files larger than `max_bytes` are not read.
SourceText read_source(const std::filesystem::path& path, std::uint64_t max_bytes);

// Number of lines as an editor shows them.
std::uint32_t count_lines(std::string_view text);

}  // namespace cutover
