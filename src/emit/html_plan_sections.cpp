#include "emit/html_plan_sections.h"

#include <algorithm>
#include <map>
#include <set>

#include "emit/html_escape.h"
#include "emit/number_text.h"
#include "emit/plan_table.h"

namespace cutover {
namespace {

std::string legacy_surface_table(const Inventory& inv) {
  std::set<std::string> python2_modules;
  for (const Python2Blocker& b : inv.python2)
    python2_modules.insert(b.module);
  std::set<std::string> tables;
  for (const DataModel& m : inv.models)
    if (!m.table.empty()) tables.insert(m.table);
  const std::pair<const char*, std::uint64_t> rows[] = {
      {"Endpoints to move (not deprecated)", endpoints_to_move(inv)},
      {"Endpoint families", inv.families.size()},
      {"Request hooks and error handlers", inv.hooks.size()},
      {"Modules", inv.modules.size()},
      {"Source lines", source_lines(inv)},
      {"Database tables", tables.size()},
      {"Modules with Python 2 blockers", python2_modules.size()},
  };
  std::string out =
      "<table id=\"surface-table\"><thead><tr><th>Legacy surface</th><th>Count</th></tr>"
      "</thead><tbody>";
  for (const auto& [label, value] : rows)
    out += std::string("<tr><td>") + label + "</td><td>" + std::to_string(value) + "</td></tr>";
  return out + "</tbody></table>";
}

}  // namespace

std::string overview_tables(const Inventory& inv) {
  std::map<std::string, std::size_t> by_framework;
  for (const Route& r : inv.routes)
    ++by_framework[r.framework];
  std::map<std::string, std::map<std::string, std::size_t>> statuses;
  for (const MatrixRow& row : inv.plan.matrix)
    ++statuses[row.family][row.status];
  std::string out = "<div class=\"overview\">" + legacy_surface_table(inv) +
                    "<table id=\"framework-table\"><thead><tr><th>"
                    "Framework</th><th>Endpoints</th></tr></thead><tbody>";
  for (const auto& [framework, n] : by_framework)
    out += "<tr><td>" + html_escape(framework) + "</td><td>" + std::to_string(n) + "</td></tr>";
  out +=
      "</tbody></table><table id=\"family-table\"><thead><tr><th>Family</th><th>Wave</th>"
      "<th>Endpoints</th><th>Unchanged</th><th>Adapted</th><th>Deprecated</th><th>Blocked</th>"
      "</tr></thead><tbody>";
  for (const FamilyPlan& f : inv.plan.families) {
    auto& s = statuses[f.name];
    const std::size_t total = s["unchanged"] + s["adapted"] + s["deprecated"] + s["blocked"];
    out += "<tr><td>" + html_escape(f.name) + "</td><td>" + std::to_string(f.wave) + "</td><td>" +
           std::to_string(total) + "</td><td>" + std::to_string(s["unchanged"]) + "</td><td>" +
           std::to_string(s["adapted"]) + "</td><td>" + std::to_string(s["deprecated"]) +
           "</td><td>" + std::to_string(s["blocked"]) + "</td></tr>";
  }
  out += "</tbody></table>";
  std::map<std::string, std::size_t> constructs;
  for (const Python2Blocker& b : inv.python2)
    ++constructs[b.construct];
  std::vector<std::pair<std::string, std::size_t>> top(constructs.begin(), constructs.end());
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  out +=
      "<table id=\"blocker-table\"><thead><tr><th>Python 2 blocker</th><th>Count</th></tr>"
      "</thead><tbody>";
  if (top.empty()) out += "<tr><td colspan=\"2\" class=\"empty\">None.</td></tr>";
  for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
    out += "<tr><td>" + html_escape(top[i].first) + "</td><td>" + std::to_string(top[i].second) +
           "</td></tr>";
  }
  return out + "</tbody></table></div>";
}

std::string wave_rows(const Inventory& inv) {
  if (inv.plan.families.empty())
    return "<tr><td colspan=\"5\" class=\"empty\">No endpoint families.</td></tr>";
  std::string rows;
  for (const FamilyPlan& f : inv.plan.families) {
    std::string factors;
    for (const ScoreFactor& s : f.factors) {
      if (!factors.empty()) factors += "\n";
      factors += s.name + " " + fixed3(s.value) + " × " + fixed3(s.weight) + " → " +
                 fixed3(s.contribution);
    }
    const std::string name = html_escape(f.name);
    rows += "<tr data-family=\"" + name + "\"><td>" + std::to_string(f.wave) + "</td><td><b>" +
            name + "</b></td><td title=\"" + html_escape(factors) + "\">" + fixed3(f.score) +
            "</td><td>" + html_escape(f.reasons) +
            "<details class=\"more\"><summary>factors</summary><div class=\"lines\">" +
            html_escape(factors) + "</div></details></td><td>" +
            html_collapsed_list(shown_prerequisites(f.prerequisites)) +
            html_collapsed_list(f.sequence) + "</td></tr>\n";
  }
  return rows;
}

}  // namespace cutover
