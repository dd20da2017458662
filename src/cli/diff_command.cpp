#include "cli/diff_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "emit/sarif_log.h"
#include "track/inventory_reader.h"
#include "track/route_diff.h"

namespace cutover {
namespace {

std::optional<InventoryRoutes> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cutover: cannot read " << path << "\n";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string error;
  std::optional<InventoryRoutes> routes = read_inventory_routes(text.str(), error);
  if (!routes) std::cerr << "cutover: " << path << ": " << error << "\n";
  return routes;
}

}  // namespace

int run_diff_command(const DiffCommandOptions& options) {
  const std::optional<InventoryRoutes> before = read_file(options.old_file);
  const std::optional<InventoryRoutes> after = read_file(options.new_file);
  if (!before || !after) return 2;
  const RouteDiff diff = diff_routes(before->routes, after->routes);
  if (options.format == "sarif")
    std::cout << sarif_log(new_endpoint_findings(diff));
  else
    std::cout << (options.format == "json" ? route_diff_json(diff) : route_diff_text(diff));
  if (options.fail_on_new && diff.surface_grew()) {
    std::cerr << "cutover: the legacy surface grew (--fail-on-new)\n";
    return 1;
  }
  return 0;
}

}  // namespace cutover
