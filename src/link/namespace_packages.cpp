#include "link/namespace_packages.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "link/module_index.h"
#include "model/dotted_name.h"

namespace cutover {

std::vector<NamespaceAdoption> adopt_namespace_packages(
    std::vector<FileSummary>& files, const ImportEvidence& evidence,
    const std::vector<std::string>& declared_roots) {
  // Source root → its files; std::map keeps the renaming order stable.
  std::map<std::string, std::vector<std::size_t>> by_root;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileSummary& file = files[i];
    if (file.module.empty() || file.source_root.empty()) continue;
    if (std::find(declared_roots.begin(), declared_roots.end(), file.source_root) !=
        declared_roots.end()) {
      continue;
    }
    by_root[file.source_root].push_back(i);
  }
  std::vector<NamespaceAdoption> out;
  for (const auto& [root, members] : by_root) {
    const auto naming = [&](const std::string& prefix) {
      Naming named;
      for (std::size_t i : members)
        named.emplace_back(i, prefix.empty() ? files[i].module : prefix + "." + files[i].module);
      return named;
    };
    const ImportScore bare = evidence.weigh_for_root(naming(""), root);

    // Try "ns", then "outer.ns", ...: the prefix with the most evidence wins,
    // and only when it has more than the bare names.
    std::string best_prefix;
    std::size_t best_cut = 0;
    ImportScore best = bare;
    std::string prefix;
    std::size_t cut = root.size();
    while (true) {
      const std::size_t slash = root.rfind('/', cut - 1);
      const std::size_t start = slash == std::string::npos ? 0 : slash + 1;
      const std::string folder = root.substr(start, cut - start);
      if (!is_identifier(folder)) break;
      prefix = prefix.empty() ? folder : folder + "." + prefix;
      const ImportScore score = evidence.weigh_for_root(naming(prefix), root);
      if (score.net() > best.net()) best_prefix = prefix, best_cut = start, best = score;
      if (slash == std::string::npos) break;
      cut = slash;
    }
    if (best_prefix.empty()) continue;
    const std::string new_root = best_cut == 0 ? std::string() : root.substr(0, best_cut - 1);
    for (std::size_t i : members) {
      files[i].module = best_prefix + "." + files[i].module;
      files[i].source_root = new_root;
    }
    out.push_back({root, best_prefix, bare, best});
  }
  return out;
}

std::vector<NamespaceAdoption> adopt_namespace_packages(
    std::vector<FileSummary>& files, const std::vector<std::string>& declared_roots) {
  std::vector<Diagnostic> ignored;
  const ModuleIndex current(files, ignored);
  const ImportEvidence evidence(files, current);
  return adopt_namespace_packages(files, evidence, declared_roots);
}

}  // namespace cutover
