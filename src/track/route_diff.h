#pragma once
// `cutover diff OLD.json NEW.json`: endpoints added, removed and changed
// between two inventories, by stable route id (route_id.h: framework,
// endpoint and path template), so a changed method list or handler is a
// change, not a removal and an addition.

#include <string>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct FieldChange {
  std::string field;  // "methods", "handler", "params"
  std::string before;
  std::string after;
};

struct ChangedRoute {
  Route before;
  Route after;
  std::vector<FieldChange> changes;
};

struct RouteDiff {
  std::vector<Route> added;    // new order
  std::vector<Route> removed;  // old order
  std::vector<ChangedRoute> changed;
  // The legacy surface grew: a route or a method was added.
  bool surface_grew() const;
};

RouteDiff diff_routes(const std::vector<Route>& before, const std::vector<Route>& after);

std::string route_diff_text(const RouteDiff& diff);
std::string route_diff_json(const RouteDiff& diff);

}  // namespace cutover
