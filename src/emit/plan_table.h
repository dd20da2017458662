#pragma once
// `cutover plan` output: the waves as a plain-text table, each family with
// its reasons, prerequisites and cutover sequence under it.

#include <string>

#include "model/inventory.h"

namespace cutover {

std::string plan_to_table(const Inventory& inventory);

}  // namespace cutover
