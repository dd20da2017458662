#include "cli/graph_command.h"

#include <iostream>

#include "emit/graph_export.h"
#include "scan/scan_pipeline.h"

namespace cutover {

int run_graph_command(const GraphCommandOptions& options) {
  Inventory inventory;
  try {
    inventory = run_scan(options.scan);
  } catch (const ScanError& e) {
    std::cerr << "cutover: " << e.what() << "\n";
    return 1;
  }
  std::cout << (options.format == "dot" ? graph_to_dot(inventory, options.cycles_only)
                                        : graph_to_json(inventory, options.cycles_only));
  return 0;
}

}  // namespace cutover
