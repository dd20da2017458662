#pragma once
// Which dotted module names the scanned tree defines, and where. Several
// projects scanned together may each define `manage` or `app.settings`: an
// import resolves to the definition in the importer's own project, as its
// interpreter (with its own sys.path) would.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/diagnostic.h"
#include "model/dotted_name.h"
#include "model/file_summary.h"
#include "model/string_map.h"

namespace cutover {

class ModuleIndex {
 public:
  // A name defined under two source roots gets a diagnostic naming both files.
  ModuleIndex(const std::vector<FileSummary>& files, std::vector<Diagnostic>& diagnostics);

  // The file defining `module`; with several, the first by path.
  std::optional<std::size_t> find(std::string_view module) const;
  // The file defining `module` as seen from a file under `importer_root`: with
  // several, the one whose source root shares the most folders with it.
  std::optional<std::size_t> find_from(std::string_view module,
                                       std::string_view importer_root) const;
  // The file of the longest dotted prefix of `dotted` that is a module, seen
  // as find_from sees it: the module defining `billing.views.index`.
  std::optional<std::size_t> find_enclosing(std::string_view dotted,
                                            std::string_view importer_root) const;
  bool contains(std::string_view module) const { return find(module).has_value(); }
  // True when some internal module starts with this top-level name.
  bool has_top_level(std::string_view top) const { return tops_.contains(std::string(top)); }
  // Whether the files under `source_root` are Python 2 (some have Python 2
  // syntax, none Python-3-only syntax), Python 3 (the reverse), or neither.
  enum class Dialect : std::uint8_t { kUnknown, kPython2, kPython3 };
  Dialect dialect_of_root(const std::string& source_root) const;
  // The module's name in outputs (graph nodes, import edges): its dotted
  // name, or "source_root:name" when another source root defines the same name.
  const std::string& id_of(std::size_t file) const { return ids_[file]; }

 private:
  const std::vector<FileSummary>& files_;
  StringMap<std::vector<std::size_t>> by_name_;
  std::unordered_set<std::string> tops_;
  std::vector<std::string> ids_;                       // per file
  std::unordered_map<std::string, Dialect> dialects_;  // by source root
};

// The package a module's relative imports start from.
std::string package_of(const FileSummary& file);

}  // namespace cutover
