#pragma once
// JSON pieces shared by inventory.json and `cutover graph`, so a module or a
// cycle reads the same in both.

#include <vector>

#include "emit/json_writer.h"
#include "model/inventory.h"

namespace cutover {

void write_module(JsonWriter& w, const Module& module);
void write_cycles(JsonWriter& w, const std::vector<ImportCycle>& cycles);
void write_families(JsonWriter& w, const std::vector<Family>& families);
void write_family_edges(JsonWriter& w, const std::vector<FamilyDependency>& edges);

}  // namespace cutover
