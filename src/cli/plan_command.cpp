#include "cli/plan_command.h"

#include <iostream>

#include "cli/scan_or_report.h"
#include "cli/traffic_report.h"
#include "emit/plan_table.h"

namespace cutover {

int run_plan_command(const PlanCommandOptions& options) {
  const std::optional<Inventory> inventory = scan_or_report(options.scan);
  if (!inventory) return 1;
  print_traffic_warnings(*inventory, std::cerr);
  if (inventory->traffic) std::cerr << traffic_summary_line(*inventory) << "\n";
  std::cout << plan_to_table(*inventory);
  return 0;
}

}  // namespace cutover
