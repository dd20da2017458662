#pragma once
// Namespace packages (PEP 420): a folder without __init__.py can still be
// part of a module's name when its parent folder is on sys.path. Discovery
// cannot tell, so the code decides: when the tree's imports resolve more of
// a source root's modules through the folders above that root
// (`company.billing.invoice`) than by their bare names (`billing.invoice`),
// net of the imports each naming contradicts, those folders become part of
// the names.

#include <string>
#include <vector>

#include "link/import_evidence.h"
#include "model/file_summary.h"

namespace cutover {

// One source root renamed, for the caller's diagnostic.
struct NamespaceAdoption {
  std::string root;    // the folder the names started from
  std::string prefix;  // the namespace folders now in front of them ("" none)
  ImportScore bare;    // the evidence for the bare names
  ImportScore chosen;  // and for the names chosen
};

// Renames the modules of every source root the tree imports through a
// namespace prefix, and moves that root up accordingly. Declared roots
// (`--root`) already name their namespace folders and are left alone.
// `evidence` was built over `files` as they are named on entry.
std::vector<NamespaceAdoption> adopt_namespace_packages(
    std::vector<FileSummary>& files, const ImportEvidence& evidence,
    const std::vector<std::string>& declared_roots = {});

// The same, weighing the files' own imports.
std::vector<NamespaceAdoption> adopt_namespace_packages(
    std::vector<FileSummary>& files, const std::vector<std::string>& declared_roots = {});

}  // namespace cutover
