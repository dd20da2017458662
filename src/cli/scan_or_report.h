#pragma once
// Runs the scan for a command; a scan that cannot run is reported on stderr.

#include <iostream>
#include <optional>

#include "scan/scan_pipeline.h"

namespace cutover {

inline std::optional<Inventory> scan_or_report(const ScanOptions& options,
                                               ScanStats* stats = nullptr) {
  try {
    return run_scan(options, stats);
  } catch (const ScanError& e) {
    std::cerr << "cutover: " << e.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace cutover
