#pragma once
// What the legacy tree can delete once some endpoints no longer run there
// (migrated, or deprecated): the functions, classes, modules and tables
// that their slices used and nothing still in legacy uses — no remaining
// endpoint's slice, no request hook, command, task or other function a
// decorator registers, no module-level code. Each with why it is safe.

#include <string>
#include <vector>

#include "model/decommission.h"
#include "model/inventory.h"

namespace cutover {

// `gone[i]`: inv.routes[i] no longer runs in legacy; `why[i]` says how
// ("migrated", "deprecated", "moves in wave 2").
Decommission find_removable(const Inventory& inv, const std::vector<char>& gone,
                            const std::vector<std::string>& why);

// What `later` holds that `earlier` does not (by name): what a wave adds.
Decommission removable_difference(const Decommission& later, const Decommission& earlier);

}  // namespace cutover
