#include "cli/graph_command.h"

#include <algorithm>
#include <iostream>

#include "emit/graph_export.h"

namespace cutover {

int run_graph_command(const GraphCommandOptions& options) {
  Inventory inventory;
  try {
    inventory = run_scan(options.scan);
  } catch (const ScanError& e) {
    std::cerr << "cutover: " << e.what() << "\n";
    return 1;
  }
  if (!options.family.empty() &&
      std::none_of(inventory.families.begin(), inventory.families.end(),
                   [&](const Family& f) { return f.name == options.family; })) {
    std::cerr << "cutover: no endpoint family " << options.family
              << "; the families are: " << family_names(inventory) << "\n";
    return 2;
  }
  const GraphSelection selection{.cycles_only = options.cycles_only, .family = options.family};
  std::cout << (options.format == "dot" ? graph_to_dot(inventory, selection)
                                        : graph_to_json(inventory, selection));
  return 0;
}

}  // namespace cutover
