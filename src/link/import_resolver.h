#pragma once
// Resolves every import statement to a module of the scanned tree, or
// classifies it as standard library, third party or unresolved.

#include <optional>
#include <string>
#include <vector>

#include "link/module_index.h"
#include "model/diagnostic.h"
#include "model/file_summary.h"
#include "model/inventory.h"

namespace cutover {

// The absolute module an import statement names before any lookup:
// relative levels applied; nullopt when a relative import climbs above the
// top-level package.
std::optional<std::string> absolute_import_base(const FileSummary& file, const ImportFact& fact);

// Whether `file` uses Python 2 import semantics: `import x` may mean the
// sibling module x (no `from __future__ import absolute_import`).
bool uses_implicit_relative_imports(const FileSummary& file);

// Whether `import top...` in `file` may mean a sibling module (Python 2
// implicit relative import): Python 2 syntax in the file, or in its source
// root with no Python-3-only syntax in the file; with neither dialect
// evident, anything but a standard-library name; and never after
// `from __future__ import absolute_import`.
bool implicit_relative_import_applies(const FileSummary& file, const ModuleIndex& index,
                                      std::string_view top);

// The file of the internal module `absolute` names, seen from `file`: the
// module itself, or (Python 2 semantics, `allow_sibling`) the sibling module
// of that name.
std::optional<std::size_t> internal_module(const FileSummary& file, const ModuleIndex& index,
                                           const std::string& absolute, bool allow_sibling);

// One edge per distinct target of each statement, in file order.
std::vector<ImportEdge> resolve_imports(const std::vector<FileSummary>& files,
                                        const ModuleIndex& index,
                                        std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
