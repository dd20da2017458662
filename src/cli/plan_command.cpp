#include "cli/plan_command.h"

#include <iostream>

#include "cli/scan_or_report.h"
#include "emit/plan_table.h"

namespace cutover {

int run_plan_command(const PlanCommandOptions& options) {
  const std::optional<Inventory> inventory = scan_or_report(options.scan);
  if (!inventory) return 1;
  std::cout << plan_to_table(*inventory);
  return 0;
}

}  // namespace cutover
