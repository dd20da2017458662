#pragma once
// What the tree's own imports say about its module names. Every import
// statement names a module, and `from m import a` (or `import m` then
// `m.a`) names attributes of it. A naming of the files under which those
// modules and attributes exist is one Python could run the code with; a
// naming under which an imported name falls inside one of the tree's
// modules or packages but is missing is one it could not (a regular package
// holds all of its submodules, so the import would fail). Source roots are
// chosen by weighing candidate namings against these claims.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "link/module_index.h"
#include "model/file_summary.h"
#include "model/string_map.h"

namespace cutover {

struct ImportClaim {
  std::string module;              // absolute dotted name, under the current names if relative
  std::vector<std::string> names;  // `from m import a, b`: a, b; empty: the module alone
  std::string bound;               // `import m` / `import a.b as m`: m, whose `m.x` the file uses
  std::size_t file = 0;            // the importing file
  bool relative = false;           // written with leading dots
  bool may_fail = false;           // under `try: ... except ImportError`: absence is expected
  // Python 2's `import utils` inside a package, naming a sibling module that
  // exists under the current names: evidence for a naming that has it under
  // the absolute name too, and against none.
  bool sibling = false;
};

// A candidate naming: file index → the module name it would have ("" none).
using Naming = std::vector<std::pair<std::size_t, std::string>>;

struct ImportScore {
  unsigned resolved = 0;      // modules and attributes the naming supplies
  unsigned contradicted = 0;  // claimed under the naming's names, but missing
  long net() const { return static_cast<long>(resolved) - static_cast<long>(contradicted); }
};

class ImportEvidence {
 public:
  // `current`: the index of the names the files have now, to tell a Python 2
  // import that means an existing sibling module. Imports of built-in
  // modules (never shadowed) are no evidence.
  ImportEvidence(const std::vector<FileSummary>& files, const ModuleIndex& current);

  // The claims that fall under `naming`'s top-level names, weighed against
  // it; `counts` says which claims are heard (by importer, say).
  ImportScore weigh(const Naming& naming,
                    const std::function<bool(const ImportClaim&)>& counts) const;
  // weigh() hearing the importers Python would send to files of the source
  // root `root`: that root's own files (absolute imports only: relative ones
  // read the same under any naming), and files of other roots unless the
  // module they name is in their own root (an importer's project wins).
  ImportScore weigh_for_root(const Naming& naming, const std::string& root) const;

  // Imports of `file` that mean a sibling module under the current names.
  unsigned sibling_imports(std::size_t file) const { return siblings_[file]; }
  // Claims by their top-level name.
  const std::vector<std::size_t>* claims_under(std::string_view top) const;
  const std::vector<ImportClaim>& claims() const { return claims_; }

 private:
  struct Binds {
    std::vector<std::string_view> names;  // sorted; views into the summaries
    bool any = false;                     // star import, module __getattr__: anything may be bound
  };
  // Built on first use: few files are ever asked. The caches make a const
  // ImportEvidence unsafe to share between threads.
  const Binds& binds_of(std::size_t file) const;
  bool binds(std::size_t file, const std::string& name) const;
  // The attributes a claim takes from its module: its names, or what the
  // importing file reads through the name it bound.
  const std::vector<std::string>& attributes(const ImportClaim& c) const;

  const std::vector<FileSummary>& files_;
  std::vector<ImportClaim> claims_;
  StringMap<std::vector<std::size_t>> by_top_;
  std::vector<unsigned> siblings_;                     // per file: its claims with `sibling`
  StringMap<StringSet> modules_by_root_;               // current module names of each source root
  mutable std::vector<std::unique_ptr<Binds>> binds_;  // per file
  mutable std::vector<std::unique_ptr<StringMap<std::vector<std::string>>>> attributes_;
};

}  // namespace cutover
