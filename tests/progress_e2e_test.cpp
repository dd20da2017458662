// `cutover progress` on the main sample and its partly migrated FastAPI
// target: the figures samples/shop_fastapi/README.md promises.

#include <catch2/catch.hpp>

#include "e2e_support.h"
#include "emit/html_report.h"
#include "testing/scratch_tree.h"
#include "testing/text_count.h"
#include "track/progress.h"

namespace cutover {
namespace {

const EndpointProgress& endpoint(const Progress& p, std::string_view path,
                                 std::string_view method) {
  for (const EndpointProgress& e : p.endpoints) {
    if (e.path == path && std::find(e.methods.begin(), e.methods.end(), method) != e.methods.end())
      return e;
  }
  FAIL("no legacy endpoint " << method << " " << path);
  throw;
}

TEST_CASE("legacy_shop against shop_fastapi", "[e2e][progress]") {
  const Inventory legacy = testing::scan_repo_path("samples/legacy_shop");
  const Inventory target = testing::scan_repo_path("samples/shop_fastapi");
  const Progress p = match_progress(legacy, target);
  CHECK(p.overall.endpoints == 53);
  CHECK(p.overall.migrated == 14);  // catalog 8, healthz, robots.txt, 4 reporting rules
  CHECK(p.overall.mismatched == 1);
  CHECK(p.overall.split == 1);
  CHECK(p.overall.remaining == 37);
  CHECK(endpoint(p, "/catalog/products/{product_id}", "GET").mismatches ==
        std::vector<std::string>{"product_id: int → str"});
  const EndpointProgress& login = endpoint(p, "/auth/login", "POST");
  CHECK(login.status == "split");
  CHECK(login.methods_remaining == std::vector<std::string>{"POST"});
  CHECK(endpoint(p, "/reports/top-products/{limit}", "GET").status == "remaining");
  REQUIRE(p.new_routes.size() == 2);
  CHECK(p.new_routes[0].path == "/api/v2/catalog/products");
  CHECK(p.new_routes[1].path == "/static/{path:path}");
  for (const ProgressCounts& f : p.families) {
    if (f.name == "catalog") CHECK(f.percent == 100);
    if (f.name == "admin") CHECK(f.percent == 0);
  }
  // The report holds one progress row per legacy endpoint.
  const std::string html = render_html_report(legacy, {.progress = &p});
  const std::size_t table = html.find("id=\"progress-table\"");
  REQUIRE(table != std::string::npos);
  const std::string rows = html.substr(table, html.find("</table>", table) - table);
  CHECK(testing::count(rows, "<tr data-status=") == 53);
  CHECK(render_html_report(legacy).find("id=\"progress\"") == std::string::npos);
}

TEST_CASE("cutover progress writes progress.json and report.html", "[cli][progress]") {
  testing::ScratchTree out;
  const std::string legacy = (testing::source_dir() / "samples/legacy_shop").string();
  const std::string target = (testing::source_dir() / "samples/shop_fastapi").string();
  std::string printed;
  REQUIRE(testing::run_cutover(
              "progress " + legacy + " --target " + target + " -o " + out.root().string(),
              &printed) == 0);
  CHECK(printed.find("25.00% moved: 53 legacy endpoints, 14 migrated") != std::string::npos);
  CHECK(testing::read_text(out.root() / "progress.json").find("\"status\": \"split\"") !=
        std::string::npos);
  CHECK(testing::read_text(out.root() / "report.html").find("id=\"progress-table\"") !=
        std::string::npos);
  CHECK(testing::run_cutover("progress " + legacy) == 2);  // --target is required
  CHECK(testing::run_cutover("progress " + legacy + " --target " + target + "/nowhere -q -o " +
                             out.root().string()) == 1);
}

}  // namespace
}  // namespace cutover
