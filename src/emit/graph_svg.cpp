#include "emit/graph_svg.h"

#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "emit/prestarted_workers.h"
#include "model/dotted_name.h"

// The two plugins cutover uses, linked in: the dot layout and the core
// renderers (SVG). Preloading them, with demand loading off, keeps the
// installed text-layout plugin (pango) out: its text widths would depend on
// the fonts of the machine, so the same scan would draw differently, and
// Graphviz 2.42's pango plugin reads a freed font name once a second
// context is made.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
}

namespace cutover {
namespace {

const lt_symlist_t kBuiltinPlugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {nullptr, nullptr}};

struct ContextDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// A graph as the calls that build it, its recipe: the recipe's hash names
// the layout in an SvgLayoutMemo, and svg_of_recipe replays it with
// Graphviz in whichever process lays it out. Nodes are named; edges are
// numbered in the order they are made.
class SvgGraph {
 public:
  explicit SvgGraph(const char* rankdir) {
    record("graphviz " PACKAGE_VERSION);
    set_graph("rankdir", rankdir);
    set_graph("fontsize", "10");
    set_default("node", "fontsize", "10");
    set_default("node", "shape", "box");
    set_default("edge", "fontsize", "9");
  }

  void node(const std::string& name, const std::string& label) {
    record("node", name);
    ++nodes_;
    // Graphviz reads \N, \n, \l in labels: keep backslashes literal.
    std::string text;
    for (char c : label)
      text += c == '\\' ? std::string("\\\\") : std::string(1, c);
    set_node(name, "label", text);
  }
  std::size_t edge(const std::string& from, const std::string& to) {
    record("edge", from, to);
    return edges_++;
  }
  void set_graph(const char* attribute, const std::string& value) {
    record("set-graph", attribute, value);
  }
  void set_node(const std::string& name, const char* attribute, const std::string& value) {
    record("set-node", name, attribute, value);
  }
  void set_edge(std::size_t edge, const char* attribute, const std::string& value) {
    record("set-edge", std::to_string(edge), attribute, value);
  }

  const std::string& recipe() const { return recipe_; }
  // Names the layout in an SvgLayoutMemo.
  std::uint64_t key() const { return XXH3_64bits(recipe_.data(), recipe_.size()); }
  // What a layout costs, to share them out: dot's time grows about as the
  // 2.2nd power of nodes and edges (measured over the 201 graphs of a
  // 1M-line tree: 1.5 ms at 66 on average, 0.165 s at 544; the square
  // gave the process holding the biggest graph a quarter more work).
  std::size_t layout_cost() const {
    return static_cast<std::size_t>(std::pow(static_cast<double>(nodes_ + edges_), 2.2));
  }

 private:
  void set_default(const char* kind, const char* attribute, const char* value) {
    record("default", kind, attribute, value);
  }

  // Each part ends with a NUL, so no two recipes run together alike.
  template <class... Parts>
  void record(const Parts&... parts) {
    ((recipe_ += parts, recipe_ += '\0'), ...);
  }

  std::string recipe_;
  std::size_t nodes_ = 0;
  std::size_t edges_ = 0;
};

// The graph a recipe describes, made with the calls it records, in order.
std::unique_ptr<Agraph_t, GraphDeleter> replay(std::string_view recipe) {
  std::vector<std::string> parts;
  for (std::size_t at = 0; at < recipe.size();) {
    const std::size_t end = recipe.find('\0', at);
    if (end == std::string_view::npos) break;
    parts.emplace_back(recipe.substr(at, end - at));
    at = end + 1;
  }
  std::string name = "g", empty;
  std::unique_ptr<Agraph_t, GraphDeleter> graph(agopen(name.data(), Agdirected, nullptr));
  std::unordered_map<std::string, Agnode_t*> nodes;
  std::vector<Agedge_t*> edges;
  const auto set = [&](void* object, std::string& attribute, std::string& value) {
    if (object) agsafeset(object, attribute.data(), value.data(), empty.data());
  };
  const auto node_named = [&](const std::string& n) -> Agnode_t* {
    const auto it = nodes.find(n);
    return it == nodes.end() ? nullptr : it->second;
  };
  for (std::size_t i = 1; i < parts.size();) {
    const std::string& op = parts[i];
    const std::size_t left = parts.size() - i - 1;
    if (op == "node" && left >= 1) {
      nodes[parts[i + 1]] = agnode(graph.get(), parts[i + 1].data(), 1);
      i += 2;
    } else if (op == "edge" && left >= 2) {
      Agnode_t* from = node_named(parts[i + 1]);
      Agnode_t* to = node_named(parts[i + 2]);
      edges.push_back(from && to ? agedge(graph.get(), from, to, nullptr, 1) : nullptr);
      i += 3;
    } else if (op == "set-graph" && left >= 2) {
      set(graph.get(), parts[i + 1], parts[i + 2]);
      i += 3;
    } else if (op == "set-node" && left >= 3) {
      set(node_named(parts[i + 1]), parts[i + 2], parts[i + 3]);
      i += 4;
    } else if (op == "set-edge" && left >= 3) {
      const std::size_t e = std::stoul(parts[i + 1]);
      set(e < edges.size() ? edges[e] : nullptr, parts[i + 2], parts[i + 3]);
      i += 4;
    } else if (op == "default" && left >= 3) {
      agattr(graph.get(), parts[i + 1] == "node" ? AGNODE : AGEDGE, parts[i + 2].data(),
             parts[i + 3].data());
      i += 4;
    } else {
      break;  // not a recipe SvgGraph writes
    }
  }
  return graph;
}

// The SVG of the graph a recipe describes, laid out by dot ("" when it
// cannot be). Inline in HTML: no XML prolog or doctype before <svg.
std::string svg_of_recipe(std::string_view recipe) {
  const std::unique_ptr<Agraph_t, GraphDeleter> graph = replay(recipe);
  std::unique_ptr<GVC_t, ContextDeleter> gvc(gvContextPlugins(kBuiltinPlugins, 0));
  if (!gvc || !graph || gvLayout(gvc.get(), graph.get(), "dot") != 0) return {};
  char* data = nullptr;
  unsigned int length = 0;
  std::string svg;
  if (gvRenderData(gvc.get(), graph.get(), "svg", &data, &length) == 0 && data)
    svg.assign(data, length);
  gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), graph.get());
  const std::size_t start = svg.find("<svg");
  return start == std::string::npos ? std::string() : svg.substr(start);
}

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

std::optional<SvgGraph> build_family_graph(const Inventory& inv) {
  if (inv.families.empty()) return std::nullopt;
  std::optional<SvgGraph> built(std::in_place, "LR");
  SvgGraph& g = *built;
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

std::optional<SvgGraph> build_family_module_graph(const Inventory& inv,
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
  std::optional<SvgGraph> built(std::in_place, "LR");
  SvgGraph& g = *built;
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
std::vector<std::string> lay_out_graphs(const std::vector<SvgGraph*>& graphs,
                                        PrestartedWorkers* workers,
                                        const std::function<void()>& meanwhile) {
  std::vector<std::string> recipes;
  std::vector<std::size_t> costs;
  for (const SvgGraph* g : graphs) {
    recipes.push_back(g->recipe());
    costs.push_back(g->layout_cost());
  }
  PrestartedWorkers none;
  return (workers ? *workers : none).run(recipes, costs, svg_of_recipe, meanwhile);
}

// The layouts of `graphs` ("" for an absent one), taken from the memo or
// laid out, and recorded in it for the next run.
std::vector<std::string> render_all(std::vector<std::optional<SvgGraph>>& graphs,
                                    SvgLayoutMemo* memo, PrestartedWorkers* workers,
                                    const std::function<void()>& meanwhile) {
  std::vector<std::uint64_t> keys(graphs.size());
  std::vector<SvgGraph*> to_lay_out;
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

std::string svg_layout_work(std::string_view graph) {
  return svg_of_recipe(graph);
}

std::string family_graph_svg(const Inventory& inv, SvgLayoutMemo* memo) {
  std::vector<std::optional<SvgGraph>> graphs;
  graphs.push_back(build_family_graph(inv));
  return render_all(graphs, memo, nullptr, {})[0];
}

std::string family_module_graph_svg(const Inventory& inv, const std::string& family,
                                    SvgLayoutMemo* memo) {
  std::vector<std::optional<SvgGraph>> graphs;
  graphs.push_back(build_family_module_graph(inv, FamilyDrawingIndex(inv), family));
  return render_all(graphs, memo, nullptr, {})[0];
}

ReportGraphs draw_report_graphs(const Inventory& inv, SvgLayoutMemo* memo,
                                PrestartedWorkers* workers,
                                const std::function<void()>& meanwhile) {
  const FamilyDrawingIndex index(inv);
  std::vector<std::optional<SvgGraph>> graphs;
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
