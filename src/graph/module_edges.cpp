#include "graph/module_edges.h"

#include <tuple>

namespace cutover {

ModuleEdges distinct_module_edges(const std::vector<Module>& modules,
                                  const std::vector<ImportEdge>& imports) {
  ModuleEdges out;
  for (std::size_t i = 0; i < modules.size(); ++i)
    out.vertex_of.emplace(modules[i].name, i);
  for (const ImportEdge& e : imports) {
    if (e.kind != ImportKind::kInternal) continue;
    const auto from = out.vertex_of.find(e.from);
    const auto to = out.vertex_of.find(e.to);
    if (from == out.vertex_of.end() || to == out.vertex_of.end()) continue;
    auto [it, inserted] = out.first_import.try_emplace({from->second, to->second}, &e);
    if (!inserted && std::tie(e.file, e.line) < std::tie(it->second->file, it->second->line))
      it->second = &e;
  }
  return out;
}

}  // namespace cutover
