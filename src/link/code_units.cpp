#include "link/code_units.h"

#include "util/parallel_for.h"

namespace cutover {

CodeUnits::CodeUnits(const std::vector<FileSummary>& files, unsigned jobs)
    : files_(files),
      offset_(files.size() + 1, 0),
      module_uses_(files.size()),
      by_name_(files.size()) {
  for (std::size_t f = 0; f < files.size(); ++f)
    offset_[f + 1] = offset_[f] + static_cast<std::uint32_t>(files[f].definitions.size());
  const std::size_t n = offset_.back();
  file_.resize(n);
  unit_.resize(n);
  parent_.assign(n, -1);
  lines_.assign(n, 0);
  uses_.resize(n);
  nested_classes_.resize(n);
  returns_.resize(n);
  parallel_for_each_index(files.size(), jobs, [&](std::size_t f) {
    const FileSummary& file = files[f];
    std::unordered_map<std::string_view, std::uint32_t>& by_name = by_name_[f];
    by_name.reserve(file.definitions.size());
    // Definitions come in walk order: the one around a definition is already
    // named when it comes, and a later definition of a name replaces it.
    for (std::uint32_t i = 0; i < file.definitions.size(); ++i) {
      const DefinitionFact& d = file.definitions[i];
      const std::uint32_t id = offset_[f] + i;
      file_[id] = static_cast<std::uint32_t>(f);
      unit_[id] = id;
      lines_[id] = d.last_line >= d.first_line ? d.last_line - d.first_line + 1 : 1;
      if (!d.scope.empty()) {
        if (const auto around = by_name.find(d.scope); around != by_name.end()) {
          const std::uint32_t outer = around->second;
          parent_[id] = outer;
          const DefinitionFact& o = files[f].definitions[outer - offset_[f]];
          // A plain helper inside a function is that function's code; a
          // decorated one is registered somewhere (a route, a hook) and runs
          // on its own.
          if (o.kind == DefinitionFact::Kind::kFunction && d.decorators.empty())
            unit_[id] = unit_[outer];
        }
      }
      by_name.insert_or_assign(std::string_view(d.qualified_name), id);
    }
    // A unit's own lines leave out the units inside it.
    for (std::uint32_t i = 0; i < file.definitions.size(); ++i) {
      const std::uint32_t id = offset_[f] + i;
      if (unit_[id] != id || parent_[id] < 0) continue;
      const std::uint32_t around = unit_[static_cast<std::uint32_t>(parent_[id])];
      const DefinitionFact& d = file.definitions[i];
      const std::uint32_t span = d.last_line >= d.first_line ? d.last_line - d.first_line + 1 : 1;
      lines_[around] = lines_[around] > span ? lines_[around] - span : 0;
      if (d.kind == DefinitionFact::Kind::kClass &&
          file.definitions[around - offset_[f]].kind == DefinitionFact::Kind::kClass) {
        nested_classes_[around].push_back(id);
      }
    }
    // Facts come grouped by scope, in walk order: a scope is looked up
    // once per run of facts in it.
    auto scope_lookup = [&by_name, last = std::string_view(),
                         found = std::int64_t(-1)](std::string_view scope) mutable {
      if (scope != last) {
        last = scope;
        const auto at = by_name.find(scope);
        found = at == by_name.end() ? -1 : at->second;
      }
      return found;
    };
    for (std::uint32_t r = 0; r < file.returns.size(); ++r) {
      if (const std::int64_t d = scope_lookup(file.returns[r].scope); d >= 0)
        returns_[static_cast<std::uint32_t>(d)].push_back(r);
    }
    for (std::uint32_t u = 0; u < file.name_uses.size(); ++u) {
      const std::string_view scope = file.name_uses[u].scope;
      if (scope.empty()) {
        module_uses_[f].push_back(u);
      } else if (const std::int64_t d = scope_lookup(scope); d >= 0) {
        uses_[unit_[static_cast<std::uint32_t>(d)]].push_back(u);
      }
    }
  });
}

std::optional<std::uint32_t> CodeUnits::parent(std::uint32_t id) const {
  if (parent_[id] < 0) return std::nullopt;
  return unit_[static_cast<std::uint32_t>(parent_[id])];
}

std::optional<std::uint32_t> CodeUnits::find(std::size_t file,
                                             std::string_view qualified_name) const {
  const auto it = by_name_[file].find(qualified_name);
  if (it == by_name_[file].end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> CodeUnits::unit_of_scope(std::size_t file,
                                                      std::string_view scope) const {
  if (scope.empty()) return std::nullopt;
  const std::optional<std::uint32_t> d = find(file, scope);
  if (!d) return std::nullopt;
  return unit_[*d];
}

}  // namespace cutover
