#include "emit/graph_export.h"

#include "emit/json_fragments.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

struct GraphView {
  std::vector<const Module*> modules;
  std::map<std::pair<std::string, std::string>, const ImportEdge*> edges;  // first import each
  std::set<std::pair<std::string, std::string>> cycle_edges;
};

GraphView view_of(const Inventory& inv, bool cycles_only) {
  std::set<std::string> in_cycles;
  GraphView view;
  for (const ImportCycle& c : inv.cycles) {
    in_cycles.insert(c.modules.begin(), c.modules.end());
    for (const CycleStep& s : c.path)
      view.cycle_edges.emplace(s.from, s.to);
  }
  std::set<std::string> kept;
  for (const Module& m : inv.modules) {
    if (cycles_only && !in_cycles.contains(m.name)) continue;
    view.modules.push_back(&m);
    kept.insert(m.name);
  }
  for (const ImportEdge& e : inv.imports) {
    if (e.kind != ImportKind::kInternal || !kept.contains(e.from) || !kept.contains(e.to)) continue;
    auto [it, inserted] = view.edges.try_emplace({e.from, e.to}, &e);
    if (!inserted && std::tie(e.file, e.line) < std::tie(it->second->file, it->second->line)) {
      it->second = &e;
    }
  }
  return view;
}

// A DOT double-quoted string: module names and paths come from the scanned tree.
std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') continue;
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string graph_to_json(const Inventory& inv, bool cycles_only) {
  const GraphView view = view_of(inv, cycles_only);
  Json modules = Json::array();
  for (const Module* m : view.modules)
    modules.push_back(module_json(*m));
  Json edges = Json::array();
  for (const auto& [key, e] : view.edges) {
    edges.push_back({{"from", key.first},
                     {"to", key.second},
                     {"file", e->file},
                     {"line", e->line},
                     {"in_cycle", view.cycle_edges.contains(key)}});
  }
  const Json doc = {{"root", inv.root},
                    {"modules", std::move(modules)},
                    {"edges", std::move(edges)},
                    {"cycles", cycles_json(inv.cycles)}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string graph_to_dot(const Inventory& inv, bool cycles_only) {
  const GraphView view = view_of(inv, cycles_only);
  std::string out = "digraph modules {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  for (const Module* m : view.modules) {
    out += "  " + dot_quoted(m->name) + " [tooltip=" + dot_quoted(m->path) + "];\n";
  }
  for (const auto& [key, e] : view.edges) {
    out += "  " + dot_quoted(key.first) + " -> " + dot_quoted(key.second);
    out += view.cycle_edges.contains(key) ? " [color=red, penwidth=2];\n" : ";\n";
  }
  return out + "}\n";
}

}  // namespace cutover
