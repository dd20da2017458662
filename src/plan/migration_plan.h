#pragma once
// The migration plan: tables per family, a score per family from explicit
// factors (each reported with value, scaled value, weight and contribution),
// waves in rank order with the reasons in words, the prerequisites to
// extract or wrap first, and a suggested cutover sequence. Migration
// practice: start at the edges (read-heavy, few dependants, own data,
// nothing shared), move auth and core last.

#include <vector>

#include "model/inventory.h"
#include "model/plan.h"
#include "plan/compatibility.h"

namespace cutover {

// Weights of the score factors. Positive factors move a family earlier,
// negative ones later; each factor is scaled to [0, 1] across families
// first, so a weight says how much the factor matters, whatever its unit.
// The coupling factors come from the endpoint slices: code one family's
// slices use that another family owns, or that both use.
struct ScoreWeights {
  double read_only = 3;       // share of GET/HEAD/OPTIONS-only endpoints
  double dependants = -2;     // families whose slices use code this family owns
  double dependencies = -1;   // families owning code this family's slices use
  double shared_tables = -2;  // tables another family's slices read or write too
  double shared_writes = -2;  // its endpoints writing a table another family writes too
  double shared_code = -1;    // share of its lines to port that other families' slices use too
  double auth = -3;           // logs users in, or is named like auth
  double adapters = -1;       // adapters per endpoint
  double python2 = -1;        // Python 2 blockers in its modules
  double size = -1;           // lines to port: the union of its endpoints' slices
  // With access logs only (the factors are absent without them):
  double traffic = 1;        // share of the requests, scaled to the busiest family
  double observed_read = 1;  // share of its requests that are GET/HEAD
};

struct PlanOptions {
  ScoreWeights weights;
  DeprecationList deprecated;
};

Plan build_plan(const Inventory& inv, const PlanOptions& options);

// A family's name or path that marks authentication: auth, login, account, ...
bool names_authentication(std::string_view name);

}  // namespace cutover
