#include "emit/graph_recipe.h"

#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <xxhash.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <vector>

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
      std::size_t e = edges.size();
      std::from_chars(parts[i + 1].data(), parts[i + 1].data() + parts[i + 1].size(), e);
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

}  // namespace

GraphRecipe::GraphRecipe(const char* rankdir) {
  record("graphviz " PACKAGE_VERSION);
  set_graph("rankdir", rankdir);
  set_graph("fontsize", "10");
  set_default("node", "fontsize", "10");
  set_default("node", "shape", "box");
  set_default("edge", "fontsize", "9");
}

std::uint64_t GraphRecipe::key() const {
  return XXH3_64bits(recipe_.data(), recipe_.size());
}

std::size_t GraphRecipe::layout_cost() const {
  return static_cast<std::size_t>(std::pow(static_cast<double>(nodes_ + edges_), 2.2));
}

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

}  // namespace cutover
