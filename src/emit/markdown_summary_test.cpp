// The pull-request summary: totals, waves, blockers, and no markup from input.

#include "emit/markdown_summary.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("markdown_escape leaves no markup, link or HTML", "[unit][markdown]") {
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(markdown_escape("[x](javascript:y)") == "\\[x\\](javascript:y)");
  CHECK(markdown_escape("**bold** `code`\nnext") == "\\*\\*bold\\*\\* \\`code\\` next");
}

TEST_CASE("the summary counts statuses, lists waves and the top blockers", "[unit][markdown]") {
  Inventory inv;
  inv.root = "shop|<b>";
  inv.routes = {Route{.id = "a", .path = "/a"}, Route{.id = "b", .path = "/b"},
                Route{.id = "c",
                      .path = "/c",
                      .file = "x.py",
                      .line = 3,
                      .partial = true,
                      .unresolved = "rule RULES['c']"}};
  inv.plan.matrix = {
      MatrixRow{.status = "adapted",
                .adapters = {Adapter{.id = "session", .evidence = "flask.session"},
                             Adapter{.id = "request-hooks", .evidence = "before_request a"},
                             Adapter{.id = "request-hooks", .evidence = "before_request b"}}},
      MatrixRow{.status = "unchanged"},
      MatrixRow{.status = "blocked", .adapters = {Adapter{.id = "request-hooks"}}}};
  inv.plan.families = {
      FamilyPlan{.name = "catalog", .score = 1.5, .wave = 1, .reasons = "reads only"}};
  inv.plan.waves = {Wave{.number = 1, .families = {"catalog"}}};
  inv.python2 = {Python2Blocker{.construct = "print statement", .file = "a.py", .line = 4},
                 Python2Blocker{.construct = "print statement", .file = "b.py", .line = 1},
                 Python2Blocker{.construct = "builtin unicode", .file = "a.py", .line = 9}};
  const std::string md = markdown_summary(inv);
  CHECK(md.starts_with("## cutover: shop\\|&lt;b&gt;\n"));
  CHECK(md.find("| 3 | 1 | 1 | 0 | 1 | 1 | 1 | 1 |") != std::string::npos);
  CHECK(md.find("| 1 | catalog | 1.500 | reads only |") != std::string::npos);
  CHECK(md.find("- print statement: 2 (first at a.py:4)\n- builtin unicode: 1") !=
        std::string::npos);
  CHECK(md.find("- request-hooks: 2 endpoints\n- session: 1 endpoints") != std::string::npos);
  CHECK(md.find("- /c (x.py:3): rule RULES\\['c'\\]") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
}

}  // namespace
}  // namespace cutover
