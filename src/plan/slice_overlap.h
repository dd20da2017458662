#pragma once
// The endpoint slices seen per family: the code each family's endpoints
// use (the union of their slices), which families use each unit, who owns
// it, and what each family's slices read and write. What the plan's
// coupling, shared kernel, effort and quality figures are made from.
// Deprecated endpoints are left out: they are retired, not ported.

#include <cstdint>
#include <string>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct SliceOverlap {
  std::vector<std::string> families;              // names, sorted
  std::vector<std::vector<std::uint32_t>> units;  // per family: code units, sorted
  std::vector<std::uint32_t> lines;               // per family: lines of those units
  std::vector<std::vector<std::uint32_t>> users;  // per unit: families using it, sorted
  std::vector<int> owner;                         // per unit: family owning its module, -1 for none
  std::vector<int> partition;  // per unit: its owner if it uses it, else the family using it most
  std::vector<std::vector<std::string>> read, written;  // per family: tables, sorted
  std::vector<std::uint32_t> endpoints;                 // per family: endpoints counted

  int family_index(std::string_view name) const;
};

// `deprecated[i]` says whether inv.routes[i] is retired (may be empty).
SliceOverlap overlap_slices(const Inventory& inv, const std::vector<char>& deprecated);

}  // namespace cutover
