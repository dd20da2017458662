#include "link/python2_blockers.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "link/stdlib_modules.h"

namespace cutover {
namespace {

bool is_python2_builtin(std::string_view name) {
  static constexpr std::string_view kBuiltins[] = {"unicode", "basestring", "long",   "xrange",
                                                   "unichr",  "raw_input",  "reduce", "execfile"};
  return std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins);
}

// Names the module binds itself (`unicode = str` in a compatibility shim,
// `from functools import reduce`, a parameter called `long`).
std::set<std::string_view> bound_names(const FileSummary& file) {
  std::set<std::string_view> bound;
  for (const AssignmentFact& a : file.assignments)
    bound.insert(a.target);
  for (const DefinitionFact& d : file.definitions) {
    bound.insert(d.name);
    for (const std::string& p : d.parameters)
      bound.insert(p);
  }
  for (const ImportFact& fact : file.imports) {
    for (const ImportedName& n : fact.names)
      bound.insert(n.alias.empty() ? std::string_view(n.name) : std::string_view(n.alias));
  }
  return bound;
}

}  // namespace

std::vector<Python2Blocker> find_python2_blockers(const std::vector<FileSummary>& files,
                                                  const ModuleIndex& index,
                                                  const std::vector<ImportEdge>& imports) {
  std::vector<Python2Blocker> out;
  std::unordered_map<std::string_view, std::size_t> file_index;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FileSummary& file = files[f];
    file_index.emplace(file.path, f);
    const std::string& module = index.id_of(f);
    const auto add = [&](std::string construct, std::uint32_t line) {
      out.push_back(Python2Blocker{
          .module = module, .construct = std::move(construct), .file = file.path, .line = line});
    };
    for (const Python2Finding& finding : file.python2)
      add(finding.construct, finding.line);
    std::set<std::string_view> bound;
    bool bound_known = false;
    for (const NameUse& use : file.name_uses) {
      const std::string_view first = std::string_view(use.name).substr(0, use.name.find('.'));
      if (!is_python2_builtin(first)) continue;
      if (!bound_known) bound = bound_names(file), bound_known = true;
      if (!bound.contains(first)) add("builtin " + std::string(first), use.line);
    }
    for (const AssignmentFact& a : file.assignments) {
      if (!a.scope.empty() && a.target == "__metaclass__") add("__metaclass__ attribute", a.line);
    }
  }
  for (const ImportEdge& e : imports) {
    if (e.kind != ImportKind::kStdlib || !is_python2_only_stdlib(top_level_name(e.to))) continue;
    const auto f = file_index.find(e.file);
    if (f == file_index.end()) continue;
    out.push_back(Python2Blocker{.module = index.id_of(f->second),
                                 .construct = "import " + e.to,
                                 .file = e.file,
                                 .line = e.line});
  }
  std::sort(out.begin(), out.end(), [](const Python2Blocker& a, const Python2Blocker& b) {
    return std::tie(a.file, a.line, a.construct) < std::tie(b.file, b.line, b.construct);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Python2Blocker& a, const Python2Blocker& b) {
                          return std::tie(a.file, a.line, a.construct) ==
                                 std::tie(b.file, b.line, b.construct);
                        }),
            out.end());
  return out;
}

}  // namespace cutover
