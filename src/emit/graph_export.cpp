#include "emit/graph_export.h"

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "emit/json_fragments.h"

namespace cutover {
namespace {

struct GraphView {
  std::vector<const Module*> modules;
  std::map<std::pair<std::string, std::string>, const ImportEdge*> edges;  // first import each
  std::set<std::pair<std::string, std::string>> cycle_edges;
  std::vector<const FamilyDependency*> family_edges;
};

// A family's modules and what they import, transitively, without crossing
// into another family's modules or out of the app's assembly module: the
// same walk the family analysis makes.
std::set<std::string> family_closure(const Inventory& inv, const std::string& family) {
  std::unordered_map<std::string, const Module*> by_name;
  for (const Module& m : inv.modules)
    by_name.emplace(m.name, &m);
  std::unordered_map<std::string, std::vector<std::string>> out;
  for (const ImportEdge& e : inv.imports) {
    if (e.kind == ImportKind::kInternal) out[e.from].push_back(e.to);
  }
  std::set<std::string> kept;
  std::vector<std::string> stack;
  for (const Module& m : inv.modules) {
    if (m.family == family && kept.insert(m.name).second) stack.push_back(m.name);
  }
  while (!stack.empty()) {
    const std::string at = std::move(stack.back());
    stack.pop_back();
    const Module* m = by_name.at(at);
    if (m->assembly || (!m->family.empty() && m->family != family)) continue;
    for (const std::string& to : out[at]) {
      if (by_name.contains(to) && kept.insert(to).second) stack.push_back(to);
    }
  }
  return kept;
}

GraphView view_of(const Inventory& inv, const GraphSelection& selection) {
  std::set<std::string> in_cycles;
  GraphView view;
  for (const ImportCycle& c : inv.cycles) {
    in_cycles.insert(c.modules.begin(), c.modules.end());
    for (const ImportStep& s : c.path)
      view.cycle_edges.emplace(s.from, s.to);
  }
  const std::set<std::string> in_family =
      selection.family.empty() ? std::set<std::string>() : family_closure(inv, selection.family);
  std::set<std::string> kept;
  for (const Module& m : inv.modules) {
    if (selection.cycles_only && !in_cycles.contains(m.name)) continue;
    if (!selection.family.empty() && !in_family.contains(m.name)) continue;
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
  for (const FamilyDependency& d : inv.family_edges) {
    if (selection.family.empty() || d.from == selection.family || d.to == selection.family)
      view.family_edges.push_back(&d);
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

std::string family_names(const Inventory& inv) {
  std::string out;
  for (const Family& f : inv.families)
    out += (out.empty() ? "" : ", ") + f.name;
  return out;
}

std::string graph_to_json(const Inventory& inv, const GraphSelection& selection) {
  const GraphView view = view_of(inv, selection);
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.member("root", inv.root);
  w.key("modules");
  w.begin_array();
  for (const Module* m : view.modules)
    write_module(w, *m);
  w.end_array();
  w.key("edges");
  w.begin_array();
  for (const auto& [key, e] : view.edges) {
    w.begin_object();
    w.member("from", key.first);
    w.member("to", key.second);
    w.member("file", e->file);
    w.member("line", e->line);
    w.member("via", e->via);
    w.member("in_cycle", view.cycle_edges.contains(key));
    w.end_object();
  }
  w.end_array();
  std::vector<FamilyDependency> family_edges;
  for (const FamilyDependency* d : view.family_edges)
    family_edges.push_back(*d);
  w.key("cycles");
  write_cycles(w, inv.cycles);
  w.key("families");
  write_families(w, inv.families);
  w.key("family_edges");
  write_family_edges(w, family_edges);
  w.end_object();
  return out + "\n";
}

std::string graph_to_dot(const Inventory& inv, const GraphSelection& selection) {
  const GraphView view = view_of(inv, selection);
  std::string out = "digraph modules {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  std::map<std::string, std::vector<const Module*>> by_family;
  for (const Module* m : view.modules)
    by_family[m->family].push_back(m);
  std::size_t cluster = 0;
  for (const auto& [family, members] : by_family) {
    const std::string indent = family.empty() ? "  " : "    ";
    if (!family.empty()) {
      out += "  subgraph cluster_" + std::to_string(cluster++) +
             " {\n    label=" + dot_quoted(family) + ";\n";
    }
    for (const Module* m : members) {
      out += indent + dot_quoted(m->name) + " [tooltip=" + dot_quoted(m->path);
      out += m->core ? ", style=bold];\n" : "];\n";
    }
    if (!family.empty()) out += "  }\n";
  }
  for (const auto& [key, e] : view.edges) {
    out += "  " + dot_quoted(key.first) + " -> " + dot_quoted(key.second);
    out += view.cycle_edges.contains(key) ? " [color=red, penwidth=2];\n" : ";\n";
  }
  out += "}\n";
  if (selection.cycles_only) return out;

  out += "digraph families {\n  rankdir=LR;\n  node [shape=ellipse, fontsize=10];\n";
  for (const Family& f : inv.families) {
    out += "  " + dot_quoted(f.name) +
           " [label=" + dot_quoted(f.name + " (" + std::to_string(f.endpoints) + ")") + "];\n";
  }
  for (const FamilyDependency* d : view.family_edges) {
    out += "  " + dot_quoted(d->from) + " -> " + dot_quoted(d->to) +
           " [label=" + std::to_string(d->weight) + "];\n";
  }
  return out + "}\n";
}

}  // namespace cutover
