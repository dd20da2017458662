// libFuzzer target: the JSON reader behind `cutover diff` and the tracking
// commands, which read inventory.json files users keep and edit. Any bytes
// give routes or an error message, never a crash.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "track/inventory_reader.h"
#include "track/route_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cutover;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const std::optional<InventoryRoutes> read = read_inventory_routes(text, error);
  if (!read) {
    if (error.empty()) std::abort();  // a refusal must say why
    return 0;
  }
  // What diff does with two inventories: against nothing, and against itself.
  const RouteDiff added = diff_routes({}, read->routes);
  const RouteDiff same = diff_routes(read->routes, read->routes);
  (void)route_diff_text(added);
  (void)route_diff_json(same);
  return 0;
}
