#pragma once
// The internal import graph as the analyses read it: one edge per imported
// pair of modules, with the first import (by file, line) that makes it.
// Ordered, so every graph and result built from it is deterministic.

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct ModuleEdges {
  std::unordered_map<std::string, std::size_t> vertex_of;  // module name → index in modules
  // (importer, imported) → its first import; self-imports included.
  std::map<std::pair<std::size_t, std::size_t>, const ImportEdge*> first_import;
};

// `imports` must outlive the result. Only internal imports between listed
// modules count.
ModuleEdges distinct_module_edges(const std::vector<Module>& modules,
                                  const std::vector<ImportEdge>& imports);

}  // namespace cutover
