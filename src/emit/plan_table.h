#pragma once
// `cutover plan` output: the waves as a plain-text table, each family with
// its reasons, prerequisites and cutover sequence under it.

#include <string>
#include <vector>

#include "model/inventory.h"

namespace cutover {

// At most this many `first:` lines per family (the report shows as many);
// the full list is in inventory.json.
inline constexpr std::size_t kShownPrerequisites = 8;

// The prerequisites as shown: all of them when they fit, else the first
// ones and a last line saying how many more inventory.json lists.
std::vector<std::string> shown_prerequisites(const std::vector<std::string>& all);

// "12 functions and classes (340 lines), 2 modules, 1 table (x)"
std::string removable_summary(const Decommission& d);

std::string plan_to_table(const Inventory& inventory);

}  // namespace cutover
