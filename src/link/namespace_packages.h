#pragma once
// Namespace packages (PEP 420): a folder without __init__.py can still be
// part of a module's name when its parent folder is on sys.path. Discovery
// cannot tell, so the code decides: when the tree imports a source root's
// modules through the folders above that root (`company.billing.invoice`)
// more often than by their bare names (`billing.invoice`), those folders
// become part of the names.

#include <vector>

#include "model/file_summary.h"

namespace cutover {

// Renames the modules of every source root the tree imports through a
// namespace prefix, and moves that root up accordingly. Declared roots
// (`--root`) already name their namespace folders and are left alone.
void adopt_namespace_packages(std::vector<FileSummary>& files,
                              const std::vector<std::string>& declared_roots = {});

}  // namespace cutover
