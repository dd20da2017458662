#pragma once
// Production traffic joined to the inventory: access-log requests counted per
// route (matched as the framework routes them), per family, and the requests
// no route matches, grouped into path templates. Counts and templates only:
// no address, user, query string or full path with identifiers.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cutover {

// Requests of one route in the log window.
struct RouteTraffic {
  std::size_t route = 0;  // index into Inventory::routes
  std::uint64_t hits = 0;
  std::vector<std::pair<std::string, std::uint64_t>> methods;  // sorted by method
  std::vector<std::pair<std::string, std::uint64_t>> status;   // "2xx", ...; sorted
  std::uint64_t slash_redirects = 0;  // of the hits: answered by the framework's slash redirect
  std::optional<std::int64_t> first_seen, last_seen;  // Unix seconds, UTC
  std::optional<double> p50_ms, p95_ms;               // when the log has durations
};

struct FamilyTraffic {
  std::string family;
  std::uint64_t hits = 0;
  std::uint64_t reads = 0;  // GET and HEAD
  std::uint32_t endpoints = 0, endpoints_hit = 0;
};

// Requests that no route matches, by method, path template and status.
struct UnmatchedTraffic {
  std::string method;
  std::string path_template;  // numbers, UUIDs, hashes → {id}
  std::uint32_t status = 0;   // 0 when the log has none
  std::uint64_t hits = 0;
  bool served = false;  // answered 2xx/3xx: a route the static scan may have missed
};

struct TrafficSummary {
  std::vector<std::string> log_files;  // as given, globs expanded
  std::vector<std::string> formats;    // the format read from each file, in log_files order
  std::uint64_t lines = 0;             // non-blank lines read, malformed ones included
  std::uint64_t malformed = 0;         // of those, lines skipped: not in the log's format
  std::uint64_t requests = 0;          // requests counted (a counts row adds its count)
  std::uint64_t matched = 0;           // requests a route matches
  std::uint64_t auto_hits = 0;  // of those, served by a route the framework adds (static files)
  std::optional<std::int64_t> window_first, window_last;  // Unix seconds, UTC
  std::vector<RouteTraffic> routes;                       // routes hit, in route order
  std::vector<FamilyTraffic> families;                    // every family of the routes, by name
  std::vector<UnmatchedTraffic> unmatched;  // by hits (descending), then method, template, status
  std::uint64_t unmatched_omitted = 0;      // requests in templates past the listing's limit
  std::vector<std::size_t> never_hit;       // indices of app routes with no request, route order
  std::vector<std::size_t> unmatchable;     // partial routes: no path to match, route order
  std::vector<std::size_t> disabled;        // conditional, off under the tree's defaults
  std::string mount_prefix;
};

}  // namespace cutover
