// SVG drawings through libgvc: escaped names, cycles in red, grouping.

#include "emit/graph_svg.h"

#include <catch2/catch.hpp>

#include "testing/text_count.h"

namespace cutover {
namespace {

using testing::count;

Inventory two_families() {
  Inventory inv;
  inv.families = {Family{.name = "a</text><script>alert(1)</script>", .endpoints = 2},
                  Family{.name = "b", .endpoints = 1}};
  inv.family_edges = {FamilyDependency{.from = inv.families[0].name, .to = "b", .weight = 3},
                      FamilyDependency{.from = "b", .to = inv.families[0].name, .weight = 1}};
  return inv;
}

TEST_CASE("the family graph is SVG with escaped names and a red family cycle",
          "[unit][graph_svg]") {
  const std::string svg = family_graph_svg(two_families());
  REQUIRE(svg.starts_with("<svg"));
  CHECK(svg.find("<?xml") == std::string::npos);  // ready to inline
  CHECK(count(svg, "<script") == 0);
  CHECK(svg.find("&lt;script&gt;") != std::string::npos);
  CHECK(count(svg, "stroke=\"red\"") == 4);  // both directions: each a path and an arrowhead
  CHECK(svg.find(">b (1)<") != std::string::npos);
  CHECK(family_graph_svg(Inventory{}).empty());
}

TEST_CASE("a family's module graph: own modules, other families, shared modules",
          "[unit][graph_svg]") {
  Inventory inv;
  inv.modules = {Module{.name = "app.orders.views", .family = "orders"},
                 Module{.name = "app.orders.services", .family = "orders"},
                 Module{.name = "app.users.api", .family = "users"},
                 Module{.name = "app.models", .core = true}};
  const auto edge = [](const char* from, const char* to) {
    return ImportEdge{.from = from, .to = to, .kind = ImportKind::kInternal};
  };
  inv.imports = {edge("app.orders.views", "app.orders.services"),
                 edge("app.orders.services", "app.users.api"),
                 edge("app.orders.services", "app.models"), edge("app.users.api", "app.models")};
  inv.cycles = {ImportCycle{.modules = {"app.orders.services", "app.orders.views"},
                            .path = {{"app.orders.views", "app.orders.services", "x", 1},
                                     {"app.orders.services", "app.orders.views", "y", 2}}}};
  const std::string svg = family_module_graph_svg(inv, "orders");
  CHECK(svg.find(">app.orders.views<") != std::string::npos);
  CHECK(svg.find(">family users<") != std::string::npos);
  CHECK(svg.find(">app.models<") != std::string::npos);
  CHECK(svg.find(">app.users.api<") == std::string::npos);  // another family's module: grouped
  CHECK(count(svg, "stroke=\"red\"") == 2);  // the cycle edge drawn here: path and arrowhead
  CHECK(family_module_graph_svg(inv, "nobody").empty());
}

TEST_CASE("past the limit a family's modules are grouped by package", "[unit][graph_svg]") {
  Inventory inv;
  for (std::size_t i = 0; i <= kMaxDrawnModules; ++i) {
    inv.modules.push_back(Module{
        .name = "big.part" + std::to_string(i % 3) + ".m" + std::to_string(i), .family = "big"});
  }
  const std::string svg = family_module_graph_svg(inv, "big");
  CHECK(count(svg, "class=\"node\"") == 3);
  CHECK(svg.find(">big.part0.*<") != std::string::npos);
}

TEST_CASE("a family importing many shared modules sees their packages", "[unit][graph_svg]") {
  Inventory inv;
  inv.modules.push_back(Module{.name = "shop.views", .family = "shop"});
  for (std::size_t i = 0; i <= kMaxDrawnModules; ++i) {
    const std::string name = "core.part" + std::to_string(i % 2) + ".m" + std::to_string(i);
    inv.modules.push_back(Module{.name = name});
    inv.imports.push_back(
        ImportEdge{.from = "shop.views", .to = name, .kind = ImportKind::kInternal});
  }
  const std::string svg = family_module_graph_svg(inv, "shop");
  CHECK(count(svg, "class=\"node\"") == 3);  // shop.views, core.part0.*, core.part1.*
  CHECK(svg.find(">core.part1.*<") != std::string::npos);
}

TEST_CASE("a dense family graph draws the heaviest edges, unlabelled", "[unit][graph_svg]") {
  Inventory inv;
  const std::size_t n = 30;
  for (std::size_t i = 0; i < n; ++i)
    inv.families.push_back(Family{.name = "f" + std::to_string(i)});
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      inv.family_edges.push_back(FamilyDependency{.from = "f" + std::to_string(a),
                                                  .to = "f" + std::to_string(b),
                                                  .weight = static_cast<std::uint32_t>(a + b)});
    }
  }
  const std::string svg = family_graph_svg(inv);
  CHECK(count(svg, "class=\"edge\"") == kMaxEdgesPerNode * n);
  CHECK(svg.find("the 60 heaviest of 870 dependencies between families") != std::string::npos);
  CHECK(svg.find("f29 → f28: 57 imports") != std::string::npos);  // the heaviest edge
  CHECK(svg.find("f0 → f1:") == std::string::npos);               // the lightest is left out
  CHECK(count(svg, "font-size=\"9.00\"") == 0);                   // weights in tooltips only
  // A sparse graph keeps every edge and its label.
  inv.family_edges.resize(3);
  const std::string sparse = family_graph_svg(inv);
  CHECK(count(sparse, "class=\"edge\"") == 3);
  CHECK(sparse.find("heaviest") == std::string::npos);
  CHECK(count(sparse, "font-size=\"9.00\"") == 3);
}

}  // namespace
}  // namespace cutover

namespace cutover {
namespace {

TEST_CASE("a layout is drawn once per graph content and then taken from the memo",
          "[unit][graph_svg]") {
  SvgLayoutMemo first;
  const std::string drawn = family_graph_svg(two_families(), &first);
  REQUIRE(first.drawn.size() == 1);
  CHECK(first.drawn[0].second == drawn);

  // A memo that knows the graph's key answers for Graphviz.
  SvgLayoutMemo second;
  second.earlier.emplace(first.drawn[0].first, "<svg>remembered</svg>");
  CHECK(family_graph_svg(two_families(), &second) == "<svg>remembered</svg>");
  REQUIRE(second.drawn.size() == 1);  // kept for the next run's pack
  CHECK(second.drawn[0].first == first.drawn[0].first);

  // Any change to the graph is another key: laid out afresh.
  Inventory changed = two_families();
  changed.families[1].endpoints = 7;
  SvgLayoutMemo third;
  third.earlier = second.earlier;
  const std::string redrawn = family_graph_svg(changed, &third);
  CHECK(redrawn.find(">b (7)<") != std::string::npos);
  REQUIRE(third.drawn.size() == 1);
  CHECK(third.drawn[0].first != first.drawn[0].first);
}

}  // namespace
}  // namespace cutover
