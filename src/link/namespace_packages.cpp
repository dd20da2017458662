#include "link/namespace_packages.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "link/import_resolver.h"
#include "link/module_index.h"
#include "link/stdlib_modules.h"

namespace cutover {
namespace {

// How often each dotted name, or a dotted prefix of it, is imported. A
// relative import counts under the absolute name it has in its package:
// `from .webhooks.payment_app import *` in package a.b is evidence that the
// folder webhooks/ without __init__.py is a namespace package a.b.webhooks.
std::unordered_map<std::string, unsigned> count_imported_names(
    const std::vector<FileSummary>& files) {
  std::unordered_map<std::string, unsigned> counts;
  const auto add = [&](const std::string& dotted) {
    for (std::size_t dot = dotted.find('.'); dot != std::string::npos;
         dot = dotted.find('.', dot + 1)) {
      ++counts[dotted.substr(0, dot)];
    }
    ++counts[dotted];
  };
  for (const FileSummary& file : files) {
    for (const ImportFact& fact : file.imports) {
      if (fact.module == "__future__") continue;
      if (fact.level > 0) {
        const std::optional<std::string> base = absolute_import_base(file, fact);
        if (base && !fact.module.empty()) add(*base);
        continue;
      }
      if (!fact.is_from) {
        for (const ImportedName& name : fact.names)
          add(name.name);
      } else if (!fact.module.empty()) {
        add(fact.module);
      }
    }
  }
  return counts;
}

}  // namespace

void adopt_namespace_packages(std::vector<FileSummary>& files,
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
  if (by_root.empty()) return;
  const std::unordered_map<std::string, unsigned> imported = count_imported_names(files);
  const auto count = [&](const std::string& name) {
    const auto it = imported.find(name);
    return it == imported.end() ? 0u : it->second;
  };

  for (const auto& [root, members] : by_root) {
    std::set<std::string> tops;
    for (std::size_t i : members)
      tops.emplace(top_level_name(files[i].module));
    // A bare `import time` means the built-in module whatever the tree
    // holds, so it is no evidence for the bare name.
    unsigned bare = 0;
    for (const std::string& top : tops) {
      if (!is_never_shadowed(top)) bare += count(top);
    }

    // Try "ns", then "outer.ns", ...: the prefix imported most wins, and
    // only when it beats the bare names.
    std::string best_prefix;
    std::size_t best_cut = 0;
    unsigned best_hits = bare;
    std::string prefix;
    std::size_t cut = root.size();
    while (true) {
      const std::size_t slash = root.rfind('/', cut - 1);
      const std::size_t start = slash == std::string::npos ? 0 : slash + 1;
      const std::string folder = root.substr(start, cut - start);
      if (!is_identifier(folder)) break;
      prefix = prefix.empty() ? folder : folder + "." + prefix;
      unsigned hits = 0;
      for (const std::string& top : tops)
        hits += count(prefix + "." + top);
      if (hits > best_hits) best_prefix = prefix, best_cut = start, best_hits = hits;
      if (slash == std::string::npos) break;
      cut = slash;
    }
    if (best_prefix.empty()) continue;
    const std::string new_root = best_cut == 0 ? std::string() : root.substr(0, best_cut - 1);
    for (std::size_t i : members) {
      files[i].module = best_prefix + "." + files[i].module;
      files[i].source_root = new_root;
    }
  }
}

}  // namespace cutover
