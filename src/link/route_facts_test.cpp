// What every route gets after extraction: its handler's location, its
// conditions, and whether it is test code's.

#include "link/route_facts.h"

#include <catch2/catch.hpp>

#include "scan/scan_pipeline.h"
#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::summarize_tree;

Inventory link(const std::vector<testing::PythonFile>& tree) {
  return link_summaries("t", summarize_tree(tree), {}, LinkOptions{});
}

const Route& route(const Inventory& inv, std::string_view path) {
  for (const Route& r : inv.routes) {
    if (r.path == path) return r;
  }
  FAIL("no route " << path);
  throw;
}

TEST_CASE("handler_file and handler_line are the view's definition, first decorator line",
          "[unit][route_facts]") {
  const Inventory inv = link({{"shop/__init__.py",
                               "from flask import Flask\napp = Flask(__name__)\n"
                               "from shop import views\n"},
                              {"shop/views.py",
                               "from shop import app\n"
                               "from shop.auth import login_required\n"
                               "\n"
                               "@app.route('/a')\n"
                               "@app.route('/b')\n"
                               "@login_required\n"
                               "def both():\n"
                               "    return ''\n"},
                              {"shop/auth.py", "def login_required(f):\n    return f\n"}});
  for (std::string_view path : {"/a", "/b"}) {
    const Route& r = route(inv, path);
    CHECK(r.handler_file == "shop/views.py");
    CHECK(r.handler_line == 4);
  }
  CHECK(route(inv, "/b").line == 5);  // the declaration keeps its own line
}

TEST_CASE("a route's if branches become its condition, evaluated under the tree's config",
          "[unit][route_facts]") {
  const std::vector<FileSummary> files = summarize_tree({{"app.py",
                                                          "ENABLE_EXPORT = False\n"
                                                          "MODE = 'full'\n"
                                                          "if ENABLE_EXPORT:\n"
                                                          "    register('/export')\n"
                                                          "elif MODE == 'full':\n"
                                                          "    register('/full')\n"
                                                          "else:\n"
                                                          "    if REMOTE:\n"
                                                          "        register('/remote')\n"}});
  std::vector<Diagnostic> diagnostics;
  const ModuleIndex index(files, diagnostics);
  const NameResolver names(files, index);
  Inventory inv;
  for (const CallFact& c : files[0].calls) {
    inv.routes.push_back(Route{.path = c.call.items[0].text,
                               .condition_refs = {ConditionRef{.file = 0, .index = c.condition}}});
  }
  complete_routes(inv, names, index, 1);
  REQUIRE(inv.routes.size() == 3);
  CHECK(inv.routes[0].conditional);
  CHECK(inv.routes[0].condition == "ENABLE_EXPORT");
  CHECK(inv.routes[0].enabled_by_default == false);
  CHECK(inv.routes[1].condition == "not (ENABLE_EXPORT) and MODE == \"full\"");
  CHECK(inv.routes[1].enabled_by_default == true);
  CHECK(inv.routes[2].condition == "not (ENABLE_EXPORT) and not (MODE == \"full\") and REMOTE");
  CHECK(inv.routes[2].enabled_by_default == false);  // one branch is off: so is the route
}

TEST_CASE("routes declared in test code are kept apart with origin test", "[unit][route_facts]") {
  const Inventory inv = link({{"app.py",
                               "from flask import Flask\napp = Flask(__name__)\n"
                               "@app.route('/real')\ndef real():\n    return ''\n"},
                              {"tests/test_app.py",
                               "from flask import Flask\n"
                               "def test_x():\n"
                               "    app = Flask(__name__)\n"
                               "    @app.route('/throwaway')\n"
                               "    def throwaway():\n"
                               "        return ''\n"}});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].path == "/real");
  // The test's app, and the static route Flask adds to it (auto, still test code).
  REQUIRE(inv.test_routes.size() == 2);
  CHECK(inv.test_routes[0].path == "/static/<path:filename>");
  CHECK(inv.test_routes[0].auto_kind == "static");
  CHECK(inv.test_routes[0].origin == "test");
  CHECK(inv.test_routes[1].path == "/throwaway");
  CHECK(inv.test_routes[1].origin == "test");
}

}  // namespace
}  // namespace cutover
