#pragma once
// The Progress section of report.html (`cutover progress`): per family and
// overall, each legacy endpoint's status, and the new-only routes. Every
// string from the scanned trees is escaped.

#include <string>
#include <string_view>

#include "model/progress.h"

namespace cutover {

std::string progress_section(const Progress& progress, std::string_view source_url);

}  // namespace cutover
