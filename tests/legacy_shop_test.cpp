// End to end on samples/legacy_shop, the Python 2.7 Flask monolith: the
// inventory kept in tests/expected/, the routes its running app serves, and
// the facts its authors built into it (see samples/legacy_shop/README.md).

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "e2e_support.h"
#include "testing/scratch_tree.h"

namespace cutover {
namespace {

using nlohmann::json;
using testing::read_text;
using testing::scan_repo_path;
using testing::source_dir;

json without_tool_version(json doc) {
  doc["tool"].erase("version");
  return doc;
}

const Route* find_route(const Inventory& inv, std::string_view endpoint) {
  for (const Route& r : inv.routes) {
    if (r.endpoint == endpoint) return &r;
  }
  return nullptr;
}

bool has_import(const Inventory& inv, std::string_view from, std::string_view to, ImportKind kind) {
  return std::any_of(inv.imports.begin(), inv.imports.end(), [&](const ImportEdge& e) {
    return e.from == from && e.to == to && e.kind == kind;
  });
}

TEST_CASE("legacy_shop inventory equals the expected inventory kept in the repo", "[e2e]") {
  const json actual =
      without_tool_version(json::parse(inventory_to_json(scan_repo_path("samples/legacy_shop"))));
  const json expected = without_tool_version(
      json::parse(read_text(source_dir() / "tests/expected/legacy_shop.inventory.json")));
  // Section by section, so a failure names what changed. To accept a deliberate
  // change: see tests/expected/README.md.
  std::vector<std::string> sections;
  for (const auto& [key, value] : actual.items())
    sections.push_back(key);
  std::vector<std::string> expected_sections;
  for (const auto& [key, value] : expected.items())
    expected_sections.push_back(key);
  CHECK(sections == expected_sections);
  for (const std::string& section : sections) {
    INFO("section " << section);
    CHECK(actual.at(section) == expected.value(section, json()));
  }
}

// The command line leaves the facts to the process's exit
// (LinkOptions::free_facts) and may not read them once let go of.
TEST_CASE("the command line writes the inventory the library builds", "[e2e]") {
  const testing::ScratchTree out;
  REQUIRE(testing::run_cutover("scan " + (source_dir() / "samples/legacy_shop").string() + " -o " +
                               out.root().string() + " --no-cache -q --format json") == 0);
  const json written = without_tool_version(json::parse(read_text(out.root() / "inventory.json")));
  const json built =
      without_tool_version(json::parse(inventory_to_json(scan_repo_path("samples/legacy_shop"))));
  for (const auto& [section, value] : built.items()) {
    if (section == "root") continue;  // the folder as given on each side
    INFO("section " << section);
    CHECK(written.value(section, json()) == value);
  }
}

TEST_CASE("legacy_shop routes equal the running app's url_map", "[e2e][parity]") {
  const Inventory inv = scan_repo_path("samples/legacy_shop");
  using Key = std::tuple<std::vector<std::string>, std::string, std::string>;
  std::set<Key> found;
  for (const Route& r : inv.routes)
    found.emplace(r.methods, r.path, r.endpoint);
  std::set<Key> served;
  for (const json& r :
       json::parse(read_text(source_dir() / "tests/expected/legacy_shop.runtime_routes.json"))) {
    served.emplace(r.at("methods").get<std::vector<std::string>>(), r.at("path"), r.at("endpoint"));
  }
  REQUIRE(served.size() == 53);
  CHECK(found == served);
}

TEST_CASE("legacy_shop facts its authors built in", "[e2e]") {
  const Inventory inv = scan_repo_path("samples/legacy_shop");

  SECTION("every route resolves: factory, helper taking app, prefixes from both places") {
    CHECK(std::none_of(inv.routes.begin(), inv.routes.end(),
                       [](const Route& r) { return r.partial; }));
    // orders_bp says url_prefix='/order'; register_blueprint(..., '/orders') wins.
    for (const Route& r : inv.routes) {
      if (r.endpoint.starts_with("orders.")) CHECK(r.path.starts_with("/orders"));
    }
    const Route* robots = find_route(inv, "robots");  // endpoint= on an app route
    REQUIRE(robots);
    CHECK(robots->path == "/robots.txt");
    CHECK(robots->handler == "shop.create_app.robots_txt");
  }

  SECTION("the orders <-> notifications import cycle") {
    const std::vector<std::string> cycle = {"shop.notifications.mailer", "shop.orders.services"};
    CHECK(std::any_of(inv.cycles.begin(), inv.cycles.end(),
                      [&](const ImportCycle& c) { return c.modules == cycle; }));
  }

  SECTION("Python 2 implicit relative imports resolve to the sibling module") {
    CHECK(has_import(inv, "shop.orders.views", "shop.orders.pricing", ImportKind::kInternal));
    CHECK(has_import(inv, "shop.orders.views", "shop.orders.cart", ImportKind::kInternal));
    CHECK(has_import(inv, "shop.catalog.views", "shop.catalog.queries", ImportKind::kInternal));
  }

  SECTION("imports are classified") {
    CHECK(has_import(inv, "shop.notifications.sms", "urllib2", ImportKind::kStdlib));
    CHECK(has_import(inv, "shop.orders.cart", "cPickle", ImportKind::kStdlib));
    CHECK(has_import(inv, "shop", "flask", ImportKind::kThirdParty));
  }

  SECTION("Python 2 sources and the Latin-1 file are reported, not dropped") {
    auto has_diag = [&](std::string_view file, std::string_view code) {
      return std::any_of(inv.diagnostics.begin(), inv.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.file == file && d.code == code; });
    };
    CHECK(has_diag("manage.py", "python2-syntax"));
    CHECK(has_diag("shop/orders/pricing.py", "python2-syntax"));
    CHECK(has_diag("shop/utils/text.py", "legacy-encoding"));
    CHECK(std::all_of(inv.files.begin(), inv.files.end(),
                      [](const FileEntry& f) { return f.status == FileStatus::kParsed; }));
  }
}

}  // namespace
}  // namespace cutover
