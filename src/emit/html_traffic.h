#pragma once
// report.html's Traffic section, when the scan read access logs: requests
// per family, the busiest endpoints, paths served but not in the inventory,
// and the endpoints no request reached. Counts and templates only; every
// string is escaped.

#include <string>
#include <string_view>

#include "model/inventory.h"

namespace cutover {

std::string traffic_section(const Inventory& inv, std::string_view source_url);

}  // namespace cutover
