#include "link/import_resolver.h"

#include <algorithm>

#include "link/stdlib_modules.h"

namespace cutover {
namespace {

std::string join(std::string_view base, std::string_view name) {
  if (base.empty()) return std::string(name);
  if (name.empty()) return std::string(base);
  return std::string(base) + "." + std::string(name);
}

struct Target {
  std::string name;
  ImportKind kind;
};

class FileImportResolver {
 public:
  FileImportResolver(const FileSummary& file, const ModuleIndex& index)
      : file_(file), index_(index) {}

  // The output name of the internal module `absolute` names.
  std::optional<std::string> internal(const std::string& absolute, bool allow_sibling) const {
    const std::optional<std::size_t> hit = internal_module(file_, index_, absolute, allow_sibling);
    if (!hit) return std::nullopt;
    return index_.id_of(*hit);
  }

  Target classify_external(const std::string& absolute) const {
    const std::string_view top = top_level_name(absolute);
    if (is_stdlib(top)) return {absolute, ImportKind::kStdlib};
    if (index_.has_top_level(top)) return {absolute, ImportKind::kUnresolved};
    return {absolute, ImportKind::kThirdParty};
  }

  std::vector<Target> targets(const ImportFact& fact) const {
    const std::optional<std::string> base = absolute_import_base(file_, fact);
    if (!base) return {{std::string(fact.level, '.') + fact.module, ImportKind::kUnresolved}};
    const bool allow_sibling = fact.level == 0;
    if (!fact.is_from) {
      if (auto hit = internal(*base, allow_sibling)) return {{*hit, ImportKind::kInternal}};
      return {classify_external(*base)};
    }
    if (fact.is_star || fact.names.empty()) {
      if (auto hit = internal(*base, allow_sibling)) return {{*hit, ImportKind::kInternal}};
      return {classify_external(*base)};
    }
    std::vector<Target> out;
    for (const ImportedName& name : fact.names) {
      Target t;
      if (auto sub = internal(join(*base, name.name), allow_sibling)) {
        t = {*sub, ImportKind::kInternal};  // `from pkg import module`
      } else if (auto hit = internal(*base, allow_sibling)) {
        t = {*hit, ImportKind::kInternal};  // `from module import symbol`
      } else if (base->empty()) {
        t = {std::string(fact.level, '.') + name.name, ImportKind::kUnresolved};
      } else {
        t = classify_external(*base);
      }
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const Target& o) { return o.name == t.name; });
      if (!seen) out.push_back(std::move(t));
    }
    return out;
  }

 private:
  const FileSummary& file_;
  const ModuleIndex& index_;
};

}  // namespace

std::optional<std::string> absolute_import_base(const FileSummary& file, const ImportFact& fact) {
  if (fact.level == 0) return fact.module;
  std::string package = package_of(file);
  for (int up = 1; up < fact.level; ++up) {
    if (package.empty()) return std::nullopt;
    package.resize(parent_name(package).size());
  }
  if (package.empty()) return std::nullopt;
  return join(package, fact.module);
}

bool implicit_relative_import_applies(const FileSummary& file, const ModuleIndex& index,
                                      std::string_view top) {
  // The file's own syntax decides; else its source root's; else a module of
  // the standard library keeps its name. The __future__ scan comes last: it
  // reads every import of the file.
  bool python2 = !file.python2.empty();
  if (!python2) {
    if (file.python3_only) return false;
    switch (index.dialect_of_root(file.source_root)) {
      case ModuleIndex::Dialect::kPython2:
        python2 = true;
        break;
      case ModuleIndex::Dialect::kPython3:
        return false;
      case ModuleIndex::Dialect::kUnknown:
        if (is_stdlib(top)) return false;
        break;
    }
  }
  return uses_implicit_relative_imports(file);
}

std::optional<std::size_t> internal_module(const FileSummary& file, const ModuleIndex& index,
                                           const std::string& absolute, bool allow_sibling) {
  // Python 2 tries the sibling module first (`import utils` inside pkg is
  // pkg.utils when that exists), then the absolute name.
  const std::string_view top = top_level_name(absolute);
  if (allow_sibling) {
    const std::string package = package_of(file);
    if (!package.empty() && implicit_relative_import_applies(file, index, top)) {
      if (auto sibling = index.find_from(join(package, absolute), file.source_root)) return sibling;
    }
  }
  // Built-in and frozen modules are found before sys.path: a tree module
  // called time.py never shadows them.
  if (is_never_shadowed(top)) return std::nullopt;
  return index.find_from(absolute, file.source_root);
}

bool uses_implicit_relative_imports(const FileSummary& file) {
  for (const ImportFact& fact : file.imports) {
    if (fact.module != "__future__") continue;
    for (const ImportedName& name : fact.names) {
      if (name.name == "absolute_import") return false;
    }
  }
  return true;
}

std::vector<ImportEdge> resolve_imports(const std::vector<FileSummary>& files,
                                        const ModuleIndex& index,
                                        std::vector<Diagnostic>& diagnostics) {
  std::vector<ImportEdge> edges;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FileSummary& file = files[f];
    const FileImportResolver resolver(file, index);
    for (const ImportFact& fact : file.imports) {
      for (Target& target : resolver.targets(fact)) {
        if (target.kind == ImportKind::kUnresolved) {
          diagnostics.push_back(
              {file.path, fact.line, Severity::kWarning, "unresolved-import",
               target.name.starts_with(".")
                   ? "relative import " + target.name + " does not resolve inside the scanned tree"
                   : target.name + " is not a module of the scanned tree"});
        }
        edges.push_back(ImportEdge{.from = index.id_of(f),
                                   .to = std::move(target.name),
                                   .file = file.path,
                                   .line = fact.line,
                                   .kind = target.kind,
                                   .context = fact.context});
      }
    }
  }
  return edges;
}

}  // namespace cutover
