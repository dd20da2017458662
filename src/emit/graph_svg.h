#pragma once
// SVG drawings of the graphs for report.html, laid out by Graphviz through
// libgvc (linked: no `dot` process at run time). Names come from the
// scanned tree; Graphviz escapes them as XML text, and no URL or script
// attribute is ever set.

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "emit/prestarted_workers.h"
#include "model/inventory.h"

namespace cutover {

// Above this many modules a family's graph groups them by package.
inline constexpr std::size_t kMaxDrawnModules = 60;
// The family graph draws at most this many edges per family (the heaviest),
// and labels edges with their weight up to kMaxLabelledEdges: dot's layout
// time grows fast with dense, labelled, cyclic graphs.
inline constexpr std::size_t kMaxEdgesPerNode = 2;
inline constexpr std::size_t kMaxLabelledEdges = 40;

// Layouts by graph content (a hash of every node, edge and attribute, and
// the Graphviz version): dot's layout is the report's slowest step, and a
// re-run mostly draws the graphs it drew before. Kept in the cache folder.
struct SvgLayoutMemo {
  std::unordered_map<std::uint64_t, std::string> earlier;    // what earlier runs drew
  std::vector<std::pair<std::uint64_t, std::string>> drawn;  // this run's graphs, for the next
};

// Families as nodes (label: name and endpoint count), family edges with
// their weight; both directions of a pair in red (a family cycle). Past
// kMaxEdgesPerNode × families edges, only the heaviest are drawn and the
// graph's caption says so.
std::string family_graph_svg(const Inventory& inventory, SvgLayoutMemo* memo = nullptr);

// One family's modules, each other family it imports as one node, and the
// modules of no family it imports directly; import-cycle edges in red.
// Past kMaxDrawnModules, its modules are grouped by package, and so are
// the modules of no family it imports.
std::string family_module_graph_svg(const Inventory& inventory, const std::string& family,
                                    SvgLayoutMemo* memo = nullptr);
// Every graph of the report: the family graph, then each family's modules
// in the order of inventory.families ("" where there is nothing to draw).
struct ReportGraphs {
  std::string families;
  std::vector<std::string> family_modules;
};
// Those the memo does not hold are laid out by `workers`, started when the
// run was (emit/prestarted_workers.h), or here when there are none;
// `meanwhile` runs here while the workers lay out.
ReportGraphs draw_report_graphs(const Inventory& inventory, SvgLayoutMemo* memo,
                                PrestartedWorkers* workers,
                                const std::function<void()>& meanwhile = {});

}  // namespace cutover
