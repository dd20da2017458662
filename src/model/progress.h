#pragma once
// How far a migration has come: the legacy tree's endpoints matched against
// the routes of the FastAPI tree that replaces it.

#include <cstdint>
#include <string>
#include <vector>

#include "model/decommission.h"

namespace cutover {

// One legacy endpoint. Status:
//   migrated    every method is served by the target, same contract;
//   mismatched  served, but a path parameter's type or the trailing slash
//               differs (a contract change clients may notice);
//   split       some methods moved, the others are still legacy-only (a
//               method split across services);
//   remaining   nothing moved yet;
//   deprecated  nothing moved, and the plan deprecates it: not to be moved.
struct EndpointProgress {
  std::string route_id;  // the legacy route's id
  std::string family;
  std::vector<std::string> methods;      // the legacy route's
  std::string path;                      // legacy path template
  std::vector<std::string> param_types;  // legacy, in path order (routing; not written out)
  bool partial = false;                  // the legacy route is not fully resolved
  std::string status;
  std::vector<std::string> methods_migrated;
  std::vector<std::string> methods_remaining;
  std::vector<std::string> target_routes;  // ids of the matching target routes
  std::string target_path;                 // the first one's template
  std::vector<std::string> mismatches;  // "product_id: int → str", "trailing slash: /a/ → /a"
  std::string file;
  std::uint32_t line = 0;
};

struct ProgressCounts {
  std::string name;  // family; "" for the overall row
  std::uint32_t endpoints = 0;
  std::uint32_t migrated = 0, mismatched = 0, split = 0, remaining = 0, deprecated = 0;
  // (method, endpoint) pairs the target serves, of those not deprecated.
  std::uint32_t methods_total = 0, methods_migrated = 0;
  double percent = 0;  // 100 × methods_migrated / methods_total
};

// A target route no legacy endpoint matches: new API surface.
struct NewRoute {
  std::string route_id;
  std::vector<std::string> methods;
  std::string path;
  std::string handler;
  std::string file;
  std::uint32_t line = 0;
};

struct Progress {
  std::string legacy_root;
  std::string target_root;
  std::vector<EndpointProgress> endpoints;  // legacy route order
  std::vector<ProgressCounts> families;     // by name
  ProgressCounts overall;
  std::vector<NewRoute> new_routes;  // target route order
  Decommission decommission;         // what the legacy tree can delete now
};

}  // namespace cutover
