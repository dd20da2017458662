#pragma once
// Access logs joined to the inventory in one streaming pass: files (globs
// expanded, "-" for standard input, .gz read as it streams) are cut into
// chunks at line boundaries by one reader; `jobs` threads parse and match
// the chunks, each into its own counts, merged at the end (so the result is
// the same for any thread count).

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/inventory.h"
#include "model/traffic.h"

namespace cutover {

struct TrafficOptions {
  std::vector<std::string> access_logs;  // paths, globs, "-"
  std::string log_format = "auto";       // see traffic/log_format.h
  std::vector<std::string> log_fields;   // "NAME=KEY[:UNIT]" for JSON lines
  std::string mount_prefix;              // "/app": the application's SCRIPT_NAME
};

// The command line's options over the configuration's: what a flag gives wins.
TrafficOptions merged_traffic_options(const TrafficOptions& config, const TrafficOptions& flags);

// What is wrong with the format options ("" when nothing): checked before a scan.
std::string traffic_options_problem(const TrafficOptions& options);

// Reads the logs; problems with them (unreadable, unknown format, malformed
// lines, a truncated gzip) are diagnostics, and the run goes on.
TrafficSummary analyse_traffic(const Inventory& inv, const TrafficOptions& options, unsigned jobs,
                               std::vector<Diagnostic>& diagnostics);

// Most listed unmatched templates; the rest are counted in unmatched_omitted.
inline constexpr std::size_t kMaxUnmatchedListed = 1000;

}  // namespace cutover
