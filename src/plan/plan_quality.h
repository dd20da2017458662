#pragma once
// How good a split is, scored by what crosses it (as Mono2Micro and CARGO
// score a decomposition): the share of resolved calls between units of
// different parts, and the endpoints whose slice writes a table another
// part writes too (a distributed transaction once the parts are separate
// services). Measured for the family grouping, and after each wave as
// planned: the moved families each apart, the rest still one legacy tree.

#include <cstdint>
#include <vector>

#include "model/inventory.h"
#include "plan/slice_overlap.h"

namespace cutover {

// `part[f]` is the part of family f of `overlap`; `deprecated` per route.
CutFigures cut_figures(const Inventory& inv, const SliceOverlap& overlap,
                       const std::vector<int>& part, const std::vector<char>& deprecated,
                       std::vector<DistributedWrite>* writes = nullptr);

// The figures for the families and for each wave of `plan` (waves set).
PlanQuality measure_plan(const Inventory& inv, const SliceOverlap& overlap, const Plan& plan,
                         const std::vector<char>& deprecated);

}  // namespace cutover
