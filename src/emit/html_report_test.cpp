// The HTML report escapes everything that came from the scanned tree.

#include "emit/html_report.h"

#include <catch2/catch.hpp>

#include <string>
#include "testing/text_count.h"

namespace cutover {
namespace {

constexpr const char* kScript = "</script><script>alert(1)</script>";
constexpr const char* kImg = "\"><img src=x onerror=alert(2)>";

using testing::count;

Inventory hostile_inventory() {
  Inventory inv;
  inv.root = std::string("root") + kImg;
  Route route;
  route.framework = "flask";
  route.methods = {"GET", "<b>POST</b>"};
  route.path = std::string("/x/") + kScript;
  route.path_template = std::string("/x/") + kImg;
  route.handler = std::string("views.") + kScript;
  route.endpoint = kImg;
  route.file = std::string("evil") + kImg + ".py";
  route.line = 7;
  route.partial = true;
  route.unresolved = kImg;
  inv.routes.push_back(route);
  inv.cycles.push_back(ImportCycle{.modules = {kScript, "b"}});
  inv.diagnostics.push_back(Diagnostic{.file = kScript,
                                       .line = 3,
                                       .severity = Severity::kWarning,
                                       .code = kImg,
                                       .message = std::string("bad ") + kScript});
  inv.plan.families.push_back(FamilyPlan{.name = kScript,
                                         .factors = {ScoreFactor{.name = kImg}},
                                         .wave = 1,
                                         .reasons = std::string("reads ") + kImg,
                                         .prerequisites = {kScript},
                                         .sequence = {kImg}});
  inv.plan.matrix.push_back(MatrixRow{
      .family = kImg,
      .status = kScript,
      .adapters = {Adapter{.id = kScript, .fastapi = kImg, .evidence = kScript, .file = kImg}},
      .blockers = {kImg},
      .deprecated_by = kScript});
  return inv;
}

TEST_CASE("the report contains no markup from scanned input", "[unit][html_report]") {
  const std::string empty = render_html_report(Inventory{});
  const std::string html = render_html_report(hostile_inventory());
  // Whatever <script>/<img> the template itself holds, the input added none.
  CHECK(count(html, "<script") == count(empty, "<script"));
  CHECK(count(html, "<img") == count(empty, "<img"));
  CHECK(count(html, "</script") == count(empty, "</script"));
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("<b>POST") == std::string::npos);
  CHECK(html.find("\"><img") == std::string::npos);
}

TEST_CASE("the report shows the escaped input", "[unit][html_report]") {
  const std::string html = render_html_report(hostile_inventory());
  CHECK(html.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;POST&lt;/b&gt;") != std::string::npos);
  CHECK(html.find(":7") != std::string::npos);  // file:line of the route
}

TEST_CASE("slot markers inside scanned text stay literal", "[unit][html_report]") {
  Inventory inv;
  inv.root = "@@ENDPOINT_ROWS@@";
  const std::string html = render_html_report(inv);
  CHECK(html.find("@@ENDPOINT_ROWS@@") != std::string::npos);
  CHECK(html.find("No endpoints found.") != std::string::npos);
  CHECK(html.find("@@ROOT@@") == std::string::npos);
  CHECK(html.find("@@SUMMARY_CARDS@@") == std::string::npos);
}

TEST_CASE("the plan sections hold one row per family and per endpoint", "[unit][html_report]") {
  Inventory inv = hostile_inventory();
  inv.plan.families.push_back(FamilyPlan{.name = "catalog", .wave = 2, .reasons = "reads only"});
  const std::string html = render_html_report(inv);
  const std::size_t waves = html.find("id=\"wave-table\"");
  const std::size_t matrix = html.find("id=\"matrix-table\"");
  const std::size_t endpoints = html.find("id=\"endpoint-table\"");
  REQUIRE(waves < matrix);
  REQUIRE(matrix < endpoints);
  const std::size_t waves_end = html.find("</table>", waves);
  CHECK(count(html.substr(waves, waves_end - waves), "<tr>") == 3);  // header + 2 families
  // Header, one endpoint, footer of counts.
  CHECK(count(html.substr(matrix, endpoints - matrix), "<tr") == 3);
  CHECK(html.find("<b>catalog</b>") != std::string::npos);
  // The overview counts endpoints per framework and lists each family.
  const std::size_t overview = html.find("id=\"framework-table\"");
  REQUIRE(overview < waves);
  CHECK(html.find("<tr><td>flask</td><td>1</td></tr>") != std::string::npos);
  const std::size_t families = html.find("id=\"family-table\"");
  CHECK(count(html.substr(families, html.find("</table>", families) - families), "<tr>") == 3);
}

TEST_CASE("the matrix has a column per adapter and counts endpoints", "[unit][html_report]") {
  Inventory inv;
  for (const char* path : {"/a", "/b", "/c"}) {
    inv.routes.push_back(Route{.id = std::string("r") + path, .path = path});
  }
  const Adapter form{.id = "form-data",
                     .fastapi = "Form()",
                     .evidence = "flask.request.form",
                     .file = "v.py",
                     .line = 4};
  const Adapter session{
      .id = "session", .fastapi = "SessionMiddleware", .evidence = "flask.session"};
  inv.plan.matrix = {
      MatrixRow{.status = "adapted", .adapters = {form, form, session}},  // one endpoint, once
      MatrixRow{.status = "blocked", .adapters = {form}},
      MatrixRow{.status = "unchanged"},
  };
  const std::string html = render_html_report(inv, {.source_url = "https://git/{file}#L{line}"});
  const std::size_t grid = html.find("id=\"matrix-table\"");
  REQUIRE(grid != std::string::npos);
  const std::string table = html.substr(grid, html.find("</table>", grid) - grid);
  // form-data first: two endpoints need it, session one.
  CHECK(table.find("<span>form-data</span>") < table.find("<span>session</span>"));
  CHECK(count(table, "<td class=\"hit") == 3);
  CHECK(table.find("<th>2</th><th>1</th>") != std::string::npos);
  CHECK(table.find("1 unchanged</span> · <span class=\"status-adapted\">1 adapted") !=
        std::string::npos);
  CHECK(table.find("<a href=\"https://git/v.py#L4\">●</a>") != std::string::npos);
  CHECK(table.find("href=\"#route-r/a\"") != std::string::npos);
  // The adapter summary above it.
  const std::size_t summary = html.find("id=\"adapter-table\"");
  REQUIRE(summary < grid);
  CHECK(html.find("<td><code>form-data</code></td><td>Form()</td><td>2</td>", summary) < grid);
}

TEST_CASE("locations link to the source when given a template", "[unit][html_report]") {
  Inventory inv;
  inv.routes.push_back(Route{.id = "r1", .path = "/", .file = "shop/views.py", .line = 9});
  inv.diagnostics.push_back(Diagnostic{.file = "shop/bad.py", .line = 2, .code = "syntax"});
  const std::string linked = render_html_report(inv, {.source_url = "../src/{file}#L{line}"});
  CHECK(linked.find("<a href=\"../src/shop/views.py#L9\">shop/views.py:9</a>") !=
        std::string::npos);
  CHECK(linked.find("<a href=\"../src/shop/bad.py#L2\">shop/bad.py:2</a>") != std::string::npos);
  const std::string plain = render_html_report(inv);
  CHECK(plain.find("href=\"../src/") == std::string::npos);
  CHECK(plain.find("shop/views.py:9") != std::string::npos);
}

TEST_CASE("the overview states the legacy surface", "[unit][html_report]") {
  Inventory inv;
  inv.files = {FileEntry{.path = "a.py", .lines = 10}, FileEntry{.path = "b.py", .lines = 5}};
  inv.routes.resize(2);
  inv.plan.matrix = {MatrixRow{.status = "adapted"}, MatrixRow{.status = "deprecated"}};
  inv.python2 = {Python2Blocker{.module = "a"}, Python2Blocker{.module = "a"}};
  const std::string html = render_html_report(inv);
  CHECK(html.find("<td>Endpoints to move (not deprecated)</td><td>1</td>") != std::string::npos);
  CHECK(html.find("<td>Source lines</td><td>15</td>") != std::string::npos);
  CHECK(html.find("<td>Modules with Python 2 blockers</td><td>1</td>") != std::string::npos);
}

TEST_CASE("summary cards count endpoints and partial routes", "[unit][html_report]") {
  const std::string html = render_html_report(hostile_inventory());
  CHECK(html.find("<b>1</b>endpoints") != std::string::npos);
  CHECK(html.find("<b>1</b>partial") != std::string::npos);
  CHECK(html.find("<b>1</b>import cycles") != std::string::npos);
  CHECK(html.find("No import cycles.") == std::string::npos);
}

}  // namespace
}  // namespace cutover
