#pragma once
// `cutover graph` output: the internal module graph with its metrics and
// cycles, and the endpoint-family graph, as JSON or as Graphviz DOT.

#include <string>

#include "model/inventory.h"

namespace cutover {

struct GraphSelection {
  bool cycles_only = false;  // just the modules and imports that take part in import cycles
  std::string family;        // just this family's modules and the modules they import
};

std::string graph_to_json(const Inventory& inventory, const GraphSelection& selection);
std::string graph_to_dot(const Inventory& inventory, const GraphSelection& selection);

// The names of the endpoint families, for a message when --family names none.
std::string family_names(const Inventory& inventory);

}  // namespace cutover
