#pragma once
// What the commands that read access logs (scan, plan, progress) print
// about them: one summary line, and the log problems as warnings.

#include <ostream>
#include <string>

#include "model/inventory.h"

namespace cutover {

// "cutover: traffic: 1200 requests in 1200 lines of 2 logs (3 malformed), 1100
// matched (91.67%) to 40 endpoints; 12 endpoints never hit; 2 path templates
// served but not in the inventory"; "" without logs.
std::string traffic_summary_line(const Inventory& inv);

// The access logs' diagnostics (unreadable, truncated, malformed lines,
// served-but-not-in-inventory), one "cutover: warning: ..." line each.
void print_traffic_warnings(const Inventory& inv, std::ostream& out);

}  // namespace cutover
