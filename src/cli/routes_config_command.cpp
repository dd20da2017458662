#include "cli/routes_config_command.h"

#include <charconv>
#include <iostream>

#include "cli/scan_or_report.h"
#include "emit/atomic_file.h"
#include "track/progress.h"

namespace cutover {

int run_routes_config_command(RoutesConfigCommandOptions options) {
  for (const std::string& canary : options.canaries) {
    const std::size_t eq = canary.rfind('=');
    int percent = -1;
    const char* end = canary.data() + canary.size();
    if (eq == std::string::npos || eq == 0 ||
        std::from_chars(canary.data() + eq + 1, end, percent).ptr != end) {
      std::cerr << "cutover: --canary " << canary << ": expected FAMILY=PERCENT\n";
      return 2;
    }
    options.nginx.canary[canary.substr(0, eq)] = percent;
  }
  if (const std::string problem = check_nginx_options(options.nginx); !problem.empty()) {
    std::cerr << "cutover: " << problem << "\n";
    return 2;
  }
  const std::optional<Inventory> legacy = scan_or_report(options.legacy);
  if (!legacy) return 1;
  const std::optional<Inventory> target = scan_or_report(options.target);
  if (!target) return 1;
  const Progress progress = match_progress(*legacy, *target);
  for (const auto& [family, percent] : options.nginx.canary) {
    bool known = false;
    for (const ProgressCounts& f : progress.families)
      known |= f.name == family;
    if (!known)
      std::cerr << "cutover: warning: --canary names no legacy family: " << family << "\n";
  }
  const std::string config = nginx_routes_config(progress, options.nginx);
  if (options.out_file.empty()) {
    std::cout << config;
    return 0;
  }
  if (const std::string error = write_file_atomically(options.out_file, config); !error.empty()) {
    std::cerr << "cutover: " << error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace cutover
