#pragma once
// `cutover plan`: scan PATH and print the migration waves as a table.

#include "scan/scan_pipeline.h"

namespace cutover {

struct PlanCommandOptions {
  ScanOptions scan;
};

// Exit code: 0 printed, 1 the scan could not run.
int run_plan_command(const PlanCommandOptions& options);

}  // namespace cutover
