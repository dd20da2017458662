#pragma once
// report.html: one self-contained page (no network, no scripts yet) built
// from the template compiled in from reports/report.html.

#include <string>

#include "model/inventory.h"

namespace cutover {

std::string render_html_report(const Inventory& inventory);

}  // namespace cutover
