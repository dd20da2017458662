#include "graph/module_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <set>
#include <unordered_map>

namespace cutover {

ModuleGraphFacts analyse_module_graph(std::vector<Module>& modules,
                                      const std::vector<ImportEdge>& imports) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  std::unordered_map<std::string, std::size_t> vertex_of;
  for (std::size_t i = 0; i < modules.size(); ++i)
    vertex_of.emplace(modules[i].name, i);

  std::set<std::pair<std::size_t, std::size_t>> edges;  // distinct, ordered: deterministic graph
  for (const ImportEdge& e : imports) {
    if (e.kind != ImportKind::kInternal) continue;
    const auto from = vertex_of.find(e.from);
    const auto to = vertex_of.find(e.to);
    if (from == vertex_of.end() || to == vertex_of.end()) continue;
    edges.emplace(from->second, to->second);
  }
  Graph graph(modules.size());
  for (const auto& [from, to] : edges) {
    boost::add_edge(from, to, graph);
    if (from == to) continue;
    ++modules[from].fan_out;
    ++modules[to].fan_in;
  }

  std::vector<std::size_t> component(modules.size());
  const std::size_t count = boost::strong_components(
      graph,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::vector<std::string>> members(count);
  for (std::size_t v = 0; v < modules.size(); ++v)
    members[component[v]].push_back(modules[v].name);
  ModuleGraphFacts facts;
  for (std::vector<std::string>& group : members) {
    const bool self_loop =
        group.size() == 1 && edges.contains({vertex_of[group[0]], vertex_of[group[0]]});
    if (group.size() < 2 && !self_loop) continue;
    std::sort(group.begin(), group.end());
    facts.cycles.push_back(ImportCycle{.modules = std::move(group)});
  }
  std::sort(facts.cycles.begin(), facts.cycles.end(), [](const auto& a, const auto& b) {
    if (a.modules.size() != b.modules.size()) return a.modules.size() > b.modules.size();
    return a.modules < b.modules;
  });
  return facts;
}

}  // namespace cutover
