#include "emit/plan_table.h"

#include <map>

#include "emit/number_text.h"

namespace cutover {
namespace {

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text + "  ";
}

}  // namespace

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
    for (const std::string& p : f.prerequisites)
      out += "      first: " + p + "\n";
    for (std::size_t i = 0; i < f.sequence.size(); ++i)
      out += "      step " + std::to_string(i + 1) + ": " + f.sequence[i] + "\n";
  }
  return out;
}

}  // namespace cutover
