// The per-file pass: status, line count and the diagnostics it adds.

#include "parse/file_summarizer.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::summarize_python;

const Diagnostic* find_code(const FileSummary& s, std::string_view code) {
  for (const Diagnostic& d : s.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

TEST_CASE("a clean file is kParsed with its path, module and line count", "[unit][summarizer]") {
  const FileSummary s = summarize_python("import os\n\nx = 1\n", "shop/app.py", "shop.app");
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.path == "shop/app.py");
  CHECK(s.module == "shop.app");
  CHECK_FALSE(s.is_package);
  CHECK(s.lines == 3);
  CHECK(s.diagnostics.empty());
}

TEST_CASE("a syntax error gives kParsedWithErrors and keeps facts around it",
          "[unit][summarizer]") {
  const FileSummary s =
      summarize_python("import os\n\ndef f(:\n    pass\n\nimport json\n", "broken.py", "broken");
  CHECK(s.status == FileStatus::kParsedWithErrors);
  const Diagnostic* d = find_code(s, "syntax-error");
  REQUIRE(d != nullptr);
  CHECK(d->line == 3);
  CHECK(d->file == "broken.py");
  REQUIRE(s.imports.size() == 2);
  CHECK(s.imports[0].module == "os");
  CHECK(s.imports[0].line == 1);
  CHECK(s.imports[1].module == "json");
  CHECK(s.imports[1].line == 6);
}

TEST_CASE("a syntax error in the middle of a file reports its first line", "[unit][summarizer]") {
  const FileSummary s = summarize_python("import os\nimport\nfrom a import b\n");
  CHECK(s.status == FileStatus::kParsedWithErrors);
  const Diagnostic* d = find_code(s, "syntax-error");
  REQUIRE(d != nullptr);
  CHECK(d->line == 2);
  REQUIRE(s.imports.size() == 2);
  CHECK(s.imports[1].module == "a");
  CHECK(s.imports[1].line == 3);
}

TEST_CASE("a syntax error inside an import statement is still reported", "[unit][summarizer]") {
  // `from a import (b c)` is invalid Python; tree-sitter puts `c` in an ERROR node.
  const FileSummary s = summarize_python("import os\nfrom a import (b c)\n");
  CHECK(s.status == FileStatus::kParsedWithErrors);
  const Diagnostic* d = find_code(s, "syntax-error");
  REQUIRE(d != nullptr);
  CHECK(d->line == 2);
}

TEST_CASE("a syntax error inside an f-string is still reported", "[unit][summarizer]") {
  const FileSummary s = summarize_python("import os\nx = f'{a +}'\n");
  CHECK(s.status == FileStatus::kParsedWithErrors);
  CHECK(find_code(s, "syntax-error") != nullptr);
}

TEST_CASE("Python 2 files get one python2-syntax info naming the first construct",
          "[unit][summarizer]") {
  const FileSummary s = summarize_python("import os\nprint 'a'\nx = 10L\n", "old.py", "old");
  CHECK(s.status == FileStatus::kParsed);
  REQUIRE(s.python2.size() == 2);
  const Diagnostic* d = find_code(s, "python2-syntax");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::kInfo);
  CHECK(d->line == 2);
  CHECK(d->message.find("print statement") != std::string::npos);
  CHECK(d->message.find("2 Python-2-only") != std::string::npos);
}

TEST_CASE("summarize_file carries decoding status and diagnostics with the path",
          "[unit][summarizer]") {
  testing::TempFolder folder;
  folder.write("bin.py", std::string("\0\1\2", 3));
  folder.write("latin.py", "X = '\xE9'\nimport os\n");
  SummarizerTools tools;
  const SummarizeLimits limits;

  const FileSummary binary = summarize_file(
      SourceFile{.rel_path = "bin.py", .abs_path = folder.root() / "bin.py", .module = "bin"},
      tools, limits);
  CHECK(binary.status == FileStatus::kSkippedBinary);
  REQUIRE(find_code(binary, "binary-file") != nullptr);
  CHECK(find_code(binary, "binary-file")->file == "bin.py");
  CHECK(binary.imports.empty());

  const FileSummary latin = summarize_file(
      SourceFile{.rel_path = "latin.py", .abs_path = folder.root() / "latin.py", .module = "latin"},
      tools, limits);
  CHECK(latin.status == FileStatus::kParsed);
  CHECK(latin.lines == 2);
  REQUIRE(find_code(latin, "not-utf8") != nullptr);
  CHECK(find_code(latin, "not-utf8")->file == "latin.py");
  REQUIRE(latin.imports.size() == 1);
  CHECK(latin.imports[0].line == 2);

  const FileSummary too_large = summarize_file(
      SourceFile{.rel_path = "latin.py", .abs_path = folder.root() / "latin.py", .module = "latin"},
      tools, SummarizeLimits{.max_file_bytes = 4});
  CHECK(too_large.status == FileStatus::kSkippedTooLarge);
  CHECK(too_large.lines == 0);
}

}  // namespace
}  // namespace cutover
