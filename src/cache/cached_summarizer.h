#pragma once
// The per-file pass with the incremental cache in front of it: read and
// decode the file, hash it, and take the cached summary when the hash is
// known; parse only on a miss. Pure per file, like summarize_file.

#include <cstdint>
#include <string>

#include "cache/summary_cache.h"
#include "parse/file_summarizer.h"

namespace cutover {

struct CachedSummary {
  FileSummary summary;
  bool cacheable = false;  // read and decoded: worth keeping in the next pack
  bool hit = false;        // taken from the cache, not parsed
  std::uint64_t key = 0;
  std::string encoded;  // a parsed summary's bytes for the next pack (a hit's are in the cache)
};

CachedSummary summarize_with_cache(const SourceFile& file, SummarizerTools& tools,
                                   const SummarizeLimits& limits, const SummaryCache& cache);

}  // namespace cutover
