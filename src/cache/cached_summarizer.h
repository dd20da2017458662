#pragma once
// The per-file pass with the incremental cache in front of it: read and
// decode the file, hash it, and parse it only when the hash is not in the
// cache. A hit is decoded later, by decode_hit: a re-run whose outputs are
// current decodes nothing. Pure per file, like summarize_file.

#include <cstdint>
#include <string>

#include "cache/summary_cache.h"
#include "parse/file_summarizer.h"

namespace cutover {

struct CachedSummary {
  FileSummary summary;     // empty on a hit
  bool cacheable = false;  // read and decoded: worth keeping in the next pack
  bool hit = false;        // taken from the cache, not parsed
  std::uint64_t key = 0;
  std::string encoded;  // a parsed summary's bytes for the next pack (a hit's are in the cache)
};

CachedSummary summarize_with_cache(const SourceFile& file, SummarizerTools& tools,
                                   const SummarizeLimits& limits, const SummaryCache& cache);

// A hit's summary, with this file's identity stamped on (entries are keyed
// by content alone, so identical files share one); nullopt when the entry
// does not decode.
std::optional<FileSummary> decode_hit(const SourceFile& file, const SummaryCache& cache,
                                      std::uint64_t key);

}  // namespace cutover
