// An unchanged re-run into the same folder keeps its outputs and links
// nothing; anything that shaped them, changed, brings a full run back.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/output_record.h"
#include "e2e_support.h"
#include "testing/scratch_tree.h"

namespace cutover {
namespace {

constexpr const char* kCurrent = "the outputs are current";

struct ShopScan {
  testing::ScratchTree tree;
  std::string command;

  ShopScan() {
    std::filesystem::copy(testing::source_dir() / "samples/legacy_shop", tree.root() / "shop",
                          std::filesystem::copy_options::recursive);
    command = "scan " + (tree.root() / "shop").string() + " -o " + (tree.root() / "out").string();
  }
  std::string run(const std::string& extra = "") {
    std::string printed;
    REQUIRE(testing::run_cutover(command + extra, &printed) == 0);
    return printed;
  }
  std::filesystem::path out(const char* name) const { return tree.root() / "out" / name; }
};

ino_t inode_of(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

TEST_CASE("an unchanged re-run keeps its outputs and says so", "[e2e][output_reuse]") {
  ShopScan shop;
  CHECK(shop.run().find(kCurrent) == std::string::npos);
  const std::string json = testing::read_text(shop.out("inventory.json"));
  const ino_t report = inode_of(shop.out("report.html"));
  const std::string again = shop.run();
  CHECK(again.find(kCurrent) != std::string::npos);
  CHECK(again.find("(0 files parsed, 38 from the cache)") != std::string::npos);
  CHECK(again.find("unchanged " + shop.out("inventory.json").string()) != std::string::npos);
  // The summary line's counts are the full run's.
  CHECK(again.find("38 files, 38 modules, 53 endpoints") != std::string::npos);
  CHECK(inode_of(shop.out("report.html")) == report);  // not rewritten
  CHECK(testing::read_text(shop.out("inventory.json")) == json);
}

TEST_CASE("a changed input, output or command line brings a full run back", "[e2e][output_reuse]") {
  ShopScan shop;
  shop.run();
  REQUIRE(shop.run().find(kCurrent) != std::string::npos);

  SECTION("a source file changed") {
    shop.tree.write("shop/shop/tasks.py", "import os\n");
    const std::string printed = shop.run();
    CHECK(printed.find(kCurrent) == std::string::npos);
    CHECK(printed.find("(1 files parsed, 37 from the cache)") != std::string::npos);
  }
  SECTION("a source file added") {
    shop.tree.write("shop/shop/extra.py", "import os\n");
    CHECK(shop.run().find(kCurrent) == std::string::npos);
  }
  SECTION("the configuration changed") {
    shop.tree.write("shop/cutover.toml", "[families]\n");
    CHECK(shop.run().find(kCurrent) == std::string::npos);
  }
  SECTION("an output edited by hand is written again") {
    const std::string json = testing::read_text(shop.out("inventory.json"));
    std::ofstream(shop.out("inventory.json"), std::ios::trunc) << "{}";
    CHECK(shop.run().find(kCurrent) == std::string::npos);
    CHECK(testing::read_text(shop.out("inventory.json")) == json);
  }
  SECTION("an output deleted is written again") {
    std::filesystem::remove(shop.out("report.html"));
    CHECK(shop.run().find(kCurrent) == std::string::npos);
    CHECK(std::filesystem::exists(shop.out("report.html")));
  }
  SECTION("other options") {
    CHECK(shop.run(" --format json").find(kCurrent) == std::string::npos);
    CHECK(shop.run(" --format json").find(kCurrent) != std::string::npos);
  }
  SECTION("--history appends a run each time: never kept") {
    const std::string history = " --history " + (shop.tree.root() / "history.db").string();
    CHECK(shop.run(history).find(kCurrent) == std::string::npos);
    CHECK(shop.run(history).find(kCurrent) == std::string::npos);
  }
  SECTION("--no-cache keeps no record") {
    CHECK(shop.run(" --no-cache").find(kCurrent) == std::string::npos);
  }
}

TEST_CASE("an output record reads back, and a damaged one is ignored", "[unit][output_reuse]") {
  testing::ScratchTree tree;
  const auto file = output_record_path(tree.root() / "cache", tree.root() / "out");
  const OutputRecord record{
      .fingerprint = 0x0123456789abcdefull,
      .summary = "3 files, 2 modules",
      .files = {{"report.html", 7}, {"inventory.json", 0xffffffffffffffffull}}};
  REQUIRE(save_output_record(file, record) == "");
  const std::optional<OutputRecord> read = load_output_record(file);
  REQUIRE(read);
  CHECK(read->fingerprint == record.fingerprint);
  CHECK(read->summary == record.summary);
  CHECK(read->files == record.files);
  const std::string text = testing::read_text(file);
  for (const std::string& damaged :
       {std::string(), text.substr(0, text.find("file ")), "cutover-outputs 2" + text.substr(17),
        text + "fingerprint zz\n"}) {
    std::ofstream(file, std::ios::trunc) << damaged;
    CHECK_FALSE(load_output_record(file));
  }
  CHECK_FALSE(load_output_record(tree.root() / "none.txt"));
}

}  // namespace
}  // namespace cutover
