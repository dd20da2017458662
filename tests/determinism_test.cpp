// Same input, byte-identical output, whatever the thread count.

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

TEST_CASE("the CLI writes the same inventory for --jobs 1 and --jobs 4", "[e2e][determinism]") {
  testing::ScratchTree out;
  const std::string sample = (testing::source_dir() / "samples/legacy_shop").string();
  REQUIRE(testing::run_cutover("scan " + sample + " -q --jobs 1 -o " +
                               (out.root() / "one").string()) == 0);
  REQUIRE(testing::run_cutover("scan " + sample + " -q --jobs 4 -o " +
                               (out.root() / "four").string()) == 0);
  const std::string one = testing::read_text(out.root() / "one/inventory.json");
  CHECK(one.size() > 1000);
  CHECK(one == testing::read_text(out.root() / "four/inventory.json"));
}

}  // namespace
}  // namespace cutover
