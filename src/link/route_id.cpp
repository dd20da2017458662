#include "link/route_id.h"

#include <cstdint>
#include <cstdio>

namespace cutover {

std::string stable_route_id(std::string_view framework, std::string_view endpoint,
                            std::string_view path_template) {
  // FNV-1a, 64 bit: stable across platforms and releases, unlike std::hash.
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // separator, so ("ab","c") and ("a","bc") differ
    h *= 1099511628211ull;
  };
  mix(framework);
  mix(endpoint);
  mix(path_template);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string("r") + buf;
}

}  // namespace cutover
