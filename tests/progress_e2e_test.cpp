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
        std::vector<std::string>{"product_id: int → str: the FastAPI route accepts values the "
                                 "legacy one answered with 404"});
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
  const std::string report = testing::read_text(out.root() / "report.html");
  CHECK(report.find("id=\"progress-table\"") != std::string::npos);
  // The graphs' layouts are kept in the cache, as scan keeps them, and a
  // second run draws the same report from them.
  std::size_t layout_packs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out.root() / "cache"))
    layout_packs += entry.path().filename().string().starts_with("layouts-");
  CHECK(layout_packs == 1);
  REQUIRE(testing::run_cutover("progress " + legacy + " --target " + target + " -q -o " +
                               out.root().string()) == 0);
  CHECK(testing::read_text(out.root() / "report.html") == report);
  CHECK(testing::run_cutover("progress " + legacy) == 2);  // --target is required
  CHECK(testing::run_cutover("progress " + legacy + " --target " + target + "/nowhere -q -o " +
                             out.root().string()) == 1);
}

TEST_CASE("history round trip (--history): each run appends, the report draws them all",
          "[cli][history]") {
  testing::ScratchTree out;
  const std::string legacy = (testing::source_dir() / "samples/legacy_shop").string();
  const std::string target = (testing::source_dir() / "samples/shop_fastapi").string();
  const std::string history = (out.root() / "history.sqlite").string();
  const std::string report = (out.root() / "r").string();
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  REQUIRE(testing::run_cutover("scan " + legacy + " -q -o " + report + " --history " + history) ==
          0);
  setenv("SOURCE_DATE_EPOCH", "1700600000", 1);
  REQUIRE(testing::run_cutover("progress " + legacy + " --target " + target + " -q -o " + report +
                               " --history " + history) == 0);
  unsetenv("SOURCE_DATE_EPOCH");
  const std::string html = testing::read_text(out.root() / "r/report.html");
  CHECK(testing::count(html, "<circle") == 2);
  CHECK(html.find("2023-11-14T22:13:20Z: 53 endpoints to move") != std::string::npos);
  CHECK(html.find("2023-11-21T20:53:20Z: 38 endpoints to move") != std::string::npos);
  // Without --history the report has no such section.
  REQUIRE(testing::run_cutover("scan " + legacy + " -q -o " + report) == 0);
  CHECK(testing::read_text(out.root() / "r/report.html").find("id=\"burn-down\"") ==
        std::string::npos);
  // A file that is not a history stops the run before any output is replaced.
  out.write("not-history.txt", std::string(2000, 'x'));
  CHECK(testing::run_cutover("scan " + legacy + " -q -o " + report + " --history " +
                             (out.root() / "not-history.txt").string()) == 1);
}

TEST_CASE("cutover diff exit codes: compared, surface grew, unreadable", "[cli][diff]") {
  testing::ScratchTree tree;
  tree.write("v1/app.py",
             "from flask import Flask\napp = Flask(__name__)\n"
             "@app.route('/a')\ndef a():\n    return ''\n");
  tree.write("v2/app.py",
             "from flask import Flask\napp = Flask(__name__)\n"
             "@app.route('/a', methods=['GET', 'POST'])\ndef a():\n    return ''\n"
             "@app.route('/b')\ndef b():\n    return ''\n");
  const std::string v1 = (tree.root() / "v1.out").string();
  const std::string v2 = (tree.root() / "v2.out").string();
  REQUIRE(testing::run_cutover("scan " + (tree.root() / "v1").string() + " -q -o " + v1) == 0);
  REQUIRE(testing::run_cutover("scan " + (tree.root() / "v2").string() + " -q -o " + v2) == 0);
  const std::string old_json = v1 + "/inventory.json", new_json = v2 + "/inventory.json";
  std::string printed;
  CHECK(testing::run_cutover("diff " + old_json + " " + new_json, &printed) == 0);
  CHECK(printed.find("1 added, 0 removed, 1 changed") != std::string::npos);
  CHECK(printed.find("methods: GET -> GET POST") != std::string::npos);
  CHECK(testing::run_cutover("diff " + old_json + " " + new_json + " --fail-on-new") == 1);
  // Shrinking is what a migration does: the gate passes.
  CHECK(testing::run_cutover("diff " + new_json + " " + old_json + " --fail-on-new") == 0);
  CHECK(testing::run_cutover("diff " + old_json + " " + old_json + " --fail-on-new --format json",
                             &printed) == 0);
  CHECK(printed.find("\"surface_grew\": false") != std::string::npos);
  tree.write("broken.json", "{\"schema_version\": 1, \"routes\": [");
  CHECK(testing::run_cutover("diff " + (tree.root() / "broken.json").string() + " " + new_json) ==
        2);
  CHECK(testing::run_cutover("diff " + old_json + " " + (tree.root() / "none.json").string()) == 2);
}

}  // namespace
}  // namespace cutover
