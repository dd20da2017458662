#include "cli/plan_command.h"

#include <iostream>

#include "emit/plan_table.h"

namespace cutover {

int run_plan_command(const PlanCommandOptions& options) {
  Inventory inventory;
  try {
    inventory = run_scan(options.scan);
  } catch (const ScanError& e) {
    std::cerr << "cutover: " << e.what() << "\n";
    return 1;
  }
  std::cout << plan_to_table(inventory);
  return 0;
}

}  // namespace cutover
