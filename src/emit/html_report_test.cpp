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
  // Endpoint rows are drawn by the script from the data block, where "<",
  // ">" and "&" are \u escapes.
  CHECK(html.find("\\u003cb\\u003ePOST\\u003c/b\\u003e") != std::string::npos);
  CHECK(html.find(".py:7\"") != std::string::npos);  // file:line of the route
}

TEST_CASE("slot markers inside scanned text stay literal", "[unit][html_report]") {
  Inventory inv;
  inv.root = "@@RISKS@@";
  const std::string html = render_html_report(inv);
  CHECK(html.find("@@RISKS@@") != std::string::npos);
  CHECK(html.find("No blocking risk found.") != std::string::npos);
  CHECK(html.find("@@ROOT@@") == std::string::npos);
  CHECK(html.find("@@SUMMARY_CARDS@@") == std::string::npos);
}

TEST_CASE("the plan sections hold one row per family; endpoints wait in the data block",
          "[unit][html_report]") {
  Inventory inv = hostile_inventory();
  inv.plan.families.push_back(FamilyPlan{.name = "catalog", .wave = 2, .reasons = "reads only"});
  const std::string html = render_html_report(inv);
  const std::size_t waves = html.find("id=\"wave-table\"");
  const std::size_t matrix = html.find("id=\"matrix-heatmap\"");
  const std::size_t endpoints = html.find("id=\"endpoint-table\"");
  REQUIRE(waves < matrix);
  REQUIRE(matrix < endpoints);
  const std::size_t waves_end = html.find("</table>", waves);
  CHECK(count(html.substr(waves, waves_end - waves), "<tr") == 3);  // header + 2 families
  // Header, a row per family, footer of counts.
  const std::size_t matrix_end = html.find("</table>", matrix);
  CHECK(count(html.substr(matrix, matrix_end - matrix), "<tr") == 4);
  CHECK(html.find("<b>catalog</b>") != std::string::npos);
  // No endpoint row in the page: the script draws them from the data block.
  const std::size_t endpoints_end = html.find("</table>", endpoints);
  CHECK(count(html.substr(endpoints, endpoints_end - endpoints), "<tr") == 1);
  CHECK(html.find("\"routes\":[{\"id\":") != std::string::npos);
  // The overview counts endpoints per framework and lists each family.
  const std::size_t overview = html.find("id=\"framework-table\"");
  REQUIRE(overview < waves);
  CHECK(html.find("<tr><td>flask</td><td>1</td></tr>") != std::string::npos);
  const std::size_t families = html.find("id=\"family-table\"");
  CHECK(count(html.substr(families, html.find("</table>", families) - families), "<tr>") == 3);
}

TEST_CASE("the matrix is a heat map of families by adapters", "[unit][html_report]") {
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
  inv.plan.families = {FamilyPlan{.name = "shop", .wave = 1}};
  inv.plan.matrix = {
      MatrixRow{.family = "shop", .status = "adapted", .adapters = {form, form, session}},
      MatrixRow{.family = "shop", .status = "blocked", .adapters = {form}},
      MatrixRow{.family = "shop", .status = "unchanged"},
  };
  const std::string html = render_html_report(inv, {.source_url = "https://git/{file}#L{line}"});
  const std::size_t grid = html.find("id=\"matrix-heatmap\"");
  REQUIRE(grid != std::string::npos);
  const std::string table = html.substr(grid, html.find("</table>", grid) - grid);
  // form-data first: two endpoints need it, session one.
  CHECK(table.find("<span>form-data</span>") < table.find("<span>session</span>"));
  CHECK(table.find("<td class=\"heat heat-3\">2</td><td class=\"heat heat-2\">1</td>") !=
        std::string::npos);
  CHECK(table.find("<th>2</th><th>1</th>") != std::string::npos);
  CHECK(table.find("1 unchanged</span> · <span class=\"status-adapted\">1 adapted") !=
        std::string::npos);
  CHECK(table.find("data-rows=\"shop\"") != std::string::npos);
  // The evidence and its link wait in the data block for the family's rows.
  CHECK(html.find("[\"form-data\",\"flask.request.form at v.py:4\",\"https://git/v.py#L4\"]") !=
        std::string::npos);
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
  CHECK(linked.find("\"at\":[\"shop/views.py:9\",\"../src/shop/views.py#L9\"]") !=
        std::string::npos);
  CHECK(linked.find("[\"syntax\",\"shop/bad.py:2\",\"../src/shop/bad.py#L2\",\"\"]") !=
        std::string::npos);
  const std::string plain = render_html_report(inv);
  CHECK(plain.find("../src/") == std::string::npos);
  CHECK(plain.find("\"at\":[\"shop/views.py:9\",\"\"]") != std::string::npos);
}

TEST_CASE("the first screen draws the plan and names the risks", "[unit][html_report]") {
  Inventory inv;
  inv.routes.resize(3);
  inv.routes[2].partial = true;
  inv.plan.families = {FamilyPlan{.name = "orders", .wave = 1},
                       FamilyPlan{.name = "<b>auth</b>", .wave = 2}};
  inv.plan.matrix = {MatrixRow{.family = "orders", .status = "adapted"},
                     MatrixRow{.family = "orders", .status = "unchanged"},
                     MatrixRow{.family = "<b>auth</b>", .status = "blocked"}};
  inv.cycles.push_back(ImportCycle{.modules = {"a", "b", "c"}});
  inv.plan.tables = {TableUse{.table = "users", .read_by = {"orders"}, .written_by = {"auth"}}};
  const std::string html = render_html_report(inv);
  const std::size_t svg = html.find("<svg id=\"plan-overview\"");
  REQUIRE(svg != std::string::npos);
  const std::string overview = html.substr(svg, html.find("</svg>", svg) - svg);
  CHECK(count(overview, "data-family=") == 2);
  CHECK(overview.find("href=\"#family=orders\"") < overview.find("&lt;b&gt;auth"));
  CHECK(overview.find("<title>orders — wave 1, 2 endpoints") != std::string::npos);
  CHECK(html.find("<b>auth") == std::string::npos);
  const std::size_t risks = html.find("<ul id=\"risks\">");
  REQUIRE(risks != std::string::npos);
  const std::string list = html.substr(risks, html.find("</ul>", risks) - risks);
  CHECK(list.find("1 import cycles (the largest holds 3 modules)") != std::string::npos);
  CHECK(list.find("1 database tables used by several families") != std::string::npos);
  CHECK(list.find("1 endpoints blocked") != std::string::npos);
  CHECK(list.find("1 routes not fully resolved") != std::string::npos);
}

TEST_CASE("long lists are collapsed with their count; graphs wait in templates",
          "[unit][html_report]") {
  Inventory inv;
  FamilyPlan family{.name = "shop", .wave = 1};
  for (int i = 0; i < 40; ++i)
    family.prerequisites.push_back("step " + std::to_string(i));
  inv.plan.families.push_back(family);
  inv.families.push_back(Family{.name = "shop", .modules = {"shop.a"}});
  const ReportGraphs graphs{.families = "<svg id=\"g\"></svg>", .family_modules = {"<svg></svg>"}};
  const std::string html = render_html_report(inv, {.graphs = &graphs});
  CHECK(html.find("<li>step 2</li></ul><details class=\"more\"><summary>+37 more</summary>") !=
        std::string::npos);
  CHECK(html.find("step 3\nstep 4") != std::string::npos);  // one element for the rest
  CHECK(html.find("<template><svg id=\"g\"></svg></template>") != std::string::npos);
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
