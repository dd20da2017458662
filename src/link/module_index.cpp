#include "link/module_index.h"

#include <algorithm>

namespace cutover {
namespace {

// Leading folders two source roots share: "a/b" and "a/c" share 1.
std::size_t shared_folders(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t end_a = a.find('/', i);
    const std::size_t end_b = b.find('/', i);
    if (a.substr(i, end_a - i) != b.substr(i, end_b - i)) return shared;
    ++shared;
    if (end_a == std::string_view::npos || end_b == std::string_view::npos) return shared;
    i = end_a + 1;
  }
}

}  // namespace

ModuleIndex::ModuleIndex(const std::vector<FileSummary>& files,
                         std::vector<Diagnostic>& diagnostics)
    : files_(files), ids_(files.size()) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileSummary& file = files[i];
    ids_[i] = file.module;
    if (file.module.empty()) continue;
    by_name_[file.module].push_back(i);
    tops_.emplace(top_level_name(file.module));
  }
  std::unordered_map<std::string, std::pair<bool, bool>> seen;  // root → (py2, py3)
  for (const FileSummary& file : files) {
    auto& [py2, py3] = seen[file.source_root];
    py2 = py2 || !file.python2.empty();
    py3 = py3 || file.python3_only;
  }
  for (const auto& [root, found] : seen) {
    const auto [py2, py3] = found;
    dialects_[root] = py2 == py3 ? Dialect::kUnknown : py2 ? Dialect::kPython2 : Dialect::kPython3;
  }
  for (auto& [name, defining] : by_name_) {
    if (defining.size() < 2) continue;
    std::sort(defining.begin(), defining.end(),
              [&](std::size_t a, std::size_t b) { return files[a].path < files[b].path; });
    for (std::size_t i : defining) {
      const std::string& root = files[i].source_root;
      ids_[i] = (root.empty() ? std::string(".") : root) + ":" + name;
      if (i == defining.front()) continue;
      diagnostics.push_back({files[i].path, 0, Severity::kWarning, "duplicate-module",
                             "module " + name + " is also defined by " +
                                 files[defining.front()].path +
                                 "; each import resolves to the one in its own project; "
                                 "the graph names this one " +
                                 ids_[i]});
    }
  }
}

std::optional<std::size_t> ModuleIndex::find(std::string_view module) const {
  const auto it = by_name_.find(module);
  if (it == by_name_.end()) return std::nullopt;
  return it->second.front();
}

std::optional<std::size_t> ModuleIndex::find_from(std::string_view module,
                                                  std::string_view importer_root) const {
  const auto it = by_name_.find(module);
  if (it == by_name_.end()) return std::nullopt;
  const std::vector<std::size_t>& defining = it->second;
  if (defining.size() == 1) return defining.front();
  std::size_t best = defining.front();
  std::size_t best_shared = 0;
  for (std::size_t candidate : defining) {
    const std::size_t shared = shared_folders(importer_root, files_[candidate].source_root);
    if (shared > best_shared) best = candidate, best_shared = shared;
  }
  return best;
}

std::optional<std::size_t> ModuleIndex::find_enclosing(std::string_view dotted,
                                                       std::string_view importer_root) const {
  while (!dotted.empty()) {
    if (auto hit = find_from(dotted, importer_root)) return hit;
    dotted = parent_name(dotted);
  }
  return std::nullopt;
}

ModuleIndex::Dialect ModuleIndex::dialect_of_root(const std::string& source_root) const {
  const auto it = dialects_.find(source_root);
  return it == dialects_.end() ? Dialect::kUnknown : it->second;
}

std::string package_of(const FileSummary& file) {
  if (file.is_package) return file.module;
  return std::string(parent_name(file.module));
}

}  // namespace cutover
