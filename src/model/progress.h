#pragma once
// How far a migration has come: the legacy tree's endpoints matched against
// the routes of the FastAPI tree that replaces it.

#include <cstdint>
#include <string>
#include <vector>

#include "model/decommission.h"

namespace cutover {

// One way a FastAPI route's contract differs from the legacy endpoint it
// serves. Breaking differences are those a client notices (the endpoint is
// `mismatched`); a renamed path parameter keeps every URL working.
struct ContractDifference {
  std::string kind;       // "param-type", "param-name", "trailing-slash"
  std::string param;      // the legacy parameter, for param-type and param-name
  std::string legacy;     // the legacy type, name or path template
  std::string target;     // the FastAPI one
  bool breaking = false;  // a client can notice
  std::string reason;     // what a client sees, in words
};

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
  // The breaking differences as text: "product_id: int → str: <reason>".
  std::vector<std::string> mismatches;
  std::vector<ContractDifference> differences;  // with every matching target route, in order
  std::string file;
  std::uint32_t line = 0;
  // With access logs: its requests, and those whose method moved.
  std::uint64_t requests = 0, requests_moved = 0;
};

struct ProgressCounts {
  std::string name;  // family; "" for the overall row
  std::uint32_t endpoints = 0;
  std::uint32_t migrated = 0, mismatched = 0, split = 0, remaining = 0, deprecated = 0;
  // (method, endpoint) pairs the target serves, of those not deprecated.
  std::uint32_t methods_total = 0, methods_migrated = 0;
  double percent = 0;  // 100 × methods_migrated / methods_total
  // With access logs: requests to the endpoints not deprecated, those whose
  // method moved, and 100 × moved / requests.
  std::uint64_t requests = 0, requests_moved = 0;
  double traffic_percent = 0;
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
  bool traffic = false;              // the legacy scan read access logs
};

}  // namespace cutover
