// The command line contract: exit codes, help, version, outputs in place.

#include <catch2/catch.hpp>

#include "e2e_support.h"

namespace cutover {
namespace {

using testing::run_cutover;

TEST_CASE("cutover --version and --help exit 0", "[cli]") {
  std::string out;
  CHECK(run_cutover("--version", &out) == 0);
  CHECK(out.starts_with("cutover "));
  CHECK(run_cutover("--help", &out) == 0);
  CHECK(out.find("scan") != std::string::npos);
  CHECK(run_cutover("scan --help", &out) == 0);
  CHECK(out.find("--jobs") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(run_cutover("") == 2);
  CHECK(run_cutover("scan") == 2);
  CHECK(run_cutover("scan . --no-such-flag") == 2);
  CHECK(run_cutover("scan . --jobs many") == 2);
  CHECK(run_cutover("frobnicate") == 2);
}

TEST_CASE("a scan that cannot run exits 1 with a message", "[cli]") {
  std::string out;
  CHECK(run_cutover("scan /nonexistent/cutover/path", &out) == 1);
  CHECK(out.find("not a folder") != std::string::npos);

  testing::ScratchTree tree;
  tree.write("app.py", "import os\n");
  tree.write("blocker", "a file where the output folder should go");
  CHECK(run_cutover("scan " + tree.root().string() + " -o " + (tree.root() / "blocker").string(),
                    &out) == 1);
}

TEST_CASE("a completed scan exits 0, writes both outputs and leaves no temp files", "[cli]") {
  testing::ScratchTree tree;
  tree.write("src/app.py",
             "from flask import Flask\napp = Flask(__name__)\n"
             "@app.route('/x')\ndef x():\n    return ''\n");
  tree.write("src/broken.py", "def (:\n");
  const std::filesystem::path out = tree.root() / "out";
  std::string printed;
  REQUIRE(run_cutover("scan " + (tree.root() / "src").string() + " -o " + out.string(), &printed) ==
          0);
  CHECK(printed.find("report.html") != std::string::npos);
  CHECK(std::filesystem::file_size(out / "inventory.json") > 0);
  CHECK(std::filesystem::file_size(out / "report.html") > 0);
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    CHECK(entry.path().extension() != ".tmp");
  }
}

TEST_CASE("cutover graph prints the module graph as JSON or DOT", "[cli]") {
  const std::string sample = (testing::source_dir() / "samples/legacy_shop").string();
  std::string out;
  REQUIRE(run_cutover("graph " + sample + " --cycles", &out) == 0);
  CHECK(out.find("\"shop.notifications.mailer\"") != std::string::npos);
  CHECK(out.find("\"in_cycle\": true") != std::string::npos);
  REQUIRE(run_cutover("graph " + sample + " --format dot", &out) == 0);
  CHECK(out.starts_with("digraph modules {"));
  CHECK(run_cutover("graph " + sample + " --format xml") == 2);
  CHECK(run_cutover("graph /nonexistent/cutover/path") == 1);
}

TEST_CASE("graph with a declared source root names modules from it and a bad root exits 1",
          "[cli]") {
  testing::ScratchTree tree;
  tree.write("services/company/billing/__init__.py", "");
  tree.write("services/company/billing/tax.py", "");
  tree.write("services/run.py", "import os\n");
  const std::string root = tree.root().string();
  std::string out;
  REQUIRE(run_cutover("graph " + root, &out) == 0);  // nothing says company/ is on the path
  CHECK(out.find("\"billing.tax\"") != std::string::npos);
  REQUIRE(run_cutover("graph " + root + " --root services", &out) == 0);
  CHECK(out.find("\"company.billing.tax\"") != std::string::npos);
  REQUIRE(run_cutover("graph " + root + " --root ./services/", &out) == 0);
  CHECK(out.find("\"company.billing.tax\"") != std::string::npos);
  CHECK(run_cutover("graph " + root + " --root missing", &out) == 1);
  CHECK(out.find("--root missing") != std::string::npos);
  CHECK(run_cutover("scan " + root + " --root ../elsewhere -q") == 1);
}

TEST_CASE("a scan run in a child and one run in this process say and write the same", "[cli]") {
  testing::ScratchTree tree;
  tree.write("app.py",
             "from flask import Flask\napp = Flask(__name__)\n"
             "@app.route('/x')\ndef x():\n    return ''\n");
  const auto scan = [&](const std::string& flags, const std::string& out, std::string* said) {
    return run_cutover(
        flags + " scan " + tree.root().string() + " --no-cache -o " + (tree.root() / out).string(),
        said);
  };
  std::string forked, here;
  REQUIRE(scan("", "a", &forked) == 0);
  REQUIRE(scan("--no-fork", "b", &here) == 0);
  // The child's whole output reaches the caller before the parent exits.
  CHECK(forked.find("wrote ") != std::string::npos);
  CHECK(forked.find("/a/inventory.json") != std::string::npos);
  CHECK(testing::read_text(tree.root() / "a" / "inventory.json") ==
        testing::read_text(tree.root() / "b" / "inventory.json"));
  // The child's exit code is the command's.
  CHECK(run_cutover("scan " + (tree.root() / "missing").string()) == 1);
  CHECK(run_cutover("--no-fork scan " + (tree.root() / "missing").string()) == 1);
}

TEST_CASE("scan writes the formats asked for", "[cli]") {
  testing::ScratchTree tree;
  tree.write("app.py",
             "from flask import Flask\napp = Flask(__name__)\n"
             "@app.route('/x')\ndef x():\n    return ''\n");
  const std::filesystem::path out = tree.root() / "out";
  const std::string scan = "scan " + tree.root().string() + " -q -o " + out.string();
  REQUIRE(run_cutover(scan + " --format md --format dot") == 0);
  CHECK(std::filesystem::exists(out / "summary.md"));
  CHECK(std::filesystem::exists(out / "graph.dot"));
  CHECK_FALSE(std::filesystem::exists(out / "inventory.json"));
  CHECK_FALSE(std::filesystem::exists(out / "report.html"));
  CHECK(testing::read_text(out / "summary.md").starts_with("## cutover: "));
  CHECK(testing::read_text(out / "graph.dot").find("digraph families {") != std::string::npos);
  CHECK(run_cutover(scan + " --format pdf") == 2);
}

TEST_CASE("scan --timings prints the time of each stage", "[cli]") {
  testing::ScratchTree tree;
  tree.write("app.py", "import os\n");
  std::string printed;
  REQUIRE(run_cutover(
              "scan " + tree.root().string() + " -q --timings -o " + (tree.root() / "out").string(),
              &printed) == 0);
  INFO(printed);
  for (const char* stage : {"cutover: timings: discover ", " summarize ", " link:names ",
                            " link:routes ", " plan ", " render ", " write "}) {
    CHECK(printed.find(stage) != std::string::npos);
  }
  REQUIRE(run_cutover("scan " + tree.root().string() + " -q -o " + (tree.root() / "out").string(),
                      &printed) == 0);
  CHECK(printed.empty());
}

TEST_CASE("report.html links file:line to the source", "[cli]") {
  testing::ScratchTree tree;
  tree.write("legacy/app.py",
             "from flask import Flask\napp = Flask(__name__)\n"
             "@app.route('/x')\ndef x():\n    return ''\n");
  const std::string legacy = (tree.root() / "legacy").string();
  const std::filesystem::path out = tree.root() / "reports/week1";
  // By default, relative to the output folder: the report opens the local file.
  // (Links wait in the page's data block; its script draws them.)
  REQUIRE(run_cutover("scan " + legacy + " -q -o " + out.string()) == 0);
  CHECK(testing::read_text(out / "report.html")
            .find("\"at\":[\"app.py:3\",\"../../legacy/app.py\"]") != std::string::npos);
  // The flag, then the config, point at a code host instead.
  REQUIRE(run_cutover("scan " + legacy + " -q -o " + out.string() +
                      " --source-url https://git.example/{file}#L{line}") == 0);
  CHECK(testing::read_text(out / "report.html")
            .find("\"at\":[\"app.py:3\",\"https://git.example/app.py#L3\"]") != std::string::npos);
  tree.write("legacy/cutover.toml", "source_url = \"https://cfg.example/{file}?l={line}\"\n");
  REQUIRE(run_cutover("scan " + legacy + " -q -o " + out.string()) == 0);
  CHECK(testing::read_text(out / "report.html")
            .find("\"at\":[\"app.py:3\",\"https://cfg.example/app.py?l=3\"]") != std::string::npos);
}

}  // namespace
}  // namespace cutover
