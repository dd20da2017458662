#include "emit/plan_table.h"

#include <map>

#include "emit/number_text.h"

namespace cutover {
namespace {

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text + "  ";
}

std::string cut_row(const CutFigures& c) {
  return "  " + padded(c.cut, 14) + padded(std::to_string(c.parts) + " parts", 9) +
         std::to_string(c.crossing_calls) + " of " + std::to_string(c.resolved_calls) +
         " resolved calls cross (" + fixed2(100 * c.crossing_share) + "%), " +
         std::to_string(c.distributed_writes) + " endpoints write tables another part writes\n";
}

}  // namespace

std::vector<std::string> shown_prerequisites(const std::vector<std::string>& all) {
  if (all.size() <= kShownPrerequisites) return all;
  std::vector<std::string> out(all.begin(), all.begin() + kShownPrerequisites - 1);
  out.push_back("... and " + std::to_string(all.size() - out.size()) +
                " more in inventory.json (families[].prerequisites)");
  return out;
}

std::string removable_summary(const Decommission& d) {
  std::string out = std::to_string(d.functions.size()) + " functions and classes (" +
                    std::to_string(d.lines) + " lines), " + std::to_string(d.modules.size()) +
                    (d.modules.size() == 1 ? " module, " : " modules, ") +
                    std::to_string(d.tables.size()) + (d.tables.size() == 1 ? " table" : " tables");
  if (!d.tables.empty()) {
    out += " (";
    for (std::size_t i = 0; i < d.tables.size() && i < 4; ++i)
      out += (i ? ", " : "") + d.tables[i].name;
    if (d.tables.size() > 4) out += ", +" + std::to_string(d.tables.size() - 4);
    out += ")";
  }
  return out;
}

std::string plan_to_table(const Inventory& inv) {
  const Plan& plan = inv.plan;
  // Status counts per family, from the matrix.
  std::map<std::string, std::map<std::string, std::size_t>> status;
  std::map<std::string, std::size_t> totals;
  for (const MatrixRow& row : plan.matrix) {
    ++status[row.family][row.status];
    ++totals[row.status];
  }
  std::size_t width = 6;
  for (const FamilyPlan& f : plan.families)
    width = std::max(width, f.name.size());

  std::string out =
      "cutover plan: " + std::to_string(plan.families.size()) + " families in " +
      std::to_string(plan.waves.size()) + " waves, " + std::to_string(plan.matrix.size()) +
      " endpoints (" + std::to_string(totals["unchanged"]) + " unchanged, " +
      std::to_string(totals["adapted"]) + " adapted, " + std::to_string(totals["deprecated"]) +
      " deprecated, " + std::to_string(totals["blocked"]) + " blocked)\n\n";
  out += padded("wave", 4) + padded("family", width) + padded("score", 7) +
         "endpoints  unchanged  adapted  deprecated  blocked\n";
  for (const FamilyPlan& f : plan.families) {
    auto& counts = status[f.name];
    const std::size_t endpoints =
        counts["unchanged"] + counts["adapted"] + counts["deprecated"] + counts["blocked"];
    out += padded(std::to_string(f.wave), 4) + padded(f.name, width) + padded(fixed3(f.score), 7) +
           padded(std::to_string(endpoints), 9) + padded(std::to_string(counts["unchanged"]), 9) +
           padded(std::to_string(counts["adapted"]), 7) +
           padded(std::to_string(counts["deprecated"]), 10) + std::to_string(counts["blocked"]) +
           "\n";
    out += "      why: " + f.reasons + "\n";
    for (const std::string& p : shown_prerequisites(f.prerequisites))
      out += "      first: " + p + "\n";
    std::map<std::string, std::size_t> effort;
    for (const MatrixRow& row : plan.matrix) {
      if (row.family == f.name) ++effort[row.effort.effort];
    }
    out += "      effort: " + std::to_string(f.lines_to_port) + " lines to port; endpoints S " +
           std::to_string(effort["S"]) + ", M " + std::to_string(effort["M"]) + ", L " +
           std::to_string(effort["L"]) + ", XL " + std::to_string(effort["XL"]) + "\n";
    if (!f.test_files.empty()) {
      out += "      tests: " + std::to_string(f.test_files.size()) + " test files exercise it (" +
             f.test_files.front() +
             (f.test_files.size() > 1 ? ", +" + std::to_string(f.test_files.size() - 1) : "") +
             ")\n";
    }
    for (std::size_t i = 0; i < f.sequence.size(); ++i)
      out += "      step " + std::to_string(i + 1) + ": " + f.sequence[i] + "\n";
  }
  out += "\nwhat crosses the split (from the endpoint slices):\n" + cut_row(plan.quality.families);
  for (const CutFigures& c : plan.quality.waves)
    out += cut_row(c);
  out += "\nwhat legacy can delete once each wave moved:\n";
  for (const Wave& w : plan.waves)
    out += "  wave " + std::to_string(w.number) + ": " + removable_summary(w.removable) + "\n";
  return out;
}

}  // namespace cutover
