#pragma once
// The plan's part of inventory.json: `families` (scored, in rank order),
// `waves`, `tables`, `matrix`, `python2`. Included by emitters only.

#include <nlohmann/json.hpp>

#include "model/inventory.h"

namespace cutover {

// Adds the plan's keys to `doc`, an inventory.json object under construction.
void add_plan_json(const Inventory& inv, nlohmann::ordered_json& doc);

}  // namespace cutover
