// Same input, byte-identical output, whatever the thread count.

#include <algorithm>
#include <catch2/catch.hpp>

#include "e2e_support.h"
#include "emit/html_report.h"

namespace cutover {
namespace {

TEST_CASE("inventory.json and report.html are byte-identical for --jobs 1 and --jobs 4",
          "[e2e][determinism]") {
  for (const char* tree : {"samples/legacy_shop", "samples"}) {
    INFO(tree);
    const Inventory one = testing::scan_repo_path(tree, 1);
    const Inventory four = testing::scan_repo_path(tree, 4);
    REQUIRE_FALSE(one.routes.empty());
    CHECK(inventory_to_json(one) == inventory_to_json(four));
    CHECK(render_html_report(one) == render_html_report(four));
  }
}

TEST_CASE("the CLI writes the same outputs for --jobs 1 and --jobs 4", "[e2e][determinism]") {
  testing::ScratchTree out;
  const std::string sample = (testing::source_dir() / "samples/legacy_shop").string();
  REQUIRE(testing::run_cutover("scan " + sample + " -q --jobs 1 -o " +
                               (out.root() / "one").string()) == 0);
  REQUIRE(testing::run_cutover("scan " + sample + " -q --jobs 4 -o " +
                               (out.root() / "four").string()) == 0);
  const std::string one = testing::read_text(out.root() / "one/inventory.json");
  CHECK(one.size() > 1000);
  CHECK(one == testing::read_text(out.root() / "four/inventory.json"));
  // With more than one job, a forked process lays out a share of the graphs.
  CHECK(testing::read_text(out.root() / "one/report.html") ==
        testing::read_text(out.root() / "four/report.html"));
}

TEST_CASE("a cached re-run parses nothing and writes the same bytes", "[e2e][cache]") {
  testing::ScratchTree tree;
  const auto sample = testing::source_dir() / "samples/legacy_shop";
  std::filesystem::copy(sample, tree.root() / "shop", std::filesystem::copy_options::recursive);
  const std::string scan = "scan " + (tree.root() / "shop").string() + " -o ";
  std::string printed;
  REQUIRE(testing::run_cutover(scan + (tree.root() / "cold").string() + " --no-cache", &printed) ==
          0);
  CHECK(printed.find("(38 files parsed, 0 from the cache)") != std::string::npos);
  const std::string cache = " --cache " + (tree.root() / "cache").string();
  REQUIRE(testing::run_cutover(scan + (tree.root() / "first").string() + cache, &printed) == 0);
  CHECK(printed.find("(38 files parsed, 0 from the cache)") != std::string::npos);
  REQUIRE(testing::run_cutover(scan + (tree.root() / "warm").string() + cache, &printed) == 0);
  CHECK(printed.find("(0 files parsed, 38 from the cache)") != std::string::npos);
  for (const char* name : {"inventory.json", "report.html"}) {
    INFO(name);
    const std::string cold = testing::read_text(tree.root() / "cold" / name);
    CHECK(testing::read_text(tree.root() / "warm" / name) == cold);
  }
  // One file changed: only it is parsed again.
  tree.write("shop/shop/tasks.py", "import os\n");
  REQUIRE(testing::run_cutover(scan + (tree.root() / "edit").string() + cache, &printed) == 0);
  CHECK(printed.find("(1 files parsed, 37 from the cache)") != std::string::npos);
  // The pack that run wrote (kept entries from the old pack, one new) reads
  // back whole.
  REQUIRE(testing::run_cutover(scan + (tree.root() / "edit-warm").string() + cache, &printed) == 0);
  CHECK(printed.find("(0 files parsed, 38 from the cache)") != std::string::npos);
  CHECK(testing::read_text(tree.root() / "edit-warm/inventory.json") ==
        testing::read_text(tree.root() / "edit/inventory.json"));
  // By default the cache lives in the output folder.
  REQUIRE(testing::run_cutover(scan + (tree.root() / "out").string(), &printed) == 0);
  CHECK(std::filesystem::is_directory(tree.root() / "out/cache"));
}

}  // namespace
}  // namespace cutover

namespace cutover {
namespace {

// Copies every file under `from` into `to`, creating files (and their
// folders) in sorted order or in reverse: directory listings follow
// creation order on some file systems (tmpfs), hash order on others.
void copy_in_order(const std::filesystem::path& from, const std::filesystem::path& to,
                   bool reverse) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(from)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (reverse) std::reverse(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    const std::filesystem::path target = to / std::filesystem::relative(file, from);
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::copy_file(file, target);
  }
}

TEST_CASE("the inventory does not depend on the order files were created in",
          "[e2e][determinism]") {
  testing::ScratchTree work;
  copy_in_order(testing::source_dir() / "samples", work.root() / "forward", false);
  copy_in_order(testing::source_dir() / "samples", work.root() / "reverse", true);
  const auto scan = [&](const char* copy) {
    return inventory_to_json(
        run_scan(ScanOptions{.root = work.root() / copy, .root_label = "samples", .jobs = 2}));
  };
  const std::string forward = scan("forward");
  CHECK(forward.size() > 10000);
  CHECK(forward == scan("reverse"));
  CHECK(forward == inventory_to_json(testing::scan_repo_path("samples")));
}

}  // namespace
}  // namespace cutover
