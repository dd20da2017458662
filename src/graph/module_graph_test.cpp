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

ImportEdge edge_at(const char* from, const char* to, const char* file, std::uint32_t line) {
  return ImportEdge{.from = from, .to = to, .file = file, .line = line};
}

TEST_CASE("each cycle has a shortest concrete path with the file:line of its imports",
          "[unit][module_graph]") {
  // a -> b -> c -> a and a shortcut c -> a; also b -> a (the 2-cycle a, b is shorter).
  std::vector<Module> modules = modules_named({"a", "b", "c"});
  const ModuleGraphFacts facts = analyse_module_graph(
      modules, {edge_at("a", "b", "a.py", 3), edge_at("b", "c", "b.py", 5),
                edge_at("c", "a", "c.py", 7), edge_at("b", "a", "b.py", 9),
                edge_at("a", "b", "a.py", 1)});  // the first import of a -> b is the one shown
  REQUIRE(facts.cycles.size() == 1);
  const std::vector<ImportStep>& path = facts.cycles[0].path;
  REQUIRE(path.size() == 2);
  CHECK(path[0].from == "a");
  CHECK(path[0].to == "b");
  CHECK(path[0].file == "a.py");
  CHECK(path[0].line == 1);
  CHECK(path[1].from == "b");
  CHECK(path[1].to == "a");
  CHECK(path[1].line == 9);
}

TEST_CASE("layers, instability and blast radius follow the condensation DAG",
          "[unit][module_graph]") {
  // views -> services -> models; views -> utils; cli -> services; models <-> signals (a cycle)
  std::vector<Module> modules =
      modules_named({"cli", "models", "services", "signals", "utils", "views"});
  analyse_module_graph(
      modules, {edge("views", "services"), edge("services", "models"), edge("views", "utils"),
                edge("cli", "services"), edge("models", "signals"), edge("signals", "models")});
  CHECK(module(modules, "utils").layer == 0);
  CHECK(module(modules, "models").layer == 0);  // its cycle depends on nothing else
  CHECK(module(modules, "signals").layer == 0);
  CHECK(module(modules, "services").layer == 1);
  CHECK(module(modules, "views").layer == 2);
  CHECK(module(modules, "cli").layer == 2);
  CHECK(module(modules, "views").instability == 1.0);  // imports only
  CHECK(module(modules, "utils").instability == 0.0);  // imported only
  CHECK(module(modules, "services").instability == Approx(1.0 / 3));
  // Everything that reaches models: signals (same cycle), services, views, cli.
  CHECK(module(modules, "models").blast_radius == 4);
  CHECK(module(modules, "services").blast_radius == 2);
  CHECK(module(modules, "utils").blast_radius == 1);
  CHECK(module(modules, "views").blast_radius == 0);
}

TEST_CASE("betweenness names the hub every path goes through", "[unit][module_graph]") {
  std::vector<Module> modules = modules_named({"a", "b", "core", "x", "y"});
  analyse_module_graph(
      modules, {edge("a", "core"), edge("b", "core"), edge("core", "x"), edge("core", "y")});
  // 4 of the (5-1)(5-2) = 12 ordered pairs have a shortest path through core.
  CHECK(module(modules, "core").betweenness == Approx(4.0 / 12));
  CHECK(module(modules, "a").betweenness == 0.0);
  CHECK(module(modules, "x").betweenness == 0.0);
}

}  // namespace
}  // namespace cutover
