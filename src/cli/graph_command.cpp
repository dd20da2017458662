#include "cli/graph_command.h"

#include <algorithm>
#include <iostream>

#include "cli/scan_or_report.h"
#include "emit/graph_export.h"

namespace cutover {

int run_graph_command(const GraphCommandOptions& options) {
  const std::optional<Inventory> scanned = scan_or_report(options.scan);
  if (!scanned) return 1;
  const Inventory& inventory = *scanned;
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
