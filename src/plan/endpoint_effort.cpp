#include "plan/endpoint_effort.h"

namespace cutover {

EndpointEffort endpoint_effort(std::uint32_t lines, std::uint32_t adapters,
                               std::uint32_t tables_written) {
  static constexpr const char* kClasses[] = {"S", "M", "L", "XL"};
  int c = lines < 80 ? 0 : lines < 300 ? 1 : lines < 1000 ? 2 : 3;
  if ((tables_written >= 3 || adapters >= 8) && c < 3) ++c;
  return EndpointEffort{.effort = kClasses[c],
                        .lines = lines,
                        .adapters = adapters,
                        .tables_written = tables_written};
}

}  // namespace cutover
