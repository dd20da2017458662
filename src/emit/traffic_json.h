#pragma once
// inventory.json's "traffic" member: what the access logs say about the
// routes (see model/traffic.h). Counts and templates only.

#include "emit/json_writer.h"
#include "model/inventory.h"

namespace cutover {

// Writes the "traffic" key and its object; nothing when the scan read no log.
void write_traffic_member(JsonWriter& w, const Inventory& inv);

// value / total rounded to 4 decimals (0 when total is 0).
double traffic_share(std::uint64_t value, std::uint64_t total);

}  // namespace cutover
