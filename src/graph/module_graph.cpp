#include "graph/module_graph.h"

#include "graph/betweenness.h"
#include "graph/module_edges.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

namespace cutover {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = std::size_t;

// Rounded so the JSON is the same on every machine and build.
double rounded(double value) {
  return std::round(value * 1e6) / 1e6;
}

// A shortest cycle from `start` back to it inside its component (BFS over
// successors in vertex order, so the choice is deterministic).
std::vector<Vertex> shortest_cycle(Vertex start, const std::vector<std::vector<Vertex>>& out,
                                   const std::vector<std::size_t>& component) {
  std::unordered_map<Vertex, Vertex> parent;
  std::deque<Vertex> queue{start};
  parent.emplace(start, start);
  while (!queue.empty()) {
    const Vertex u = queue.front();
    queue.pop_front();
    for (Vertex v : out[u]) {
      if (component[v] != component[start]) continue;
      if (v == start) {
        std::vector<Vertex> path{start};
        for (Vertex at = u; at != start; at = parent.at(at))
          path.push_back(at);
        path.push_back(start);
        std::reverse(path.begin() + 1, path.end() - 1);
        return path;
      }
      if (parent.emplace(v, u).second) queue.push_back(v);
    }
  }
  return {start, start};  // unreachable for a real component; a self-loop lands above
}

// Sums the sizes of the components a search discovers.
struct ComponentSizeCounter : boost::default_bfs_visitor {
  const std::vector<std::vector<std::size_t>>* members = nullptr;
  std::uint32_t* total = nullptr;
  std::vector<std::size_t>* discovered = nullptr;
  template <typename G>
  void discover_vertex(std::size_t component, const G&) const {
    *total += static_cast<std::uint32_t>((*members)[component].size());
    discovered->push_back(component);
  }
};

}  // namespace

ModuleGraphFacts analyse_module_graph(std::vector<Module>& modules,
                                      const std::vector<ImportEdge>& imports, unsigned jobs) {
  const std::size_t n = modules.size();
  const auto edges = distinct_module_edges(modules, imports).first_import;
  Graph graph(n);
  std::vector<std::vector<Vertex>> out(n);  // in edge order
  for (const auto& [edge, site] : edges) {
    const auto [from, to] = edge;
    boost::add_edge(from, to, graph);
    out[from].push_back(to);
    if (from == to) continue;
    ++modules[from].fan_out;
    ++modules[to].fan_in;
  }
  for (Module& m : modules) {
    const double coupling = m.fan_in + m.fan_out;
    m.instability = coupling == 0 ? 0 : rounded(m.fan_out / coupling);
  }

  // Cycles: strongly connected components with more than one member, or a self-import.
  std::vector<std::size_t> component(n);
  const std::size_t count = boost::strong_components(
      graph,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::vector<Vertex>> members(count);
  for (Vertex v = 0; v < n; ++v)
    members[component[v]].push_back(v);
  for (std::vector<Vertex>& group : members) {  // by name: the cycle starts at the first
    std::sort(group.begin(), group.end(),
              [&](Vertex a, Vertex b) { return modules[a].name < modules[b].name; });
  }
  ModuleGraphFacts facts;
  for (const std::vector<Vertex>& group : members) {
    const bool self_loop = group.size() == 1 && edges.contains({group[0], group[0]});
    if (group.size() < 2 && !self_loop) continue;
    ImportCycle cycle;
    for (Vertex v : group)
      cycle.modules.push_back(modules[v].name);
    const std::vector<Vertex> path = shortest_cycle(group[0], out, component);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
      const ImportEdge& site = *edges.at({path[i], path[i + 1]});
      cycle.path.push_back(ImportStep{.from = modules[path[i]].name,
                                      .to = modules[path[i + 1]].name,
                                      .file = site.file,
                                      .line = site.line});
    }
    facts.cycles.push_back(std::move(cycle));
  }
  std::sort(facts.cycles.begin(), facts.cycles.end(), [](const auto& a, const auto& b) {
    if (a.modules.size() != b.modules.size()) return a.modules.size() > b.modules.size();
    return a.modules < b.modules;
  });

  // Condensation DAG: layers (dependencies first) and transitive dependents.
  Graph condensation(count);
  Graph dependents(count);  // the condensation reversed: who imports each component
  std::set<std::pair<std::size_t, std::size_t>> component_edges;
  for (const auto& [edge, site] : edges) {
    const std::size_t cu = component[edge.first], cv = component[edge.second];
    if (cu != cv && component_edges.emplace(cu, cv).second) {
      boost::add_edge(cu, cv, condensation);
      boost::add_edge(cv, cu, dependents);
    }
  }
  std::vector<std::size_t> order;  // every component after the ones it depends on
  boost::topological_sort(condensation, std::back_inserter(order));
  std::vector<std::uint32_t> layer(count, 0);
  for (std::size_t c : order) {
    for (auto [e, end] = boost::out_edges(c, condensation); e != end; ++e) {
      layer[c] = std::max(layer[c], layer[boost::target(*e, condensation)] + 1);
    }
  }
  std::vector<std::uint32_t> radius(count, 0);
  std::vector<boost::default_color_type> colors(count, boost::white_color);
  const auto color_map = boost::make_iterator_property_map(
      colors.begin(), boost::get(boost::vertex_index, dependents));
  std::vector<std::size_t> discovered;
  for (std::size_t c = 0; c < count; ++c) {
    // Every module of the components that reach c, and c's other members.
    std::uint32_t reached = 0;
    discovered.clear();
    boost::breadth_first_visit(
        dependents, c,
        boost::visitor(
            ComponentSizeCounter{.members = &members, .total = &reached, .discovered = &discovered})
            .color_map(color_map));
    radius[c] = reached - 1;          // c's own module is no dependent of itself
    for (std::size_t d : discovered)  // only what this search touched: O(reach), not O(count)
      colors[d] = boost::white_color;
  }
  for (Vertex v = 0; v < n; ++v) {
    modules[v].layer = layer[component[v]];
    modules[v].blast_radius = radius[component[v]];
  }

  if (n > kMaxBetweennessModules) {
    facts.betweenness_computed = false;
    return facts;
  }
  const std::vector<double> centrality = betweenness_centrality(out, jobs);
  const double pairs = n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) : 1.0;
  for (Vertex v = 0; v < n; ++v)
    modules[v].betweenness = rounded(centrality[v] / pairs);
  return facts;
}

}  // namespace cutover
