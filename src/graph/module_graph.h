#pragma once
// The internal import graph in Boost.Graph, and what a migration asks of it:
// cycles (strongly connected components) and fan-in / fan-out per module.

#include <vector>

#include "model/inventory.h"

namespace cutover {

struct ModuleGraphFacts {
  std::vector<ImportCycle> cycles;  // sorted by size (largest first), then by first member
};

// Fills modules[].fan_in / fan_out and returns the cycles. Only internal edges count.
ModuleGraphFacts analyse_module_graph(std::vector<Module>& modules,
                                      const std::vector<ImportEdge>& imports);

}  // namespace cutover
