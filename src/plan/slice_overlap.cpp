#include "plan/slice_overlap.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "model/dotted_name.h"

namespace cutover {

int SliceOverlap::family_index(std::string_view name) const {
  const auto it = std::lower_bound(families.begin(), families.end(), name);
  if (it == families.end() || *it != name) return -1;
  return static_cast<int>(it - families.begin());
}

SliceOverlap overlap_slices(const Inventory& inv, const std::vector<char>& deprecated) {
  SliceOverlap o;
  for (const Family& f : inv.families)
    o.families.push_back(f.name);
  for (const Route& r : inv.routes)
    o.families.push_back(r.family);
  std::sort(o.families.begin(), o.families.end());
  o.families.erase(std::unique(o.families.begin(), o.families.end()), o.families.end());
  const std::size_t n = o.families.size();
  o.units.resize(n);
  o.lines.assign(n, 0);
  o.read.resize(n);
  o.written.resize(n);
  o.endpoints.assign(n, 0);
  o.users.resize(inv.code_units.size());
  // Endpoints of each family using each unit: the partition of shared code.
  std::vector<std::map<std::uint32_t, std::uint32_t>> uses(inv.code_units.size());
  for (std::size_t i = 0; i < inv.routes.size() && i < inv.slices.size(); ++i) {
    if (i < deprecated.size() && deprecated[i]) continue;
    const int f = o.family_index(inv.routes[i].family);
    const EndpointSlice& s = inv.slices[i];
    ++o.endpoints[static_cast<std::size_t>(f)];
    o.units[static_cast<std::size_t>(f)].insert(o.units[static_cast<std::size_t>(f)].end(),
                                                s.units.begin(), s.units.end());
    auto& read = o.read[static_cast<std::size_t>(f)];
    read.insert(read.end(), s.tables_read.begin(), s.tables_read.end());
    auto& written = o.written[static_cast<std::size_t>(f)];
    written.insert(written.end(), s.tables_written.begin(), s.tables_written.end());
    for (const std::uint32_t u : s.units)
      ++uses[u][static_cast<std::uint32_t>(f)];
  }
  const auto sort_unique = [](auto& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  for (std::size_t f = 0; f < n; ++f) {
    sort_unique(o.units[f]);
    sort_unique(o.read[f]);
    sort_unique(o.written[f]);
    for (const std::uint32_t u : o.units[f])
      o.lines[f] += inv.code_units[u].lines;
  }
  std::unordered_map<std::string_view, int> family_of_module;
  for (const Module& m : inv.modules) {
    if (!m.family.empty()) family_of_module.emplace(m.name, o.family_index(m.family));
  }
  o.owner.assign(inv.code_units.size(), -1);
  o.partition.assign(inv.code_units.size(), -1);
  // A route's handler (a class: with its methods) is its family's, whoever
  // owns the module: two path-prefix families may share a views module.
  const auto by_name = [](const CodeUnit& unit, std::string_view name) { return unit.name < name; };
  for (const Route& r : inv.routes) {
    if (r.handler.empty()) continue;
    auto at = std::lower_bound(inv.code_units.begin(), inv.code_units.end(),
                               std::string_view(r.handler), by_name);
    for (; at != inv.code_units.end() && is_within(at->name, r.handler); ++at) {
      int& owner = o.owner[static_cast<std::size_t>(at - inv.code_units.begin())];
      if (owner < 0) owner = o.family_index(r.family);
    }
  }
  for (std::size_t u = 0; u < inv.code_units.size(); ++u) {
    if (const auto it = family_of_module.find(inv.code_units[u].module);
        it != family_of_module.end() && o.owner[u] < 0)
      o.owner[u] = it->second;
    std::uint32_t most = 0;
    for (const auto& [f, count] : uses[u]) {
      o.users[u].push_back(f);
      if (count > most) {  // ties: the first family by name
        most = count;
        o.partition[u] = static_cast<int>(f);
      }
    }
    // Code goes with its owner when the owner's endpoints use it; a
    // package's helpers that other families use go with their main user.
    if (o.owner[u] >= 0 && uses[u].contains(static_cast<std::uint32_t>(o.owner[u])))
      o.partition[u] = o.owner[u];
  }
  return o;
}

}  // namespace cutover
