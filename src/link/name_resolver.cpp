#include "link/name_resolver.h"

// Inlined: the hash of a short key is a few instructions, and lookups
// hash at every level of every name.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <iterator>

#include "link/django_settings_statement.h"
#include "link/import_resolver.h"
#include "link/test_code.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

constexpr int kMaxHops = 24;  // alias and re-export chains longer than this are unusual

}  // namespace

// xxh3: scopes are long dotted names, hashed at every level of every lookup.
std::size_t NameResolver::BindingKeyHash::operator()(const BindingKey& k) const noexcept {
  return XXH3_64bits_withSeed(k.second.data(), k.second.size(),
                              XXH3_64bits(k.first.data(), k.first.size()));
}

NameResolver::NameResolver(const std::vector<FileSummary>& files, const ModuleIndex& index,
                           unsigned jobs, std::string_view django_settings_module)
    : files_(files),
      index_(index),
      jobs_(jobs),
      bindings_(files.size()),
      earlier_(files.size()),
      star_imports_(files.size()) {
  parallel_for_each_index(files.size(), jobs, [&](std::size_t f) {
    // Later bindings win: a module's namespace after import is what others
    // see. The ones they replace are kept, by line, for resolve_before.
    auto bind = [&earlier = earlier_[f]](BindingMap& map, BindingKey k, Binding b) {
      auto [it, inserted] = map.try_emplace(k, b);
      if (inserted) return;
      if (b.line >= it->second.line) std::swap(it->second, b);
      std::vector<Binding>& replaced = earlier[k];
      const auto at = std::upper_bound(
          replaced.begin(), replaced.end(), b.line,
          [](std::uint32_t line, const Binding& other) { return line < other.line; });
      replaced.insert(at, b);
    };
    BindingMap& map = bindings_[f];
    std::size_t expected = files[f].assignments.size() + files[f].imports.size();
    for (const DefinitionFact& d : files[f].definitions)
      expected += 1 + d.parameters.size();
    map.reserve(expected);
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.augmented || a.target.find('.') != std::string::npos) continue;
      bind(map, {a.scope, a.target}, Binding{.assignment = &a, .line = a.line});
    }
    for (const DefinitionFact& d : files[f].definitions) {
      bind(map, {d.scope, d.name}, Binding{.definition = &d, .line = d.line});
      for (const std::string& p : d.parameters) {
        bind(map, {d.qualified_name, p}, Binding{.function = &d, .parameter = p, .line = d.line});
      }
    }
    for (const ImportFact& i : files[f].imports) {
      if (i.is_star) {
        star_imports_[f].push_back(&i);
        continue;
      }
      for (std::size_t n = 0; n < i.names.size(); ++n) {
        const ImportedName& name = i.names[n];
        // `import a.b` binds `a`; `from m import x` binds `x`; `as` binds the alias.
        const std::string_view bound =
            name.alias.empty() ? top_level_name(name.name) : std::string_view(name.alias);
        bind(map, {i.scope, bound}, Binding{.import = &i, .import_name = n, .line = i.line});
      }
    }
  });
  // Each target is followed from scratch (import_targets_ is still empty),
  // so it does not depend on the order the workers take files in.
  std::vector<std::vector<std::vector<NameTarget>>> targets(files.size());
  parallel_for_each_index(files.size(), jobs, [&](std::size_t f) {
    targets[f].resize(files[f].imports.size());
    for (std::size_t i = 0; i < files[f].imports.size(); ++i) {
      const ImportFact& fact = files[f].imports[i];
      const std::size_t names = fact.is_star ? 1 : fact.names.size();
      for (std::size_t n = 0; n < names; ++n)
        targets[f][i].push_back(from_import(f, fact, n, 1));
    }
  });
  import_targets_ = std::move(targets);
  find_django_settings(django_settings_module);
}

void NameResolver::find_django_settings(std::string_view given) {
  if (!given.empty()) {
    if (std::optional<std::size_t> f = index_.find(given)) django_settings_.push_back(*f);
    return;
  }
  std::vector<std::size_t> app, test;
  for (std::size_t f = 0; f < files_.size(); ++f) {
    std::vector<std::size_t>& found = is_test_path(files_[f].path) ? test : app;
    const auto add = [&](const PythonValue* value) {
      if (!value || !value->is_string()) return;
      if (std::optional<std::size_t> settings = module_file_from(value->text, f))
        found.push_back(*settings);
    };
    for (const CallFact& c : files_[f].calls)
      add(django_settings_set_by(c));
    for (const AssignmentFact& a : files_[f].assignments)
      add(django_settings_set_by(a));
  }
  django_settings_ = app.empty() ? std::move(test) : std::move(app);
  std::sort(django_settings_.begin(), django_settings_.end());
  django_settings_.erase(std::unique(django_settings_.begin(), django_settings_.end()),
                         django_settings_.end());
}

NameTarget NameResolver::resolve(std::size_t file, std::string_view scope,
                                 std::string_view dotted) const {
  return resolve_from(file, scope, dotted, 0);
}

NameTarget NameResolver::resolve_before(std::size_t file, std::string_view scope,
                                        std::string_view dotted, std::uint32_t line) const {
  return resolve_from(file, scope, dotted, 0, line);
}

NameTarget NameResolver::resolve_from(std::size_t file, std::string_view scope,
                                      std::string_view dotted, int hops,
                                      std::uint32_t before) const {
  if (dotted.empty()) return {};
  std::size_t dot = dotted.find('.');
  NameTarget target = lookup(file, scope, dotted.substr(0, dot), hops, before);
  while (dot != std::string_view::npos && target.kind != NameTarget::Kind::kUnknown) {
    const std::size_t next = dotted.find('.', dot + 1);
    target = member(target, dotted.substr(dot + 1, next - dot - 1), hops + 1);
    dot = next;
  }
  return target;
}

NameTarget NameResolver::lookup(std::size_t file, std::string_view scope, std::string_view name,
                                int hops, std::uint32_t before) const {
  if (hops > kMaxHops) return {};
  for (std::string_view s = scope;; s = parent_name(s)) {
    const BindingMap& map = bindings_[file];
    if (auto it = map.find(BindingKey(s, name)); it != map.end()) {
      if (it->second.line < before) return from_binding(file, it->second, hops + 1);
      // Bound on or after `before`: the latest binding above it, if any.
      if (auto old = earlier_[file].find(BindingKey(s, name)); old != earlier_[file].end()) {
        const std::vector<Binding>& replaced = old->second;
        const auto after =
            std::lower_bound(replaced.begin(), replaced.end(), before,
                             [](const Binding& b, std::uint32_t line) { return b.line < line; });
        if (after != replaced.begin()) return from_binding(file, *std::prev(after), hops + 1);
      }
    }
    for (const ImportFact* star : star_imports_[file]) {
      if (star->scope != s) continue;
      NameTarget module = from_binding(file, Binding{.import = star, .line = star->line}, hops + 1);
      if (module.kind != NameTarget::Kind::kModule) continue;
      NameTarget found = member(module, name, hops + 1);
      if (found.kind != NameTarget::Kind::kUnknown) return found;
    }
    if (s.empty()) break;
  }
  return {};
}

NameTarget NameResolver::module_target(std::size_t file, const std::string& absolute,
                                       bool allow_sibling) const {
  if (auto internal = internal_module(files_[file], index_, absolute, allow_sibling)) {
    return NameTarget{
        .kind = NameTarget::Kind::kModule, .file = *internal, .name = files_[*internal].module};
  }
  return NameTarget{.kind = NameTarget::Kind::kExternal, .name = absolute};
}

NameTarget NameResolver::from_binding(std::size_t file, const Binding& b, int hops) const {
  if (b.function) {
    return NameTarget{.kind = NameTarget::Kind::kParameter,
                      .file = file,
                      .definition = b.function,
                      .name = std::string(b.parameter)};
  }
  if (b.definition) {
    return NameTarget{
        .kind = NameTarget::Kind::kDefinition, .file = file, .definition = b.definition};
  }
  if (b.assignment) {
    const PythonValue& value = b.assignment->value;
    if (value.kind == PythonValue::Kind::kName) {  // an alias: `api_bp = bp`
      NameTarget aliased = resolve_from(file, b.assignment->scope, value.text, hops + 1);
      if (aliased.kind != NameTarget::Kind::kUnknown) return aliased;
    }
    return NameTarget{
        .kind = NameTarget::Kind::kAssignment, .file = file, .assignment = b.assignment};
  }
  const ImportFact& fact = *b.import;
  if (!import_targets_.empty()) {
    return import_targets_[file][static_cast<std::size_t>(&fact - files_[file].imports.data())]
                          [b.import_name];
  }
  return from_import(file, fact, b.import_name, hops);
}

NameTarget NameResolver::from_import(std::size_t file, const ImportFact& fact,
                                     std::size_t import_name, int hops) const {
  const std::optional<std::string> base = absolute_import_base(files_[file], fact);
  if (!base) return {};
  const bool allow_sibling = fact.level == 0;
  if (fact.is_star) return module_target(file, *base, allow_sibling);
  const ImportedName& name = fact.names[import_name];
  if (!fact.is_from) {
    const std::string bound =
        name.alias.empty() ? std::string(top_level_name(name.name)) : name.name;
    return module_target(file, bound, allow_sibling);
  }
  const std::string submodule = base->empty() ? name.name : *base + "." + name.name;
  if (index_.find_from(submodule, files_[file].source_root) ||
      (!base->empty() && allow_sibling && internal_module(files_[file], index_, submodule, true))) {
    return module_target(file, submodule, allow_sibling);
  }
  NameTarget module = module_target(file, *base, allow_sibling);
  return member(module, name.name, hops + 1);
}

NameTarget NameResolver::member(const NameTarget& base, std::string_view attribute,
                                int hops) const {
  if (hops > kMaxHops) return {};
  if (base.kind == NameTarget::Kind::kExternal) {
    return NameTarget{.kind = NameTarget::Kind::kExternal,
                      .name = base.name + "." + std::string(attribute)};
  }
  if (base.kind != NameTarget::Kind::kModule) return {};
  const std::string submodule = base.name + "." + std::string(attribute);
  if (auto sub = index_.find_from(submodule, files_[base.file].source_root)) {
    return NameTarget{.kind = NameTarget::Kind::kModule, .file = *sub, .name = submodule};
  }
  return lookup(base.file, "", attribute, hops + 1);
}

}  // namespace cutover
