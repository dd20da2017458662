#pragma once
// inventory.json `slices`: per route, the code its handler really uses.

#include "emit/json_writer.h"
#include "model/inventory.h"

namespace cutover {

void write_slices(JsonWriter& w, const Inventory& inv);

}  // namespace cutover
