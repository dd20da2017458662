#pragma once
// Which files are test code, and so never migration input: the test
// runners' files (is_test_path: tests/, test_*.py, *_test.py, conftest.py),
// and helpers only test code imports (factories, fixtures, a testing
// package), transitively, unless a route's handler lives there.

#include <vector>

#include "link/module_index.h"
#include "model/file_summary.h"
#include "model/inventory.h"

namespace cutover {

// Per file of `files`: 1 when it is test code. `imports` are the scan's
// edges (module ids as index.id_of gives them); `handler_modules` the module
// ids of the routes' handlers.
std::vector<char> find_test_files(const std::vector<FileSummary>& files, const ModuleIndex& index,
                                  const std::vector<ImportEdge>& imports,
                                  const std::vector<std::string>& handler_modules);

// Sets Module::test on the modules of those files.
void mark_test_modules(Inventory& inv, const std::vector<FileSummary>& files,
                       const ModuleIndex& index, const std::vector<char>& test_files);

}  // namespace cutover
