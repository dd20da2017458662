#pragma once
// The first screen of report.html, the assessment an architect reads: the
// plan as a picture (one mark per family, sized by endpoints, coloured by
// wave, in rank order) and the top risks, each linking to its section.
// Every string from the scanned tree is escaped.

#include <string>

#include "model/inventory.h"
#include "model/progress.h"

namespace cutover {

// <svg id="plan-overview">: a mark (data-family) per family, linking to
// #family=NAME, with its name, wave and counts on hover.
std::string plan_overview_svg(const Inventory& inv);

// <ul id="risks">: cycles, Python 2 blockers, shared tables, blocked,
// partial and assumed routes; the share moved when `progress` is given.
std::string top_risks(const Inventory& inv, const Progress* progress);

}  // namespace cutover
