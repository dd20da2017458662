// Bad input gets a diagnostic with file:line and the scan goes on: one tree
// holding every kind of file a legacy checkout contains, next to a good one.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "discover/source_discovery.h"
#include "e2e_support.h"
#include "parse/file_summarizer.h"

namespace cutover {
namespace {

const Diagnostic* find_diag(const Inventory& inv, std::string_view file, std::string_view code) {
  for (const Diagnostic& d : inv.diagnostics) {
    if (d.file == file && d.code == code) return &d;
  }
  return nullptr;
}

const FileEntry* find_file(const Inventory& inv, std::string_view path) {
  for (const FileEntry& f : inv.files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

constexpr const char* kGoodApp = R"(from flask import Flask
app = Flask(__name__)

@app.route('/ping')
def ping():
    return 'pong'
)";

TEST_CASE("every bad-input case yields a diagnostic and the scan completes", "[e2e][robustness]") {
  testing::ScratchTree tree;
  tree.write("app.py", kGoodApp);
  tree.write("latin1.py", "# no coding line\nNAME = '\xe9t\xe9'\n");
  tree.write("binary.py", std::string("\x7f"
                                      "ELF\0\0\0\x01",
                                      8));
  tree.write("broken.py", "import os\n\ndef f(:\n    pass\n\nimport json\n");
  tree.write("legacy.py",
             "import urllib2\n\ntry:\n    x = 1\nexcept ValueError, e:\n"
             "    print \"failed\", e\n");
  tree.write("pkg/__init__.py", "");
  std::filesystem::create_directory_symlink("..", tree.root() / "pkg" / "loop");
  REQUIRE(::mkfifo((tree.root() / "fifo.py").c_str(), 0644) == 0);

  const Inventory inv = run_scan(ScanOptions{.root = tree.root(), .root_label = "tree", .jobs = 2});

  REQUIRE(inv.routes.size() == 1);  // the good file is unaffected
  CHECK(inv.routes[0].path == "/ping");

  const Diagnostic* latin1 = find_diag(inv, "latin1.py", "not-utf8");
  REQUIRE(latin1);
  CHECK(latin1->severity == Severity::kWarning);
  CHECK(find_file(inv, "latin1.py")->status == FileStatus::kParsed);

  CHECK(find_diag(inv, "binary.py", "binary-file"));
  CHECK(find_file(inv, "binary.py")->status == FileStatus::kSkippedBinary);

  const Diagnostic* syntax = find_diag(inv, "broken.py", "syntax-error");
  REQUIRE(syntax);
  CHECK(syntax->line == 3);
  CHECK(find_file(inv, "broken.py")->status == FileStatus::kParsedWithErrors);
  const auto imports_of_broken =
      std::count_if(inv.imports.begin(), inv.imports.end(),
                    [](const ImportEdge& e) { return e.from == "broken"; });
  CHECK(imports_of_broken == 2);  // `import os` before and `import json` after the error

  const Diagnostic* py2 = find_diag(inv, "legacy.py", "python2-syntax");
  REQUIRE(py2);
  CHECK(py2->line == 5);  // `except ValueError, e:` comes first
  CHECK(find_file(inv, "legacy.py")->status == FileStatus::kParsed);

  CHECK(find_diag(inv, "pkg/loop", "symlink-loop"));
  CHECK(find_diag(inv, "fifo.py", "not-a-regular-file"));
}

TEST_CASE("a file that vanishes or cannot be read between discovery and parsing is reported",
          "[e2e][robustness]") {
  testing::ScratchTree tree;
  tree.write("gone.py", "import os\n");
  const std::filesystem::path locked = tree.write("locked.py", "import os\n");
  Discovery discovery = discover_sources(tree.root(), {});
  REQUIRE(discovery.files.size() == 2);
  std::filesystem::remove(tree.root() / "gone.py");
  std::filesystem::permissions(locked, std::filesystem::perms::none);

  SummarizerTools tools;
  for (const SourceFile& file : discovery.files) {
    const FileSummary summary = summarize_file(file, tools, SummarizeLimits{});
    if (file.rel_path == "locked.py" && ::geteuid() == 0) continue;  // root reads anything
    INFO(file.rel_path);
    CHECK(summary.status == FileStatus::kUnreadable);
    REQUIRE(summary.diagnostics.size() == 1);
    CHECK(summary.diagnostics[0].code == "unreadable");
    CHECK(summary.diagnostics[0].file == file.rel_path);
  }
}

TEST_CASE("files over --max-file-size are skipped with a diagnostic", "[e2e][robustness]") {
  testing::ScratchTree tree;
  tree.write("big.py", std::string(4096, '#') + "\n");
  tree.write("small.py", "x = 1\n");
  const Inventory inv = run_scan(
      ScanOptions{.root = tree.root(), .root_label = "t", .jobs = 1, .max_file_bytes = 1024});
  CHECK(find_diag(inv, "big.py", "file-too-large"));
  CHECK(find_file(inv, "big.py")->status == FileStatus::kSkippedTooLarge);
  CHECK(find_file(inv, "small.py")->status == FileStatus::kParsed);
}

}  // namespace
}  // namespace cutover
