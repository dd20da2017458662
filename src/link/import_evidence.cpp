#include "link/import_evidence.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "link/import_resolver.h"
#include "link/stdlib_modules.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

// The attributes a file reads from each name it uses: `m.a.b` → a under m.
StringMap<std::vector<std::string>> attributes_by_name(const FileSummary& file) {
  StringMap<std::vector<std::string>> out;
  for (const NameUse& use : file.name_uses) {
    const std::size_t dot = use.name.find('.');
    if (dot == std::string::npos) continue;
    const std::size_t end = use.name.find('.', dot + 1);
    std::vector<std::string>& attrs = out[use.name.substr(0, dot)];
    std::string attr = use.name.substr(dot + 1, end == std::string::npos ? end : end - dot - 1);
    if (std::find(attrs.begin(), attrs.end(), attr) == attrs.end()) attrs.push_back(attr);
  }
  return out;
}

}  // namespace

ImportEvidence::ImportEvidence(const std::vector<FileSummary>& files, const ModuleIndex& current)
    : files_(files), siblings_(files.size()), binds_(files.size()), attributes_(files.size()) {
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FileSummary& file = files[f];
    if (!file.module.empty()) modules_by_root_[file.source_root].emplace(file.module);
    const std::string package = package_of(file);
    for (const ImportFact& fact : file.imports) {
      if (fact.module == "__future__") continue;
      const std::optional<std::string> base = absolute_import_base(file, fact);
      if (!base || base->empty()) continue;
      const auto add = [&](std::string module, std::vector<std::string> names, std::string bound) {
        const std::string_view top = top_level_name(module);
        if (is_never_shadowed(top)) return;
        // Python 2's `import utils` inside a package means its sibling when there is one.
        const bool sibling = fact.level == 0 && !package.empty() &&
                             current.find_from(package + "." + module, file.source_root) &&
                             implicit_relative_import_applies(file, current, top);
        siblings_[f] += sibling;
        by_top_[std::string(top)].push_back(claims_.size());
        claims_.push_back(ImportClaim{.module = std::move(module),
                                      .names = std::move(names),
                                      .bound = std::move(bound),
                                      .file = f,
                                      .relative = fact.level > 0,
                                      .may_fail = fact.context.in_try_import_error || sibling,
                                      .sibling = sibling});
      };
      if (!fact.is_from) {
        for (const ImportedName& n : fact.names) {
          // `import m` or `import a.b as m`, then `m.attr`.
          const std::string& bound = !n.alias.empty() ? n.alias : n.name;
          add(n.name, {}, bound.find('.') == std::string::npos ? bound : std::string());
        }
      } else {
        std::vector<std::string> names;
        if (!fact.is_star) {
          for (const ImportedName& n : fact.names)
            names.push_back(n.name);
        }
        add(*base, std::move(names), {});
      }
    }
  }
}

const ImportEvidence::Binds& ImportEvidence::binds_of(std::size_t f) const {
  if (binds_[f]) return *binds_[f];
  const FileSummary& file = files_[f];
  auto binds = std::make_unique<Binds>();
  for (const DefinitionFact& d : file.definitions) {
    if (!d.scope.empty()) continue;
    binds->names.push_back(d.name);
    binds->any = binds->any || d.name == "__getattr__";
  }
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope.empty() && a.target.find('.') == std::string::npos)
      binds->names.push_back(a.target);
  }
  for (const ImportFact& fact : file.imports) {
    if (!fact.scope.empty()) continue;
    binds->any = binds->any || fact.is_star;
    for (const ImportedName& n : fact.names) {
      binds->names.push_back(!n.alias.empty() ? std::string_view(n.alias)
                             : fact.is_from   ? std::string_view(n.name)
                                              : top_level_name(n.name));
    }
  }
  std::sort(binds->names.begin(), binds->names.end());
  binds_[f] = std::move(binds);
  return *binds_[f];
}

bool ImportEvidence::binds(std::size_t file, const std::string& name) const {
  const Binds& b = binds_of(file);
  return b.any || std::binary_search(b.names.begin(), b.names.end(), std::string_view(name));
}

const std::vector<std::string>& ImportEvidence::attributes(const ImportClaim& c) const {
  if (c.bound.empty()) return c.names;
  auto& cached = attributes_[c.file];
  if (!cached)
    cached =
        std::make_unique<StringMap<std::vector<std::string>>>(attributes_by_name(files_[c.file]));
  static const std::vector<std::string> kNone;
  const auto it = cached->find(c.bound);
  return it == cached->end() ? kNone : it->second;
}

const std::vector<std::size_t>* ImportEvidence::claims_under(std::string_view top) const {
  const auto it = by_top_.find(top);
  return it == by_top_.end() ? nullptr : &it->second;
}

ImportScore ImportEvidence::weigh(const Naming& naming,
                                  const std::function<bool(const ImportClaim&)>& counts) const {
  StringMap<std::size_t> modules;
  StringSet portions;  // dotted prefixes of the names: packages, or folders between them
  StringSet tops;
  for (const auto& [file, name] : naming) {
    if (name.empty()) continue;
    modules.emplace(name, file);
    tops.emplace(top_level_name(name));
    for (std::size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1))
      portions.emplace(name.substr(0, dot));
  }
  ImportScore score;
  for (const std::string& top : tops) {
    const std::vector<std::size_t>* under = claims_under(top);
    if (!under) continue;
    for (std::size_t i : *under) {
      const ImportClaim& c = claims_[i];
      if (!counts(c)) continue;
      const std::vector<std::string>& names = attributes(c);
      if (const auto it = modules.find(c.module); it != modules.end()) {
        if (names.empty()) ++score.resolved;
        for (const std::string& name : names) {
          if (modules.contains(c.module + "." + name) || binds(it->second, name)) {
            ++score.resolved;
          } else if (!c.may_fail) {
            ++score.contradicted;
          }
        }
        continue;
      }
      // Below a module or regular package of the naming, and not there: the
      // import would fail. Below a folder without __init__.py, another
      // portion of the namespace may hold it: no evidence either way.
      if (portions.contains(c.module)) {
        for (const std::string& name : names)
          score.resolved += modules.contains(c.module + "." + name);
        continue;
      }
      for (std::string_view up = parent_name(c.module); !up.empty(); up = parent_name(up)) {
        if (modules.contains(up)) {
          score.contradicted += !c.may_fail;
          break;
        }
        if (portions.contains(up)) break;
      }
    }
  }
  return score;
}

ImportScore ImportEvidence::weigh_for_root(const Naming& naming, const std::string& root) const {
  return weigh(naming, [&](const ImportClaim& c) {
    const std::string& from = files_[c.file].source_root;
    if (from == root) return !c.relative;
    const auto own = modules_by_root_.find(from);
    return own == modules_by_root_.end() || !own->second.contains(c.module);
  });
}

}  // namespace cutover
