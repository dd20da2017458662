#pragma once
// JSON pieces shared by inventory.json and `cutover graph`, so a module or a
// cycle reads the same in both. Included by the emitters only: nlohmann/json
// is costly to compile and stays out of widely included headers.

#include <nlohmann/json.hpp>
#include <vector>

#include "model/inventory.h"

namespace cutover {

nlohmann::ordered_json module_json(const Module& module);
nlohmann::ordered_json cycles_json(const std::vector<ImportCycle>& cycles);
nlohmann::ordered_json families_json(const std::vector<Family>& families);
nlohmann::ordered_json family_edges_json(const std::vector<FamilyDependency>& edges);

}  // namespace cutover
