#pragma once
// `cutover graph`: scan PATH and print the module graph (JSON or DOT).

#include <string>
#include <vector>

namespace cutover {

struct GraphCommandOptions {
  std::string path;
  std::string format = "json";  // json | dot
  bool cycles_only = false;
  unsigned jobs = 0;  // 0: all cores
  std::vector<std::string> excludes;
  std::string django_settings;
};

// Exit code: 0 printed, 1 the scan could not run.
int run_graph_command(const GraphCommandOptions& options);

}  // namespace cutover
