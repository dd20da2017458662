#include "plan/plan_quality.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cutover {

CutFigures cut_figures(const Inventory& inv, const SliceOverlap& overlap,
                       const std::vector<int>& part, const std::vector<char>& deprecated,
                       std::vector<DistributedWrite>* writes) {
  CutFigures c;
  c.parts = static_cast<std::uint32_t>(std::set<int>(part.begin(), part.end()).size());
  const auto part_of_unit = [&](std::uint32_t u) {
    const int f = overlap.partition[u];
    return f < 0 ? -1 : part[static_cast<std::size_t>(f)];
  };
  // Calls between units the slices reach, each caller → callee pair once.
  for (std::uint32_t u = 0; u < inv.code_units.size(); ++u) {
    const int from = part_of_unit(u);
    if (from < 0) continue;
    for (const std::uint32_t v : inv.code_units[u].uses) {
      const int to = part_of_unit(v);
      if (to < 0) continue;
      ++c.resolved_calls;
      c.crossing_calls += from != to;
    }
  }
  c.crossing_share =
      c.resolved_calls ? std::round(1000.0 * c.crossing_calls / c.resolved_calls) / 1000 : 0;
  // Which parts write each table.
  std::map<std::string, std::set<int>> writers;
  for (std::size_t f = 0; f < overlap.families.size(); ++f) {
    for (const std::string& t : overlap.written[f])
      writers[t].insert(part[f]);
  }
  for (std::size_t i = 0; i < inv.routes.size() && i < inv.slices.size(); ++i) {
    if (i < deprecated.size() && deprecated[i]) continue;
    const int f = overlap.family_index(inv.routes[i].family);
    const int own = part[static_cast<std::size_t>(f)];
    DistributedWrite w{.route_id = inv.routes[i].id, .family = inv.routes[i].family};
    std::set<std::string> others;
    for (const std::string& t : inv.slices[i].tables_written) {
      const std::set<int>& by = writers[t];
      if (by.size() < 2) continue;
      w.tables.push_back(t);
      for (std::size_t g = 0; g < overlap.families.size(); ++g) {
        if (part[g] != own &&
            std::binary_search(overlap.written[g].begin(), overlap.written[g].end(), t))
          others.insert(overlap.families[g]);
      }
    }
    if (w.tables.empty()) continue;
    ++c.distributed_writes;
    if (writes) {
      w.families.assign(others.begin(), others.end());
      writes->push_back(std::move(w));
    }
  }
  return c;
}

PlanQuality measure_plan(const Inventory& inv, const SliceOverlap& overlap, const Plan& plan,
                         const std::vector<char>& deprecated) {
  PlanQuality q;
  std::vector<int> apart(overlap.families.size());
  for (std::size_t f = 0; f < apart.size(); ++f)
    apart[f] = static_cast<int>(f);
  q.families = cut_figures(inv, overlap, apart, deprecated, &q.writes);
  q.families.cut = "families";
  std::vector<std::uint32_t> wave_of(overlap.families.size(), 0);
  for (const FamilyPlan& fp : plan.families) {
    if (const int f = overlap.family_index(fp.name); f >= 0)
      wave_of[static_cast<std::size_t>(f)] = fp.wave;
  }
  const int legacy = static_cast<int>(overlap.families.size());
  for (const Wave& w : plan.waves) {
    std::vector<int> part(overlap.families.size());
    for (std::size_t f = 0; f < part.size(); ++f)
      part[f] = wave_of[f] != 0 && wave_of[f] <= w.number ? static_cast<int>(f) : legacy;
    CutFigures c = cut_figures(inv, overlap, part, deprecated);
    c.cut = "after wave " + std::to_string(w.number);
    q.waves.push_back(std::move(c));
  }
  return q;
}

}  // namespace cutover
