// The bad-input suite: one test per kind of file a legacy tree holds that is
// not clean Python 3 in UTF-8. Each gets a precise diagnostic, or is read
// as Python would read it, and the scan finishes.

#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace cutover {
namespace {

using testing::ScratchTree;

Inventory scan(const ScratchTree& tree, double parse_timeout_seconds = 60,
               const std::filesystem::path& cache_dir = {}) {
  return run_scan(ScanOptions{.root = tree.root(),
                              .root_label = "tree",
                              .jobs = 2,
                              .parse_timeout_seconds = parse_timeout_seconds,
                              .cache_dir = cache_dir});
}

const Diagnostic* diag(const Inventory& inv, std::string_view file, std::string_view code) {
  const auto it =
      std::find_if(inv.diagnostics.begin(), inv.diagnostics.end(),
                   [&](const Diagnostic& d) { return d.file == file && d.code == code; });
  return it == inv.diagnostics.end() ? nullptr : &*it;
}

FileStatus status_of(const Inventory& inv, std::string_view path) {
  const auto it = std::find_if(inv.files.begin(), inv.files.end(),
                               [&](const FileEntry& f) { return f.path == path; });
  REQUIRE(it != inv.files.end());
  return it->status;
}

std::vector<std::string> route_lines(const Inventory& inv) {
  std::vector<std::string> out;
  for (const Route& r : inv.routes)
    out.push_back(r.path + " " + r.file + ":" + std::to_string(r.line));
  return out;
}

// `DATA = [item, item, ...]` on one line of at least `bytes` bytes.
std::string one_line_list(std::string_view item, std::size_t bytes) {
  std::string line = "DATA = [";
  while (line.size() < bytes)
    line += item;
  return line + "]\n";
}

// A Flask app whose lines end with `eol`.
std::string app_with_line_ending(std::string_view eol) {
  std::string out;
  for (std::string_view line : {"from flask import Flask", "app = Flask(__name__)", "",
                                "@app.route('/ping')", "def ping():", "    return 'pong'"}) {
    out += line;
    out += eol;
  }
  return out;
}

std::string utf16(std::string_view ascii, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    out += little_endian ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

TEST_CASE("UTF-16 files with a byte-order mark are decoded", "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("le.py", utf16(app_with_line_ending("\n"), true));
  tree.write("be.py", utf16("import os\n", false));
  const Inventory inv = scan(tree);
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping le.py:4"});
  CHECK(diag(inv, "le.py", "utf16-source"));
  CHECK(diag(inv, "be.py", "utf16-source"));
  CHECK(status_of(inv, "be.py") == FileStatus::kParsed);
}

TEST_CASE("invalid UTF-8 without a coding line is read as Latin-1 with a warning",
          "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("shop.py", "# caf\xe9\n" + app_with_line_ending("\n"));
  const Inventory inv = scan(tree);
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping shop.py:5"});
  REQUIRE(diag(inv, "shop.py", "not-utf8"));
  CHECK(diag(inv, "shop.py", "not-utf8")->severity == Severity::kWarning);
}

TEST_CASE("a .py file with NUL bytes is skipped as binary", "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("blob.py", std::string("import os\0\0\x01", 12));
  const Inventory inv = scan(tree);
  CHECK(status_of(inv, "blob.py") == FileStatus::kSkippedBinary);
  CHECK(diag(inv, "blob.py", "binary-file"));
}

TEST_CASE("a 10 MB one-line file is scanned", "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("fixture.py", one_line_list("1234567,", 10u << 20));
  tree.write("app.py", app_with_line_ending("\n"));
  const Inventory inv = scan(tree);
  CHECK(status_of(inv, "fixture.py") == FileStatus::kParsed);
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping app.py:4"});
}

TEST_CASE("5,000-deep nested brackets are walked without recursion", "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("deep.py", "import os\nX = " + std::string(5000, '[') + std::string(5000, ']') + "\n" +
                            app_with_line_ending("\n"));
  const Inventory inv = scan(tree);
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping deep.py:6"});
}

TEST_CASE("2,000-deep nested blocks are walked without recursion", "[e2e][robustness]") {
  ScratchTree tree;
  std::string text = app_with_line_ending("\n");
  for (int depth = 0; depth < 2000; ++depth)
    text += std::string(4 * depth, ' ') + "if x:\n";
  text += std::string(4 * 2000, ' ') + "pass\n";
  tree.write("nested.py", text);
  const Inventory inv = scan(tree);
  // The route before the nesting survives whatever the parser makes of it.
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping nested.py:4"});
}

TEST_CASE("CRLF and lone CR line endings read as Python reads them", "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("windows.py", app_with_line_ending("\r\n"));
  tree.write("classic_mac.py", app_with_line_ending("\r"));
  const Inventory inv = scan(tree);
  CHECK(route_lines(inv) ==
        std::vector<std::string>{"/ping classic_mac.py:4", "/ping windows.py:4"});
  for (const FileEntry& f : inv.files)
    CHECK(f.lines == 6);
}

TEST_CASE("tabs and spaces mixed in indentation", "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("mixed.py",
             "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/ping')\ndef ping():\n"
             "\tif True:\n        return 'pong'\n\treturn 'no'\n");
  const Inventory inv = scan(tree);
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping mixed.py:4"});
}

TEST_CASE("symlinks out of the tree are reported and not followed", "[e2e][robustness]") {
  ScratchTree tree;
  ScratchTree elsewhere;
  elsewhere.write("lib/other_app.py", app_with_line_ending("\n"));
  tree.write("app.py", "import os\n");
  std::filesystem::create_directory_symlink(elsewhere.root() / "lib", tree.root() / "lib");
  std::filesystem::create_symlink("/etc/passwd", tree.root() / "passwd.py");
  const Inventory inv = scan(tree);
  CHECK(inv.files.size() == 1);
  CHECK(inv.routes.empty());
  CHECK(diag(inv, "lib", "symlink-outside-tree"));
  CHECK(diag(inv, "passwd.py", "symlink-outside-tree"));
}

TEST_CASE("a file name that is not UTF-8 is scanned, reported, and written as valid JSON",
          "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("caf\xe9.py", app_with_line_ending("\n"));
  const Inventory inv = scan(tree);
  REQUIRE(inv.files.size() == 1);
  CHECK(diag(inv, "caf\xe9.py", "non-utf8-name"));
  CHECK(inv.routes.size() == 1);
  const nlohmann::json json = nlohmann::json::parse(inventory_to_json(inv));
  CHECK(json["files"][0]["path"] == "caf\xef\xbf\xbd.py");  // U+FFFD
}

TEST_CASE("an empty tree and a tree without Python files finish with a warning",
          "[e2e][robustness]") {
  ScratchTree empty;
  ScratchTree other;
  other.write("README.md", "# not Python\n");
  other.write("static/app.js", "console.log(1)\n");
  for (const ScratchTree* tree : {&empty, &other}) {
    const Inventory inv = scan(*tree);
    CHECK(inv.files.empty());
    CHECK(diag(inv, "", "no-python-files"));
  }
  std::string output;
  CHECK(testing::run_cutover(
            "scan " + other.root().string() + " -o " + (empty.root() / "out").string(), &output) ==
        0);
  CHECK(std::filesystem::exists(empty.root() / "out" / "inventory.json"));
}

TEST_CASE("a parse past --parse-timeout is skipped with a diagnostic and not cached",
          "[e2e][robustness]") {
  ScratchTree tree;
  tree.write("huge.py", one_line_list("name_a, name_b, ", 4u << 20));
  tree.write("app.py", app_with_line_ending("\n"));
  ScratchTree cache;
  // 50 ms cannot parse 4 MB (0.4 s here), and leaves app.py time to finish
  // even on a loaded machine (1 ms did not, when its thread was preempted).
  const Inventory inv = scan(tree, 0.05, cache.root());
  CHECK(status_of(inv, "huge.py") == FileStatus::kSkippedTimeout);
  REQUIRE(diag(inv, "huge.py", "parse-timeout"));
  CHECK(diag(inv, "huge.py", "parse-timeout")->severity == Severity::kError);
  CHECK(route_lines(inv) == std::vector<std::string>{"/ping app.py:4"});
  // With time to finish, the file is parsed: the timeout was not cached.
  const Inventory again = scan(tree, 60, cache.root());
  CHECK(status_of(again, "huge.py") == FileStatus::kParsed);
}

TEST_CASE("the max-files limit scans the first files by path and says so", "[e2e][robustness]") {
  ScratchTree tree;
  for (const char* name : {"a.py", "b.py", "c.py"})
    tree.write(name, "import os\n");
  const Inventory inv =
      run_scan(ScanOptions{.root = tree.root(), .root_label = "tree", .jobs = 1, .max_files = 2});
  REQUIRE(inv.files.size() == 2);
  CHECK(inv.files[1].path == "b.py");
  REQUIRE(diag(inv, "", "too-many-files"));
  CHECK(diag(inv, "", "too-many-files")->message.find("3 Python files") != std::string::npos);
}

}  // namespace
}  // namespace cutover
