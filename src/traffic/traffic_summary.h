#pragma once
// The merged counts of a traffic pass turned into what the outputs say:
// routes hit (route order), per-family totals, unmatched templates by hits,
// never-hit routes; and the diagnostic for requests answered 2xx/3xx that
// no route matches (served-but-not-in-inventory).

#include <vector>

#include "model/diagnostic.h"
#include "model/inventory.h"
#include "model/traffic.h"
#include "traffic/traffic_counts.h"

namespace cutover {

TrafficSummary summarise_traffic(const Inventory& inv, const TrafficCounts& counts,
                                 const std::vector<std::size_t>& unmatchable,
                                 const std::vector<std::size_t>& disabled,
                                 std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
