#include "link/module_index.h"

namespace cutover {

ModuleIndex::ModuleIndex(const std::vector<FileSummary>& files,
                         std::vector<Diagnostic>& diagnostics) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileSummary& file = files[i];
    if (file.module.empty()) continue;
    auto [it, inserted] = by_name_.emplace(file.module, i);
    if (!inserted) {
      diagnostics.push_back({file.path, 0, Severity::kWarning, "duplicate-module",
                             "module " + file.module + " is also defined by " +
                                 files[it->second].path + "; imports of it resolve to that file"});
      continue;
    }
    tops_.emplace(top_level_name(file.module));
  }
}

std::optional<std::size_t> ModuleIndex::find(std::string_view module) const {
  const auto it = by_name_.find(std::string(module));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::string_view top_level_name(std::string_view dotted) {
  return dotted.substr(0, dotted.find('.'));
}

std::string package_of(const FileSummary& file) {
  if (file.is_package) return file.module;
  const std::size_t dot = file.module.rfind('.');
  return dot == std::string::npos ? std::string() : file.module.substr(0, dot);
}

}  // namespace cutover
