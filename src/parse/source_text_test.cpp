// Decoding raw bytes into parser-ready UTF-8, and reading files from disk.

#include "parse/source_text.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using namespace std::string_literals;

const Diagnostic* find_code(const SourceText& s, std::string_view code) {
  for (const Diagnostic& d : s.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

TEST_CASE("valid UTF-8 passes through unchanged and without diagnostics", "[unit][source_text]") {
  const std::string bytes = "# caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\nimport os\n";
  const SourceText s = decode_source(bytes);
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == bytes);
  CHECK(s.diagnostics.empty());
}

TEST_CASE("empty input decodes to empty text", "[unit][source_text]") {
  const SourceText s = decode_source("");
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text.empty());
  CHECK(s.diagnostics.empty());
}

TEST_CASE("a UTF-8 byte-order mark is stripped", "[unit][source_text]") {
  const SourceText s = decode_source("\xEF\xBB\xBFimport os\n");
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == "import os\n");
  CHECK(s.diagnostics.empty());
}

TEST_CASE("invalid UTF-8 with a latin-1 coding cookie is decoded with an info diagnostic",
          "[unit][source_text]") {
  const SourceText s = decode_source("# -*- coding: latin-1 -*-\nNAME = '\xE9t\xE9'\n");
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == "# -*- coding: latin-1 -*-\nNAME = '\xC3\xA9t\xC3\xA9'\n");
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "legacy-encoding");
  CHECK(s.diagnostics[0].severity == Severity::kInfo);
  CHECK(s.diagnostics[0].message.find("latin-1") != std::string::npos);
}

TEST_CASE("a coding cookie on the second line counts, one on the third does not",
          "[unit][source_text]") {
  const SourceText second =
      decode_source("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nX = '\xFC'\n");
  CHECK(find_code(second, "legacy-encoding") != nullptr);
  CHECK(second.text.ends_with("X = '\xC3\xBC'\n"));

  const SourceText third =
      decode_source("#!/usr/bin/env python\n\n# coding: latin-1\nX = '\xFC'\n");
  CHECK(find_code(third, "legacy-encoding") == nullptr);
  CHECK(find_code(third, "not-utf8") != nullptr);
}

TEST_CASE("Latin-1 cookie spellings Python accepts count as declared", "[unit][source_text]") {
  // Python normalises '_' to '-' and accepts "iso-latin-1" (Emacs' name) as Latin-1.
  for (const char* name : {"iso-latin-1", "latin_1", "ISO_8859_1", "Latin-1"}) {
    INFO(name);
    const SourceText s = decode_source(std::string("# -*- coding: ") + name + " -*-\nX = '\xE9'\n");
    CHECK(find_code(s, "legacy-encoding") != nullptr);
    CHECK(find_code(s, "not-utf8") == nullptr);
    CHECK(s.text.ends_with("X = '\xC3\xA9'\n"));
  }
}

TEST_CASE("invalid UTF-8 without a cookie is decoded as Latin-1 with a not-utf8 warning",
          "[unit][source_text]") {
  const SourceText s = decode_source("NAME = '\xE9'\n");
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == "NAME = '\xC3\xA9'\n");
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "not-utf8");
  CHECK(s.diagnostics[0].severity == Severity::kWarning);
}

TEST_CASE("a cookie declaring UTF-8 on invalid bytes still warns not-utf8", "[unit][source_text]") {
  const SourceText s = decode_source("# coding: utf-8\nX = '\xE9'\n");
  const Diagnostic* d = find_code(s, "not-utf8");
  REQUIRE(d != nullptr);
  CHECK(d->message.find("utf-8") != std::string::npos);
  CHECK(find_code(s, "legacy-encoding") == nullptr);
}

TEST_CASE("overlong and surrogate UTF-8 sequences are not accepted as UTF-8",
          "[unit][source_text]") {
  CHECK(find_code(decode_source("X = '\xC0\xAF'\n"), "not-utf8") != nullptr);      // overlong '/'
  CHECK(find_code(decode_source("X = '\xED\xA0\x80'\n"), "not-utf8") != nullptr);  // U+D800
  CHECK(find_code(decode_source("X = '\xE2\x82'\n"), "not-utf8") != nullptr);      // truncated
}

TEST_CASE("a cp1252 cookie decodes smart quotes as cp1252, not as C1 controls",
          "[unit][source_text]") {
  // 0x93 / 0x94 are U+201C / U+201D in cp1252 (the diagnostic says cp1252 was used).
  const SourceText s = decode_source("# coding: cp1252\nX = '\x93hi\x94'\n");
  CHECK(find_code(s, "legacy-encoding") != nullptr);
  CHECK(s.text == "# coding: cp1252\nX = '\xE2\x80\x9Chi\xE2\x80\x9D'\n");
}

TEST_CASE("NUL bytes mark a file as binary and skip it", "[unit][source_text]") {
  const SourceText s = decode_source(
      "\x7f"
      "ELF\0\0\0\x01"s);
  CHECK(s.status == FileStatus::kSkippedBinary);
  CHECK(s.text.empty());
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "binary-file");
}

TEST_CASE("UTF-16LE with a byte-order mark is decoded to UTF-8", "[unit][source_text]") {
  // "import os\n" then U+00E9 and U+1F600 (a surrogate pair) in little-endian units.
  std::string bytes = "\xFF\xFE"s;
  for (char c : std::string("import os\n"))
    bytes += std::string{c, '\0'};
  bytes += "\xE9\x00"s;
  bytes += "\x3D\xD8\x00\xDE"s;
  const SourceText s = decode_source(bytes);
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == "import os\n\xC3\xA9\xF0\x9F\x98\x80");
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "utf16-source");
}

TEST_CASE("UTF-16BE with a byte-order mark is decoded to UTF-8", "[unit][source_text]") {
  std::string bytes = "\xFE\xFF"s;
  for (char c : std::string("x = 1\n"))
    bytes += std::string{'\0', c};
  bytes += "\x20\xAC"s;  // U+20AC euro sign
  const SourceText s = decode_source(bytes);
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == "x = 1\n\xE2\x82\xAC");
  CHECK(find_code(s, "utf16-source") != nullptr);
}

TEST_CASE("count_lines counts lines as an editor shows them", "[unit][source_text]") {
  CHECK(count_lines("") == 0);
  CHECK(count_lines("x") == 1);
  CHECK(count_lines("x\n") == 1);
  CHECK(count_lines("x\ny") == 2);
  CHECK(count_lines("x\ny\n") == 2);
  CHECK(count_lines("\n") == 1);
  CHECK(count_lines("\n\n\n") == 3);
  CHECK(count_lines("a\r\nb\r\n") == 2);
}

TEST_CASE("read_source on a missing file is unreadable with an error", "[unit][source_text]") {
  testing::TempFolder folder;
  const SourceText s = read_source(folder.root() / "missing.py", 1 << 20);
  CHECK(s.status == FileStatus::kUnreadable);
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "unreadable");
  CHECK(s.diagnostics[0].severity == Severity::kError);
}

TEST_CASE("read_source skips files over max_bytes and reads files at the limit",
          "[unit][source_text]") {
  testing::TempFolder folder;
  const auto path = folder.write("big.py", std::string(100, '#') + "\n");  // 101 bytes
  const SourceText over = read_source(path, 100);
  CHECK(over.status == FileStatus::kSkippedTooLarge);
  CHECK(over.text.empty());
  REQUIRE(over.diagnostics.size() == 1);
  CHECK(over.diagnostics[0].code == "file-too-large");

  const SourceText at = read_source(path, 101);
  CHECK(at.status == FileStatus::kParsed);
  CHECK(at.text.size() == 101);
}

TEST_CASE("read_source decodes what it reads", "[unit][source_text]") {
  testing::TempFolder folder;
  const auto path = folder.write("legacy.py", "\xEF\xBB\xBF# coding: latin-1\nX = '\xE9'\n");
  const SourceText s = read_source(path, 1 << 20);
  CHECK(s.status == FileStatus::kParsed);
  CHECK(s.text == "# coding: latin-1\nX = '\xC3\xA9'\n");
  CHECK(find_code(s, "legacy-encoding") != nullptr);
}

}  // namespace
}  // namespace cutover
