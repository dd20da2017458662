#pragma once
// Which dotted module names the scanned tree defines, and where.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/diagnostic.h"
#include "model/file_summary.h"

namespace cutover {

class ModuleIndex {
 public:
  // Two files claiming one module name (two apps scanned together, say): the
  // first by path keeps the name and a diagnostic names the other.
  ModuleIndex(const std::vector<FileSummary>& files, std::vector<Diagnostic>& diagnostics);

  std::optional<std::size_t> find(std::string_view module) const;
  bool contains(std::string_view module) const { return find(module).has_value(); }
  // True when some internal module starts with this top-level name.
  bool has_top_level(std::string_view top) const { return tops_.contains(std::string(top)); }

 private:
  std::unordered_map<std::string, std::size_t> by_name_;
  std::unordered_set<std::string> tops_;
};

// "a.b.c" -> "a"
std::string_view top_level_name(std::string_view dotted);
// The package a module's relative imports start from.
std::string package_of(const FileSummary& file);

}  // namespace cutover
