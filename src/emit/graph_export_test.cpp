// `cutover graph` output: the cycles filter, cycle edges marked, DOT quoting.

#include "emit/graph_export.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace cutover {
namespace {

Inventory small_graph() {
  Inventory inv;
  inv.root = "tree";
  for (const char* name : {"a", "b", "c", "evil\"name"}) {
    inv.modules.push_back(Module{.name = name, .path = std::string(name) + ".py"});
  }
  auto edge = [](const char* from, const char* to, std::uint32_t line) {
    return ImportEdge{.from = from, .to = to, .file = std::string(from) + ".py", .line = line};
  };
  inv.imports = {edge("a", "b", 1), edge("b", "a", 2), edge("a", "c", 3),
                 edge("c", "evil\"name", 4),
                 ImportEdge{.from = "c", .to = "os", .kind = ImportKind::kStdlib}};
  inv.cycles.push_back(
      ImportCycle{.modules = {"a", "b"}, .path = {{"a", "b", "a.py", 1}, {"b", "a", "b.py", 2}}});
  return inv;
}

TEST_CASE("graph JSON lists internal edges and marks the cycle's", "[unit][graph_export]") {
  const nlohmann::json all = nlohmann::json::parse(graph_to_json(small_graph(), {}));
  CHECK(all["modules"].size() == 4);
  REQUIRE(all["edges"].size() == 4);  // the stdlib import is not an edge of the graph
  for (const auto& e : all["edges"]) {
    const bool cycle = e["from"] != "c" && e["to"] != "c";
    CHECK(e["in_cycle"] == cycle);
  }
  const nlohmann::json only =
      nlohmann::json::parse(graph_to_json(small_graph(), {.cycles_only = true}));
  CHECK(only["modules"].size() == 2);
  CHECK(only["edges"].size() == 2);
  CHECK(only["cycles"][0]["path"][1]["line"] == 2);
}

TEST_CASE("the family selection keeps its modules and what they import without crossing others",
          "[unit][graph_export]") {
  Inventory inv = small_graph();
  inv.modules[0].family = "fa";  // a
  inv.modules[1].family = "fb";  // b
  inv.families = {Family{.name = "fa"}, Family{.name = "fb"}, Family{.name = "fc"}};
  inv.family_edges = {FamilyDependency{.from = "fa", .to = "fb", .weight = 1},
                      FamilyDependency{.from = "fb", .to = "fa", .weight = 1}};
  const auto names = [](const nlohmann::json& doc) {
    std::vector<std::string> out;
    for (const auto& m : doc["modules"])
      out.push_back(m["name"]);
    return out;
  };
  const nlohmann::json fa = nlohmann::json::parse(graph_to_json(inv, {.family = "fa"}));
  CHECK(names(fa) == std::vector<std::string>{"a", "b", "c", "evil\"name"});
  const nlohmann::json fb = nlohmann::json::parse(graph_to_json(inv, {.family = "fb"}));
  CHECK(names(fb) == std::vector<std::string>{"a", "b"});  // a is reached, not crossed to c
  CHECK(fb["edges"].size() == 2);
  CHECK(fb["family_edges"].size() == 2);
  const nlohmann::json fc = nlohmann::json::parse(graph_to_json(inv, {.family = "fc"}));
  CHECK(fc["modules"].empty());
  CHECK(fc["family_edges"].empty());
  CHECK(family_names(inv) == "fa, fb, fc");
}

TEST_CASE("graph DOT clusters modules by family and draws the family graph",
          "[unit][graph_export]") {
  Inventory inv = small_graph();
  inv.modules[0].family = "fa";
  inv.families = {Family{.name = "fa", .endpoints = 3}, Family{.name = "fb", .endpoints = 1}};
  inv.family_edges = {FamilyDependency{.from = "fa", .to = "fb", .weight = 2}};
  const std::string dot = graph_to_dot(inv, {});
  CHECK(dot.find("subgraph cluster_0 {\n    label=\"fa\";\n    \"a\"") != std::string::npos);
  CHECK(dot.find("digraph families {") != std::string::npos);
  CHECK(dot.find("\"fa\" [label=\"fa (3)\"];") != std::string::npos);
  CHECK(dot.find("\"fa\" -> \"fb\" [label=2];") != std::string::npos);
}

TEST_CASE("graph DOT quotes names from the scanned tree", "[unit][graph_export]") {
  const std::string dot = graph_to_dot(small_graph(), {});
  CHECK(dot.starts_with("digraph modules {"));
  CHECK(dot.find("\"evil\\\"name\"") != std::string::npos);
  CHECK(dot.find("\"a\" -> \"b\" [color=red, penwidth=2];") != std::string::npos);
  CHECK(dot.find("\"a\" -> \"c\";") != std::string::npos);
}

}  // namespace
}  // namespace cutover
