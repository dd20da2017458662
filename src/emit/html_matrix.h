#pragma once
// The compatibility matrix of report.html: families × adapters as a heat
// map, with the number of endpoints needing each adapter. Every string
// from the scanned tree is escaped.

#include <string>

#include "model/inventory.h"

namespace cutover {

// The adapters the endpoints need, most needed first: id, FastAPI
// counterpart, endpoints needing it, by status.
std::string adapter_table(const Inventory& inv);

// The heat map, <table id="matrix-heatmap">: families (rank order) ×
// adapters, the number of the family's endpoints needing each, shaded by
// share; a footer of totals. A family's endpoint rows are drawn on demand by
// the report's script into <table id="matrix-rows">.
std::string matrix_heatmap(const Inventory& inv);

}  // namespace cutover
