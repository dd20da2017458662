#pragma once
// The report's sections made from the endpoint slices: the shared-kernel
// candidates, what crosses the split (per family grouping and per wave cut),
// and what legacy can delete once each wave moved; and a decommission list
// for the Progress section. Every string from the scanned tree is escaped.

#include <string>
#include <string_view>

#include "model/decommission.h"
#include "model/inventory.h"

namespace cutover {

std::string slice_sections(const Inventory& inv, std::string_view source_url);
// A table of what can be deleted, `id` its element id: the modules and
// tables, and the first `max_functions` functions (the rest are counted).
std::string decommission_table(const Decommission& d, std::string_view id,
                               std::string_view source_url, std::size_t max_functions);

}  // namespace cutover
