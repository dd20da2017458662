#include "emit/graph_svg.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "emit/graph_recipe.h"
#include "emit/prestarted_workers.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

// The heaviest dependencies between families, at most `budget`, in the
// order of inv.family_edges; ties by (from, to).
std::vector<const FamilyDependency*> heaviest_edges(const Inventory& inv, std::size_t budget) {
  std::vector<const FamilyDependency*> edges;
  for (const FamilyDependency& d : inv.family_edges)
    edges.push_back(&d);
  if (edges.size() <= budget) return edges;
  std::stable_sort(edges.begin(), edges.end(),
                   [](const auto* a, const auto* b) { return a->weight > b->weight; });
  edges.resize(budget);
  std::sort(edges.begin(), edges.end(), [](const auto* a, const auto* b) {
    return std::tie(a->from, a->to) < std::tie(b->from, b->to);
  });
  return edges;
}

// The package a module is grouped under; a top-level module is its own.
std::string group_of(std::string_view module) {
  const std::string_view parent = parent_name(module);
  return std::string(parent.empty() ? module : parent);
}

std::optional<GraphRecipe> build_family_graph(const Inventory& inv) {
  if (inv.families.empty()) return std::nullopt;
  std::optional<GraphRecipe> built(std::in_place, "LR");
  GraphRecipe& g = *built;
  std::set<std::string> nodes;
  for (const Family& f : inv.families) {
    if (!nodes.insert(f.name).second) continue;
    g.node(f.name, f.name + " (" + std::to_string(f.endpoints) + ")");
    g.set_node(f.name, "shape", "ellipse");
  }
  std::set<std::pair<std::string, std::string>> pairs;
  for (const FamilyDependency& d : inv.family_edges)
    pairs.emplace(d.from, d.to);
  const std::vector<const FamilyDependency*> drawn =
      heaviest_edges(inv, kMaxEdgesPerNode * inv.families.size());
  // dot lays an edge label out as a node of its own: past a few dozen edges
  // the weight goes in the tooltip and the pen width instead.
  const bool labels = drawn.size() <= kMaxLabelledEdges;
  for (const FamilyDependency* d : drawn) {
    if (!nodes.contains(d->from) || !nodes.contains(d->to)) continue;
    const std::size_t e = g.edge(d->from, d->to);
    const std::string weight = std::to_string(d->weight);
    g.set_edge(e, labels ? "label" : "tooltip",
               labels ? weight : d->from + " → " + d->to + ": " + weight + " imports");
    if (!labels) g.set_edge(e, "penwidth", d->weight >= 10 ? "3" : d->weight >= 3 ? "2" : "1");
    if (pairs.contains({d->to, d->from})) g.set_edge(e, "color", "red");
  }
  if (drawn.size() < inv.family_edges.size()) {
    g.set_graph("label", "the " + std::to_string(drawn.size()) + " heaviest of " +
                             std::to_string(inv.family_edges.size()) +
                             " dependencies between families");
  }
  return built;
}

// What every family's drawing looks up, built once per report: the report
// draws a graph per family, and a monolith has a hundred families.
struct FamilyDrawingIndex {
  explicit FamilyDrawingIndex(const Inventory& inv) {
    std::unordered_map<std::string_view, const Module*> by_name;
    for (const Module& m : inv.modules) {
      by_name.emplace(m.name, &m);
      ++owned[m.family];
    }
    for (const ImportEdge& e : inv.imports) {
      if (e.kind != ImportKind::kInternal || e.from == e.to) continue;
      const auto from = by_name.find(e.from);
      const auto to = by_name.find(e.to);
      if (from == by_name.end() || to == by_name.end()) continue;
      imports_by_family[from->second->family].push_back({&e, from->second, to->second});
    }
    for (const ImportCycle& c : inv.cycles) {
      for (const ImportStep& s : c.path)
        cycle_edges.emplace(s.from, s.to);
    }
  }

  struct Import {
    const ImportEdge* edge;
    const Module* from;
    const Module* to;
  };
  std::unordered_map<std::string_view, std::size_t> owned;  // modules per family
  std::unordered_map<std::string_view, std::vector<Import>> imports_by_family;  // by importer
  std::set<std::pair<std::string, std::string>> cycle_edges;
};

std::optional<GraphRecipe> build_family_module_graph(const Inventory& inv,
                                                     const FamilyDrawingIndex& index,
                                                     const std::string& family) {
  const auto owned_at = index.owned.find(family);
  if (family.empty() || owned_at == index.owned.end()) return std::nullopt;
  const bool grouped = owned_at->second > kMaxDrawnModules;
  static const std::vector<FamilyDrawingIndex::Import> kNone;
  const auto imports_at = index.imports_by_family.find(family);
  const auto& imports = imports_at == index.imports_by_family.end() ? kNone : imports_at->second;
  // Modules of no family that it imports: grouped by package past the same
  // budget, so a family that imports half of a big core stays readable.
  std::set<std::string> outside;
  for (const FamilyDrawingIndex::Import& i : imports) {
    if (i.to->family.empty()) outside.insert(i.to->name);
  }
  const bool outside_grouped = outside.size() > kMaxDrawnModules;
  // What each module is drawn as: itself, its package, another family, or
  // nothing (modules the family does not import directly).
  const auto drawn_as = [&](const Module& m) -> std::string {
    if (m.family == family) return grouped ? group_of(m.name) + ".*" : m.name;
    if (!m.family.empty()) return "family " + m.family;
    return outside_grouped ? group_of(m.name) + ".*" : m.name;
  };
  std::optional<GraphRecipe> built(std::in_place, "LR");
  GraphRecipe& g = *built;
  std::set<std::string> nodes;
  const auto node_for = [&](const Module& m) {
    std::string key = drawn_as(m);
    if (nodes.insert(key).second) {
      g.node(key, key);
      if (m.family != family && !m.family.empty()) g.set_node(key, "shape", "ellipse");
      if (m.family.empty()) g.set_node(key, "style", m.core ? "bold" : "dashed");
    }
    return key;
  };
  std::set<std::pair<std::string, std::string>> drawn;
  for (const FamilyDrawingIndex::Import& i : imports) {
    const std::string a = node_for(*i.from);
    const std::string b = node_for(*i.to);
    if (a == b || !drawn.emplace(a, b).second) continue;
    const std::size_t edge = g.edge(a, b);
    if (index.cycle_edges.contains({i.edge->from, i.edge->to})) g.set_edge(edge, "color", "red");
  }
  for (const Module& m : inv.modules) {
    if (m.family == family) node_for(m);  // modules that import nothing are drawn too
  }
  return built;
}

// Graphviz is not thread-safe: the workers are processes.
std::vector<std::string> lay_out_graphs(const std::vector<GraphRecipe*>& graphs,
                                        PrestartedWorkers* workers,
                                        const std::function<void()>& meanwhile) {
  std::vector<std::string> recipes;
  std::vector<std::size_t> costs;
  for (const GraphRecipe* g : graphs) {
    recipes.push_back(g->recipe());
    costs.push_back(g->layout_cost());
  }
  PrestartedWorkers here(svg_of_recipe);
  return (workers ? *workers : here).run(recipes, costs, meanwhile);
}

// The layouts of `graphs` ("" for an absent one), taken from the memo or
// laid out, and recorded in it for the next run.
std::vector<std::string> render_all(std::vector<std::optional<GraphRecipe>>& graphs,
                                    SvgLayoutMemo* memo, PrestartedWorkers* workers,
                                    const std::function<void()>& meanwhile) {
  std::vector<std::uint64_t> keys(graphs.size());
  std::vector<GraphRecipe*> to_lay_out;
  std::unordered_map<std::uint64_t, std::size_t> queued;  // key → index in to_lay_out
  for (std::size_t i = 0; i < graphs.size(); ++i) {
    if (!graphs[i]) continue;
    keys[i] = graphs[i]->key();
    if (memo && memo->earlier.contains(keys[i])) continue;
    if (queued.emplace(keys[i], to_lay_out.size()).second) to_lay_out.push_back(&*graphs[i]);
  }
  const std::vector<std::string> laid_out = lay_out_graphs(to_lay_out, workers, meanwhile);
  std::vector<std::string> out(graphs.size());
  for (std::size_t i = 0; i < graphs.size(); ++i) {
    if (!graphs[i]) continue;
    const auto fresh = queued.find(keys[i]);
    out[i] = fresh != queued.end() ? laid_out[fresh->second] : memo->earlier.at(keys[i]);
    if (memo) memo->drawn.emplace_back(keys[i], out[i]);
  }
  return out;
}

}  // namespace

std::string family_graph_svg(const Inventory& inv, SvgLayoutMemo* memo) {
  std::vector<std::optional<GraphRecipe>> graphs;
  graphs.push_back(build_family_graph(inv));
  return render_all(graphs, memo, nullptr, {})[0];
}

std::string family_module_graph_svg(const Inventory& inv, const std::string& family,
                                    SvgLayoutMemo* memo) {
  std::vector<std::optional<GraphRecipe>> graphs;
  graphs.push_back(build_family_module_graph(inv, FamilyDrawingIndex(inv), family));
  return render_all(graphs, memo, nullptr, {})[0];
}

ReportGraphs draw_report_graphs(const Inventory& inv, SvgLayoutMemo* memo,
                                PrestartedWorkers* workers,
                                const std::function<void()>& meanwhile) {
  const FamilyDrawingIndex index(inv);
  std::vector<std::optional<GraphRecipe>> graphs;
  graphs.push_back(build_family_graph(inv));
  for (const Family& f : inv.families)
    graphs.push_back(build_family_module_graph(inv, index, f.name));
  std::vector<std::string> svgs = render_all(graphs, memo, workers, meanwhile);
  ReportGraphs out{.families = std::move(svgs[0])};
  out.family_modules.assign(std::make_move_iterator(svgs.begin() + 1),
                            std::make_move_iterator(svgs.end()));
  return out;
}

}  // namespace cutover
