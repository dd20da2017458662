#pragma once
// The plan's sections of report.html: migration waves and the compatibility
// matrix, as table rows. Every string from the scanned tree is escaped.

#include <string>

#include "model/inventory.h"

namespace cutover {

// Endpoints by framework and by family (with wave and statuses), and the
// most frequent Python 2 blockers.
std::string overview_tables(const Inventory& inv);
std::string wave_rows(const Inventory& inv);
std::string matrix_rows(const Inventory& inv);

}  // namespace cutover
