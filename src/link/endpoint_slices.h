#pragma once
// Endpoint slices (model/slice.h): from each route's handler, what it really
// uses (link/unit_uses.h), transitively, never into test code; and what code
// outside endpoints keeps alive (request hooks, functions a decorator
// registers, Django commands and the modules Django loads by name,
// module-level code).

#include <vector>

#include "link/module_index.h"
#include "link/name_resolver.h"
#include "model/inventory.h"

namespace cutover {

// A slice stops growing at this many units (a route reaching a tenth of a
// large tree is already "everything"); none of the real apps measured comes
// near it.
inline constexpr std::size_t kMaxSliceUnits = 20000;

// Fills inv.code_units, inv.slices (one per route, in route order) and
// inv.retained. Needs the routes in their final order, hooks, models,
// table accesses and the Module::test marks; `test_files` per file of the
// resolver's files.
void build_slices(Inventory& inv, const NameResolver& names, const ModuleIndex& index,
                  const std::vector<char>& test_files, unsigned jobs);

}  // namespace cutover
