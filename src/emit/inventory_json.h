#pragma once
// inventory.json: the versioned, deterministic machine-readable inventory.
// Field order is fixed and every array is sorted before it gets here.

#include <string>

#include "model/inventory.h"

namespace cutover {

inline constexpr int kSchemaVersion = 1;

std::string inventory_to_json(const Inventory& inventory);

}  // namespace cutover
