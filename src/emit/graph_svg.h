#pragma once
// SVG drawings of the graphs for report.html, laid out by Graphviz through
// libgvc (linked: no `dot` process at run time). Names come from the
// scanned tree; Graphviz escapes them as XML text, and no URL or script
// attribute is ever set.

#include <string>

#include "model/inventory.h"

namespace cutover {

// Above this many modules a family's graph groups them by package.
inline constexpr std::size_t kMaxDrawnModules = 60;

// Families as nodes (label: name and endpoint count), family edges with
// their weight; both directions of a pair in red (a family cycle).
std::string family_graph_svg(const Inventory& inventory);

// One family's modules, each other family it imports as one node, and the
// modules of no family it imports directly; import-cycle edges in red.
// Past kMaxDrawnModules, modules are grouped by package.
std::string family_module_graph_svg(const Inventory& inventory, const std::string& family);

}  // namespace cutover
