#pragma once
// The per-file stage of a scan, through the incremental cache, in two
// halves: every file read and hashed (misses parsed), then the hits
// decoded. Between them, a fingerprint of all that was read tells a caller
// whether its outputs of the last run are still current, in which case
// nothing is decoded or linked.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cache/cached_summarizer.h"
#include "discover/source_discovery.h"
#include "scan/scan_pipeline.h"

namespace cutover {

// Every file read and hashed; misses parsed, hits not yet decoded.
struct ReadSources {
  std::vector<CachedSummary> results;  // one per file, in file order
  SummaryCache cache;                  // the pack read (empty without a cache folder)
};

ReadSources read_sources(const std::vector<SourceFile>& files, const ScanOptions& options,
                         const SummarizeLimits& limits, unsigned jobs, ScanStats& stats);

// A hash of everything the scan read: each file's name, module and content
// key (or, for a file not cached, its summary), the discovery's
// diagnostics, and the configuration files' bytes.
std::uint64_t inputs_fingerprint(const std::vector<SourceFile>& files, const ReadSources& read,
                                 const std::vector<Diagnostic>& discovery_diagnostics,
                                 const ScanOptions& options);

// The pack for the next run: this run's files, their bytes where they lie
// (in the pack read, or newly encoded), not copied together.
struct PackUpdate {
  SummaryCache read;
  std::vector<std::string> encoded;  // the summaries parsed this run
  std::vector<std::pair<std::uint64_t, std::string_view>> entries;
};

struct Summarized {
  std::vector<FileSummary> summaries;
  std::optional<PackUpdate> next_pack;  // when it differs from the pack read
};

// The hits decoded (in parallel), and the next pack when it must change.
Summarized finish_summaries(const std::vector<SourceFile>& files, ReadSources read,
                            const ScanOptions& options, const SummarizeLimits& limits,
                            unsigned jobs, ScanStats& stats);

}  // namespace cutover
