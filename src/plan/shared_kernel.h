#pragma once
// The shared kernel: code in the slices of two or more families. Before the
// families become separate services, each piece is extracted (a library, or
// a service both call) or one owner is chosen. Candidates are grouped by the
// module holding them and ranked by families × lines: the code most
// families lean on, the most of it, first.

#include <string>
#include <vector>

#include "model/inventory.h"
#include "plan/slice_overlap.h"

namespace cutover {

std::vector<KernelCandidate> find_shared_kernel(const Inventory& inv, const SliceOverlap& overlap);

// "extract shared kernel: `shop.orders.pricing.quote` + 4 functions (38 lines),
// used by admin, orders"
std::string kernel_line(const KernelCandidate& k);

}  // namespace cutover
