#include "link/source_roots.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "link/import_evidence.h"
#include "link/module_index.h"
#include "link/namespace_packages.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

bool is_declared(const std::vector<std::string>& declared, const std::string& root) {
  return std::find(declared.begin(), declared.end(), root) != declared.end();
}

std::string folder_label(const std::string& folder) {
  return folder.empty() ? "." : folder;
}

std::string evidence_text(const ImportScore& s) {
  return std::to_string(s.resolved) + " resolve, " + std::to_string(s.contradicted) +
         " contradicted";
}

std::size_t components(std::string_view dotted) {
  return dotted.empty() ? 0 : 1 + std::count(dotted.begin(), dotted.end(), '.');
}

// The tree's imports, and the index of the names the files have now.
struct Evidence {
  explicit Evidence(const std::vector<FileSummary>& files)
      : index(files, duplicates), imports(files, index) {}
  std::vector<Diagnostic> duplicates;  // the link stage's own index reports them
  ModuleIndex index;
  ImportEvidence imports;
};

// A regular package at the top of a source root, with the files below it.
struct TopPackage {
  std::string root;
  std::string name;  // its module name: the folder's (the scanned folder's when it is the package)
  std::string folder;
  std::vector<std::size_t> files;
  bool has_init = false;
};

std::vector<TopPackage> top_packages(const std::vector<FileSummary>& files,
                                     const std::vector<std::string>& declared) {
  std::map<std::pair<std::string, std::string>, TopPackage> by_name;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileSummary& f = files[i];
    if (f.module.empty() || is_declared(declared, f.source_root)) continue;
    const std::string top(top_level_name(f.module));
    TopPackage& p = by_name[{f.source_root, top}];
    p.root = f.source_root;
    p.name = top;
    p.files.push_back(i);
    if (f.is_package && f.module == top) {
      p.has_init = true;
      // The scanned folder's own __init__.py: the package is the scan root.
      const std::string_view dir = std::string_view(f.path).substr(0, f.path.rfind('/') + 1);
      p.folder = dir.empty() ? std::string() : std::string(dir.substr(0, dir.size() - 1));
    }
  }
  std::vector<TopPackage> out;
  for (auto& [key, p] : by_name) {
    if (p.has_init) out.push_back(std::move(p));
  }
  return out;
}

// Relative imports in the package that climb to its top: they need it to be
// a package, not a folder on sys.path.
unsigned relative_imports_to_top(const std::vector<FileSummary>& files, const TopPackage& p) {
  unsigned n = 0;
  for (std::size_t i : p.files) {
    const std::size_t depth = components(package_of(files[i]));
    for (const ImportFact& fact : files[i].imports)
      n += fact.level > 0 && static_cast<std::size_t>(fact.level) == depth;
  }
  return n;
}

// The name most of the tree's imports give a package that the scanned folder
// is: `from shop.views import x` where views is a module of it, and no
// module of the tree is named shop.
std::optional<std::string> name_the_imports_give(const ImportEvidence& evidence,
                                                 const ModuleIndex& index,
                                                 const StringSet& inner_tops) {
  std::map<std::string, unsigned> votes;
  for (const ImportClaim& c : evidence.claims()) {
    if (c.relative) continue;
    const std::string_view top = top_level_name(c.module);
    if (top.size() == c.module.size() || !is_identifier(top) || index.has_top_level(top)) continue;
    const std::string_view rest = std::string_view(c.module).substr(top.size() + 1);
    if (inner_tops.contains(top_level_name(rest))) ++votes[std::string(top)];
  }
  const auto best = std::max_element(
      votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best == votes.end()) return std::nullopt;
  return best->first;
}

// Step one: keep each top package's name, drop it (its folder is on
// sys.path), or, for the scanned folder, take the name the imports give it.
bool choose_package_roots(std::vector<FileSummary>& files, const Evidence& current,
                          const std::vector<std::string>& declared,
                          std::vector<Diagnostic>& diagnostics) {
  const ModuleIndex& index = current.index;
  const ImportEvidence& evidence = current.imports;
  bool changed = false;
  for (const TopPackage& p : top_packages(files, declared)) {
    const bool scan_root = p.folder.empty();
    Naming keep;
    Naming stripped;
    StringSet inner_tops;
    for (std::size_t i : p.files) {
      const std::string& module = files[i].module;
      keep.emplace_back(i, module);
      stripped.emplace_back(i, module == p.name ? "" : module.substr(p.name.size() + 1));
      if (!stripped.back().second.empty())
        inner_tops.emplace(top_level_name(stripped.back().second));
    }
    const unsigned relative = relative_imports_to_top(files, p);
    ImportScore keep_score = evidence.weigh_for_root(keep, p.root);
    keep_score.resolved += relative;
    for (std::size_t i : p.files)
      keep_score.resolved += evidence.sibling_imports(i);
    ImportScore strip_score = evidence.weigh_for_root(stripped, p.root);
    strip_score.contradicted += relative;

    enum class Choice { kKeep, kStrip, kRename } choice = Choice::kKeep;
    ImportScore best = keep_score;
    // A checkout folder named `shop-main` is no importable name; else the
    // bare names need imports that use them, not only the package name's
    // contradicted (that alone says the package is not on sys.path at all).
    if (!is_identifier(p.name) ||
        (strip_score.resolved > 0 && strip_score.net() > keep_score.net())) {
      choice = Choice::kStrip;
      best = strip_score;
    }
    std::string renamed;
    if (scan_root) {
      if (auto name = name_the_imports_give(evidence, index, inner_tops); name && *name != p.name) {
        Naming as_named;
        for (const auto& [i, rest] : stripped)
          as_named.emplace_back(i, rest.empty() ? *name : *name + "." + rest);
        ImportScore score = evidence.weigh_for_root(as_named, p.root);
        score.resolved += relative;
        if (score.net() > best.net()) choice = Choice::kRename, best = score, renamed = *name;
      }
    }
    if (choice == Choice::kKeep) continue;
    changed = true;
    const std::string folder = folder_label(p.folder);
    const std::string why = " (the tree's imports: " + evidence_text(best) + "; as " + p.name +
                            ".*: " + evidence_text(keep_score) + ")";
    if (choice == Choice::kStrip) {
      for (const auto& [i, rest] : stripped) {
        files[i].module = rest.empty() ? "__init__" : rest;
        files[i].source_root = p.folder;
      }
      diagnostics.push_back({"", 0, Severity::kInfo, "source-roots",
                             folder +
                                 " is taken as a folder on sys.path: its modules are named "
                                 "without the package name " +
                                 p.name + why});
    } else {
      for (const auto& [i, rest] : stripped)
        files[i].module = rest.empty() ? renamed : renamed + "." + rest;
      diagnostics.push_back({"", 0, Severity::kInfo, "source-roots",
                             "the scanned folder is the package " + renamed +
                                 ", the name its imports give it" + why});
    }
  }
  return changed;
}

// Step three: a root whose bare names the tree's imports contradict more
// than they use, and that no namespace prefix names better, is named by its
// path: whatever those imports mean, it is not this folder.
void name_contradicted_roots_by_path(std::vector<FileSummary>& files, const Evidence& current,
                                     const std::vector<std::string>& declared,
                                     std::vector<Diagnostic>& diagnostics) {
  const ImportEvidence& evidence = current.imports;
  std::map<std::string, Naming> by_root;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileSummary& f = files[i];
    if (f.module.empty() || f.source_root.empty() || is_declared(declared, f.source_root)) continue;
    by_root[f.source_root].emplace_back(i, f.module);
  }
  for (const auto& [root, naming] : by_root) {
    const ImportScore score = evidence.weigh_for_root(naming, root);
    if (score.net() >= 0) continue;
    std::string prefix = root;
    std::replace(prefix.begin(), prefix.end(), '/', '.');
    for (const auto& [i, module] : naming) {
      files[i].module = prefix + "." + module;
      files[i].source_root.clear();
    }
    diagnostics.push_back({"", 0, Severity::kInfo, "source-roots",
                           root +
                               " is not on the importers' sys.path: the tree's imports of its "
                               "bare names " +
                               evidence_text(score) + "; its modules are named by their path (" +
                               prefix + ".*)"});
  }
}

// The roots in effect, largest first.
std::string roots_summary(const std::vector<FileSummary>& files) {
  std::map<std::string, std::size_t> counts;
  for (const FileSummary& f : files) {
    if (!f.module.empty()) ++counts[f.source_root];
  }
  std::vector<std::pair<std::string, std::size_t>> roots(counts.begin(), counts.end());
  std::stable_sort(roots.begin(), roots.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  constexpr std::size_t kShown = 8;
  std::string out = "modules are named from " + std::to_string(roots.size()) + " source roots: ";
  for (std::size_t i = 0; i < roots.size() && i < kShown; ++i) {
    out += (i ? ", " : "") + folder_label(roots[i].first) + " (" + std::to_string(roots[i].second) +
           " files)";
  }
  if (roots.size() > kShown) out += ", +" + std::to_string(roots.size() - kShown) + " more";
  return out;
}

}  // namespace

void choose_source_roots(std::vector<FileSummary>& files,
                         const std::vector<std::string>& declared_roots,
                         std::vector<Diagnostic>& diagnostics) {
  const std::size_t first_note = diagnostics.size();
  // Each step weighs the names the files have when it starts.
  auto evidence = std::make_unique<Evidence>(files);
  if (choose_package_roots(files, *evidence, declared_roots, diagnostics))
    evidence = std::make_unique<Evidence>(files);
  const std::vector<NamespaceAdoption> adopted =
      adopt_namespace_packages(files, evidence->imports, declared_roots);
  if (!adopted.empty()) evidence = std::make_unique<Evidence>(files);
  for (const NamespaceAdoption& a : adopted) {
    diagnostics.push_back({"", 0, Severity::kInfo, "source-roots",
                           a.root + " is a namespace package: its modules are named " + a.prefix +
                               ".* (the tree's imports: " + evidence_text(a.chosen) +
                               "; by bare names: " + evidence_text(a.bare) + ")"});
  }
  name_contradicted_roots_by_path(files, *evidence, declared_roots, diagnostics);
  std::set<std::string_view> roots;
  for (const FileSummary& f : files) {
    if (!f.module.empty()) roots.insert(f.source_root);
  }
  if (diagnostics.size() > first_note || roots.size() > 1) {
    diagnostics.push_back({"", 0, Severity::kInfo, "source-roots", roots_summary(files)});
  }
}

}  // namespace cutover
