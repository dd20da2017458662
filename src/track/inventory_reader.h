#pragma once
// Reads back the routes of an inventory.json that cutover wrote, for `diff`.
// The file may come from another release, be truncated, or be anything at
// all: every problem is an error message, never an exception or a crash.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct InventoryRoutes {
  std::string root;
  std::vector<Route> routes;  // id, framework, methods, path, path_template, params, handler,
                              // family, file, line
};

// The routes of `text`, or nullopt with `error` set ("routes[3]: no id").
std::optional<InventoryRoutes> read_inventory_routes(std::string_view text, std::string& error);

}  // namespace cutover
