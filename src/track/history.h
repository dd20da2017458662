#pragma once
// Scan history in an SQLite file (`--history FILE`): each run appends its
// totals, and report.html draws the legacy surface over time from all of
// them. The file carries its format in `PRAGMA user_version`; a file of
// another format is refused, never rewritten.

#include <optional>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "model/progress.h"

namespace cutover {

inline constexpr int kHistoryFormat = 1;

struct HistoryRun {
  std::string recorded_at;  // UTC, "2026-11-23T10:00:00Z"
  std::string root;
  std::string cutover_version;
  std::uint32_t endpoints = 0;       // legacy endpoints found
  std::uint32_t legacy_surface = 0;  // still to move: not deprecated, not served by FastAPI
  std::uint32_t families = 0;
  std::uint32_t modules = 0;
  std::uint64_t source_lines = 0;
  std::uint32_t python2_blockers = 0;
  std::uint32_t cycles = 0;
  std::optional<double> percent_moved;  // progress runs only
};

// The totals of a scan, and of a progress run when `progress` is given.
HistoryRun history_run(const Inventory& legacy, const Progress* progress, std::string recorded_at);

// The time to record: SOURCE_DATE_EPOCH when set (reproducible runs and
// tests), else now; as "YYYY-MM-DDTHH:MM:SSZ".
std::string history_timestamp();

// Appends `run` to `file` (created when missing) and returns every run in
// it, oldest first; nullopt with `error` set when the file cannot be used.
std::optional<std::vector<HistoryRun>> append_history(const std::string& file,
                                                      const HistoryRun& run, std::string& error);

}  // namespace cutover
