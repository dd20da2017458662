#pragma once
// The plan's part of inventory.json: `families` (scored, in rank order),
// `waves`, `models`, `tables`, `matrix`, `python2`.

#include "emit/json_writer.h"
#include "model/inventory.h"

namespace cutover {

// Writes the plan's members into the inventory.json object `w` is inside.
void write_plan_members(JsonWriter& w, const Inventory& inv);

}  // namespace cutover
