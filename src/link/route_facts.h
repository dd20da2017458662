#pragma once
// What every route gets the same way, whatever framework declared it, once
// the extractors are done: where its handler is defined, what its `if`
// branches say and whether they hold under the tree's defaults, and whether
// it is the application's or a test's.

#include "link/module_index.h"
#include "link/name_resolver.h"
#include "model/inventory.h"

namespace cutover {

// Fills handler_file / handler_line, conditional / condition /
// enabled_by_default (from condition_refs), and moves routes declared in
// test code from inv.routes to inv.test_routes (origin "test").
void complete_routes(Inventory& inv, const NameResolver& names, const ModuleIndex& index,
                     unsigned jobs);

// "settings.A and not (x == 1)": the branches of `ref`, outermost first.
std::string condition_text(const std::vector<FileSummary>& files, ConditionRef ref);

}  // namespace cutover
