#pragma once
// A Markdown summary fit for a pull-request comment: totals, the waves, the
// top Python 2 blockers and adapters, the unresolved routes. Scanned text is
// escaped so it cannot add markup, links or HTML to the comment.

#include <string>

#include "model/inventory.h"

namespace cutover {

std::string markdown_summary(const Inventory& inventory);

// Text as literal Markdown inline content.
std::string markdown_escape(std::string_view text);

}  // namespace cutover
