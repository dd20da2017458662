#pragma once
// The internal import graph in Boost.Graph, and what a migration asks of it:
// import cycles (strongly connected components, each with one concrete
// shortest cycle and the file:line of its imports), fan-in / fan-out,
// instability, topological layers of the condensation DAG, blast radius
// (transitive dependents) and betweenness centrality to name hub modules.

#include <cstddef>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct ModuleGraphFacts {
  std::vector<ImportCycle> cycles;   // sorted by size (largest first), then by first member
  bool betweenness_computed = true;  // false above kMaxBetweennessModules
};

// Brandes is O(V·E): above this many modules it is skipped (and said so).
inline constexpr std::size_t kMaxBetweennessModules = 20000;

// Fills the per-module metrics of `modules` and returns the cycles. Only
// internal edges count. The centrality runs on `jobs` threads.
ModuleGraphFacts analyse_module_graph(std::vector<Module>& modules,
                                      const std::vector<ImportEdge>& imports, unsigned jobs = 1);

}  // namespace cutover
