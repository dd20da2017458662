#pragma once
// `cutover graph`: scan PATH and print the module graph (JSON or DOT).

#include <string>

#include "scan/scan_pipeline.h"

namespace cutover {

struct GraphCommandOptions {
  ScanOptions scan;
  std::string format = "json";  // json | dot
  bool cycles_only = false;
  std::string family;  // only this endpoint family's modules and imports
};

// Exit code: 0 printed, 1 the scan could not run, 2 no such family.
int run_graph_command(const GraphCommandOptions& options);

}  // namespace cutover
