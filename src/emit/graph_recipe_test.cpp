// A graph's recipe names its layout and replays into the same drawing
// wherever it is laid out.

#include "emit/graph_recipe.h"

#include <catch2/catch.hpp>
#include <string>

namespace cutover {
namespace {

GraphRecipe two_nodes(const char* color) {
  GraphRecipe g("LR");
  g.node("orders", "orders <&> (3)");
  g.node("billing", "billing\\n");
  g.set_node("billing", "shape", "ellipse");
  const std::size_t e = g.edge("orders", "billing");
  g.set_edge(e, "color", color);
  g.set_graph("label", "caption");
  return g;
}

TEST_CASE("a recipe names its layout: the same calls, the same key", "[unit][graph_recipe]") {
  CHECK(two_nodes("red").key() == two_nodes("red").key());
  CHECK(two_nodes("red").key() != two_nodes("blue").key());
  CHECK(two_nodes("red").layout_cost() > GraphRecipe("LR").layout_cost());
}

TEST_CASE("a recipe replays into the graph its calls made", "[unit][graph_recipe]") {
  const std::string svg = svg_of_recipe(two_nodes("red").recipe());
  REQUIRE(svg.starts_with("<svg"));
  CHECK(svg.find("orders &lt;&amp;&gt; (3)") != std::string::npos);  // escaped by Graphviz
  CHECK(svg.find("billing\\n") != std::string::npos);                // backslash kept literal
  CHECK(svg.find("<ellipse") != std::string::npos);
  CHECK(svg.find("stroke=\"red\"") != std::string::npos);
  CHECK(svg.find("caption") != std::string::npos);
  // The same recipe in any process draws the same bytes.
  CHECK(svg_of_recipe(two_nodes("red").recipe()) == svg);
}

TEST_CASE("a recipe cut short or not a recipe draws what it can", "[unit][graph_recipe]") {
  const std::string whole = two_nodes("red").recipe();
  for (const std::size_t cut : {std::size_t{0}, whole.size() / 3, whole.size() - 1}) {
    INFO("cut at " << cut);
    const std::string svg = svg_of_recipe(whole.substr(0, cut));
    CHECK((svg.empty() || svg.starts_with("<svg")));
  }
  constexpr char kBadEdge[] = "graphviz x\0set-edge\0zz\0a\0b\0";
  CHECK_NOTHROW(svg_of_recipe(std::string_view(kBadEdge, sizeof kBadEdge - 1)));
}

}  // namespace
}  // namespace cutover
