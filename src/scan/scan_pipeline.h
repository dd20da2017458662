#pragma once
// The whole scan, as a compiler would run it: discover files, summarise each
// file in parallel, link across files once, analyse the graph, sort.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "plan/migration_plan.h"
#include "scan/stage_times.h"
#include "traffic/traffic_analysis.h"

namespace cutover {

// What the cross-file stage needs besides the summaries.
struct LinkOptions {
  std::string django_settings;  // settings module; found in manage.py/wsgi.py when empty
  // Folders on sys.path, relative to the scan root ('/'-separated, "" for
  // the root itself); inferred when empty.
  std::vector<std::string> source_roots;
  std::vector<FamilyOverride> families;  // declared in config
  unsigned jobs = 1;                     // threads for the parts of linking done per file
};

struct ScanOptions {
  std::filesystem::path root;
  std::string root_label;  // how `root` is written in the outputs (as the user gave it)
  unsigned jobs = 0;       // worker threads; 0: one per core
  std::vector<std::string> exclude_globs;
  std::uint64_t max_file_bytes = 20ull << 20;
  double parse_timeout_seconds = 60;  // per file; 0: no limit
  std::size_t max_files = 1'000'000;  // Python files scanned, the first by path; 0: no limit
  LinkOptions link;
  PlanOptions plan;
  // Access logs to join to the routes (--access-log and the rest; the
  // config's when none is given). None: no traffic section.
  TrafficOptions traffic;
  // Incremental cache folder (cache/summary_cache.h); none when empty.
  std::filesystem::path cache_dir;
  // Configuration file; cutover.toml or pyproject.toml in `root` when empty.
  // Flags given above win over what it says.
  std::filesystem::path config_file;
  // With a cache folder: asked, once every file is read and hashed, with a
  // fingerprint of all the scan read (inputs_fingerprint). When it answers
  // that the caller's outputs of that input are current, the scan stops
  // there: run_scan returns an empty inventory and sets
  // ScanStats::outputs_current.
  std::function<bool(std::uint64_t inputs)> outputs_current;
};

// The scan could not run at all (the root is missing, say). Problems with
// individual files are diagnostics, not errors.
struct ScanError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a run did, for the command's summary line (never in the outputs: a
// cold and a warm run write the same bytes).
struct ScanStats {
  std::size_t files = 0;
  std::size_t parsed = 0;        // files parsed this run
  std::size_t from_cache = 0;    // files whose summary came from the cache
  std::string cache_problem;     // the cache could not be written, and why
  bool outputs_current = false;  // stopped before linking: ScanOptions::outputs_current
  std::vector<StageTime> stages;
};

Inventory run_scan(const ScanOptions& options, ScanStats* stats = nullptr);

// The link stage alone, for tests that build summaries by hand.
// `stages`, when given, gets the time of each part of the link stage.
Inventory link_summaries(std::string root_label, std::vector<FileSummary> summaries,
                         std::vector<Diagnostic> diagnostics, const LinkOptions& options = {},
                         std::vector<StageTime>* stages = nullptr);

// `--root` as given ("src/", "./", "a/./b") → the form discovery compares
// ("src", "", "a/b"); ScanError when it is not a folder under `scan_root`.
std::string normalize_source_root(const std::filesystem::path& scan_root, std::string_view root);

}  // namespace cutover
