// Fan-in / fan-out and import cycles of the internal module graph.

#include "graph/module_graph.h"

#include <catch2/catch.hpp>
#include <string>

namespace cutover {
namespace {

std::vector<Module> modules_named(std::initializer_list<const char*> names) {
  std::vector<Module> out;
  for (const char* n : names)
    out.push_back(Module{.name = n, .path = std::string(n) + ".py"});
  return out;
}

ImportEdge edge(const char* from, const char* to, ImportKind kind = ImportKind::kInternal) {
  return ImportEdge{.from = from, .to = to, .file = std::string(from) + ".py", .kind = kind};
}

const Module& module(const std::vector<Module>& modules, std::string_view name) {
  for (const Module& m : modules) {
    if (m.name == name) return m;
  }
  FAIL("no module " << name);
  throw;
}

TEST_CASE("fan-in and fan-out count distinct internal modules", "[unit][module_graph]") {
  std::vector<Module> modules = modules_named({"a", "b", "c"});
  const ModuleGraphFacts facts = analyse_module_graph(
      modules, {edge("a", "b"), edge("a", "b"), edge("a", "c"), edge("b", "c")});
  CHECK(module(modules, "a").fan_out == 2);
  CHECK(module(modules, "a").fan_in == 0);
  CHECK(module(modules, "b").fan_out == 1);
  CHECK(module(modules, "b").fan_in == 1);
  CHECK(module(modules, "c").fan_out == 0);
  CHECK(module(modules, "c").fan_in == 2);
  CHECK(facts.cycles.empty());  // a DAG
}

TEST_CASE("a 3-cycle is one sorted component", "[unit][module_graph]") {
  std::vector<Module> modules = modules_named({"shop.c", "shop.a", "shop.b", "shop.d"});
  const ModuleGraphFacts facts =
      analyse_module_graph(modules, {edge("shop.a", "shop.b"), edge("shop.b", "shop.c"),
                                     edge("shop.c", "shop.a"), edge("shop.d", "shop.a")});
  REQUIRE(facts.cycles.size() == 1);
  CHECK(facts.cycles[0].modules == std::vector<std::string>{"shop.a", "shop.b", "shop.c"});
  CHECK(module(modules, "shop.a").fan_in == 2);
  CHECK(module(modules, "shop.d").fan_out == 1);
}

TEST_CASE("a self-import is a cycle of one but not fan-in or fan-out", "[unit][module_graph]") {
  std::vector<Module> modules = modules_named({"a", "b"});
  const ModuleGraphFacts facts = analyse_module_graph(modules, {edge("a", "a"), edge("a", "b")});
  REQUIRE(facts.cycles.size() == 1);
  CHECK(facts.cycles[0].modules == std::vector<std::string>{"a"});
  CHECK(module(modules, "a").fan_in == 0);
  CHECK(module(modules, "a").fan_out == 1);
}

TEST_CASE("cycles are ordered largest first, then by first member", "[unit][module_graph]") {
  std::vector<Module> modules = modules_named({"x", "y", "p", "q", "r", "s", "a", "b"});
  const ModuleGraphFacts facts = analyse_module_graph(
      modules, {edge("x", "y"), edge("y", "x"), edge("p", "q"), edge("q", "r"), edge("r", "p"),
                edge("s", "s"), edge("b", "a"), edge("a", "b")});
  REQUIRE(facts.cycles.size() == 4);
  CHECK(facts.cycles[0].modules == std::vector<std::string>{"p", "q", "r"});
  CHECK(facts.cycles[1].modules == std::vector<std::string>{"a", "b"});
  CHECK(facts.cycles[2].modules == std::vector<std::string>{"x", "y"});
  CHECK(facts.cycles[3].modules == std::vector<std::string>{"s"});
}

TEST_CASE("non-internal edges and unknown modules are ignored", "[unit][module_graph]") {
  std::vector<Module> modules = modules_named({"a", "b"});
  const ModuleGraphFacts facts = analyse_module_graph(
      modules, {edge("a", "os", ImportKind::kStdlib), edge("a", "b", ImportKind::kThirdParty),
                edge("b", "a", ImportKind::kUnresolved), edge("a", "missing"),
                edge("a", "b", ImportKind::kStdlib)});
  CHECK(facts.cycles.empty());
  CHECK(module(modules, "a").fan_out == 0);
  CHECK(module(modules, "b").fan_in == 0);
  CHECK(module(modules, "b").fan_out == 0);
}

TEST_CASE("an empty graph has no cycles", "[unit][module_graph]") {
  std::vector<Module> modules;
  CHECK(analyse_module_graph(modules, {}).cycles.empty());
}

}  // namespace
}  // namespace cutover
