#pragma once
// An endpoint's effort class from what its port takes: the lines of its
// slice, the adapters it needs and the tables it writes.
//   S  fewer than 80 lines      M  fewer than 300
//   L  fewer than 1,000         XL 1,000 or more
// One class up (at most XL) when it writes 3 or more tables or needs 8 or
// more adapters: writes need a single owner per table, adapters each need
// a FastAPI counterpart.

#include <cstdint>

#include "model/plan.h"

namespace cutover {

EndpointEffort endpoint_effort(std::uint32_t lines, std::uint32_t adapters,
                               std::uint32_t tables_written);

}  // namespace cutover
