#pragma once
// Numbers as the text outputs print them.

#include <cstdio>
#include <string>

namespace cutover {

// Three decimals, whatever the locale: "-0.439".
inline std::string fixed3(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

// Two decimals, for percentages: "25.00".
inline std::string fixed2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace cutover
