#include "emit/graph_svg.h"

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

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

// A graph under construction; renders itself once, to SVG.
class SvgGraph {
 public:
  explicit SvgGraph(const char* rankdir) {
    std::string name = "g";
    graph_.reset(agopen(name.data(), Agdirected, nullptr));
    set(graph_.get(), "rankdir", rankdir);
    set(graph_.get(), "fontsize", "10");
    agattr(graph_.get(), AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("10"));
    agattr(graph_.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
    agattr(graph_.get(), AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
  }

  Agnode_t* node(const std::string& name, const std::string& label) {
    std::string key = name;
    Agnode_t* n = agnode(graph_.get(), key.data(), 1);
    // Graphviz reads \N, \n, \l in labels: keep backslashes literal.
    std::string text;
    for (char c : label)
      text += c == '\\' ? std::string("\\\\") : std::string(1, c);
    set(n, "label", text);
    return n;
  }

  Agraph_t* graph() { return graph_.get(); }

  Agedge_t* edge(Agnode_t* from, Agnode_t* to) {
    return agedge(graph_.get(), from, to, nullptr, 1);
  }

  static void set(void* object, const char* attribute, const std::string& value) {
    std::string a = attribute, v = value, empty;
    agsafeset(object, a.data(), v.data(), empty.data());
  }

  std::string render() {
    std::unique_ptr<GVC_t, ContextDeleter> gvc(gvContextPlugins(kBuiltinPlugins, 0));
    if (!gvc || gvLayout(gvc.get(), graph_.get(), "dot") != 0) return {};
    char* data = nullptr;
    unsigned int length = 0;
    std::string svg;
    if (gvRenderData(gvc.get(), graph_.get(), "svg", &data, &length) == 0 && data)
      svg.assign(data, length);
    gvFreeRenderData(data);
    gvFreeLayout(gvc.get(), graph_.get());
    // Inline in HTML: drop the XML prolog and doctype before <svg.
    const std::size_t start = svg.find("<svg");
    return start == std::string::npos ? std::string() : svg.substr(start);
  }

 private:
  std::unique_ptr<Agraph_t, GraphDeleter> graph_;
};

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

}  // namespace

std::string family_graph_svg(const Inventory& inv) {
  if (inv.families.empty()) return {};
  SvgGraph g("LR");
  std::map<std::string, Agnode_t*> nodes;
  for (const Family& f : inv.families) {
    nodes[f.name] = g.node(f.name, f.name + " (" + std::to_string(f.endpoints) + ")");
    SvgGraph::set(nodes[f.name], "shape", "ellipse");
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
    Agedge_t* e = g.edge(nodes[d->from], nodes[d->to]);
    const std::string weight = std::to_string(d->weight);
    SvgGraph::set(e, labels ? "label" : "tooltip",
                  labels ? weight : d->from + " → " + d->to + ": " + weight + " imports");
    if (!labels) SvgGraph::set(e, "penwidth", d->weight >= 10 ? "3" : d->weight >= 3 ? "2" : "1");
    if (pairs.contains({d->to, d->from})) SvgGraph::set(e, "color", "red");
  }
  if (drawn.size() < inv.family_edges.size()) {
    SvgGraph::set(g.graph(), "label",
                  "the " + std::to_string(drawn.size()) + " heaviest of " +
                      std::to_string(inv.family_edges.size()) + " dependencies between families");
  }
  return g.render();
}

std::string family_module_graph_svg(const Inventory& inv, const std::string& family) {
  std::unordered_map<std::string, const Module*> by_name;
  std::size_t owned = 0;
  for (const Module& m : inv.modules) {
    by_name.emplace(m.name, &m);
    owned += m.family == family;
  }
  if (owned == 0) return {};
  const bool grouped = owned > kMaxDrawnModules;
  // Modules of no family that it imports: grouped by package past the same
  // budget, so a family that imports half of a big core stays readable.
  std::set<std::string> outside;
  for (const ImportEdge& e : inv.imports) {
    const auto from = by_name.find(e.from);
    const auto to = by_name.find(e.to);
    if (e.kind == ImportKind::kInternal && from != by_name.end() && to != by_name.end() &&
        from->second->family == family && to->second->family.empty())
      outside.insert(e.to);
  }
  const bool outside_grouped = outside.size() > kMaxDrawnModules;
  // What each module is drawn as: itself, its package, another family, or
  // nothing (modules the family does not import directly).
  const auto drawn_as = [&](const Module& m) -> std::string {
    if (m.family == family) return grouped ? group_of(m.name) + ".*" : m.name;
    if (!m.family.empty()) return "family " + m.family;
    return outside_grouped ? group_of(m.name) + ".*" : m.name;
  };
  std::set<std::pair<std::string, std::string>> cycle_edges;
  for (const ImportCycle& c : inv.cycles) {
    for (const ImportStep& s : c.path)
      cycle_edges.emplace(s.from, s.to);
  }

  SvgGraph g("LR");
  std::map<std::string, Agnode_t*> nodes;
  const auto node_for = [&](const Module& m) {
    const std::string key = drawn_as(m);
    auto [it, inserted] = nodes.try_emplace(key, nullptr);
    if (inserted) {
      it->second = g.node(key, key);
      if (m.family != family && !m.family.empty()) SvgGraph::set(it->second, "shape", "ellipse");
      if (m.family.empty()) SvgGraph::set(it->second, "style", m.core ? "bold" : "dashed");
    }
    return it->second;
  };
  std::set<std::pair<std::string, std::string>> drawn;
  for (const ImportEdge& e : inv.imports) {
    if (e.kind != ImportKind::kInternal || e.from == e.to) continue;
    const auto from = by_name.find(e.from);
    const auto to = by_name.find(e.to);
    if (from == by_name.end() || to == by_name.end() || from->second->family != family) continue;
    Agnode_t* a = node_for(*from->second);
    Agnode_t* b = node_for(*to->second);
    if (a == b || !drawn.emplace(drawn_as(*from->second), drawn_as(*to->second)).second) continue;
    Agedge_t* edge = g.edge(a, b);
    if (cycle_edges.contains({e.from, e.to})) SvgGraph::set(edge, "color", "red");
  }
  for (const Module& m : inv.modules) {
    if (m.family == family) node_for(m);  // modules that import nothing are drawn too
  }
  return g.render();
}

}  // namespace cutover
