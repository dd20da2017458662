#pragma once
// cutover.sarif: the findings of a scan as a SARIF 2.1.0 log, for code
// scanning in CI. Every diagnostic, every partial and assumed route, every
// Python 2 blocker and import cycle is a result with a rule, a level, a
// location and a stable partialFingerprints entry ("cutover/v1"): the route
// id for routes, the sorted members for a cycle, else file + code + the
// normalised text of the line, so a result keeps its identity across runs
// while the code above it moves. `diff --format sarif` reports new legacy
// endpoints the same way.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "track/route_diff.h"

namespace cutover {

struct SarifResult {
  std::string rule;   // rule id: a diagnostic code, "partial-route", ...
  std::string level;  // "error", "warning" or "note"
  std::string message;
  std::string file;  // relative to the scanned root; "" for a run-wide finding
  std::uint32_t line = 0;
  std::string fingerprint;  // partialFingerprints["cutover/v1"]
};

// Text of line `line` (1-based) of `file`, "" when unknown.
using LineText = std::function<std::string(const std::string& file, std::uint32_t line)>;

// The findings of a scan, in a fixed order: diagnostics, partial routes,
// assumed routes, Python 2 blockers, import cycles.
std::vector<SarifResult> scan_findings(const Inventory& inventory, const LineText& line_text);

// One result per route added between the two inventories and per method
// added to a route ("new-legacy-endpoint").
std::vector<SarifResult> new_endpoint_findings(const RouteDiff& diff);

// The SARIF log: one run of cutover with every rule of the catalogue (and
// any other rule a result names) and the results in the order given.
std::string sarif_log(const std::vector<SarifResult>& results);

}  // namespace cutover
