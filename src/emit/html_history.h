#pragma once
// The "Legacy surface over time" section of report.html, from the runs in a
// `--history` file: an SVG line of the endpoints still to move, run by run,
// and the runs as a table. Drawn here, no script or library.

#include <string>
#include <vector>

#include "track/history.h"

namespace cutover {

std::string history_section(const std::vector<HistoryRun>& runs);

}  // namespace cutover
