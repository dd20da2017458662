#pragma once
// `cutover graph` output: the internal module graph with its metrics and
// cycles, as JSON or as Graphviz DOT. With `cycles_only`, just the modules
// and imports that take part in import cycles.

#include <string>

#include "model/inventory.h"

namespace cutover {

std::string graph_to_json(const Inventory& inventory, bool cycles_only);
std::string graph_to_dot(const Inventory& inventory, bool cycles_only);

}  // namespace cutover
