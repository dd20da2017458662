#pragma once
// The plan's sections of report.html: the overview and the migration
// waves (the matrix is html_matrix.h). Every string from the scanned tree is escaped.

#include <string>

#include "model/inventory.h"

namespace cutover {

// The legacy surface (what is left to move), endpoints by framework and by
// family (with wave and statuses), and the most frequent Python 2 blockers.
std::string overview_tables(const Inventory& inv);
std::string wave_rows(const Inventory& inv);

}  // namespace cutover
