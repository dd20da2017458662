#pragma once
// Which folders are on sys.path, chosen by what the tree's own imports
// resolve. Discovery names modules below the nearest folder without
// __init__.py; the code then says whether that holds:
//  - a package at the top of a source root may itself be the folder on
//    sys.path (the scanned folder holds a stray __init__.py, or a folder
//    named like a third-party package holds the app run from inside it):
//    its modules lose the package's name when more of the tree's imports
//    resolve that way, net of those each naming contradicts; when the
//    scanned folder is the package, the name the imports give it (which
//    need not be the checkout's folder name) is tried too;
//  - namespace folders above a root join the names (namespace_packages.h);
//  - a root whose bare names the imports contradict more than they use
//    (a folder named like a package the code imports from PyPI) is named
//    by its path, so those imports reach the real package.
// `--root` declarations are kept as given.

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/file_summary.h"

namespace cutover {

// Renames modules and moves source roots in `files`; one info diagnostic
// per choice that changed names, and one listing the roots.
void choose_source_roots(std::vector<FileSummary>& files,
                         const std::vector<std::string>& declared_roots,
                         std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
