#include "cache/cached_summarizer.h"

#include "cache/summary_codec.h"

namespace cutover {

CachedSummary summarize_with_cache(const SourceFile& file, SummarizerTools& tools,
                                   const SummarizeLimits& limits, const SummaryCache& cache) {
  CachedSummary out;
  SourceText source = read_source(file.abs_path, limits.max_file_bytes);
  if (source.status != FileStatus::kParsed) {
    out.summary = summarize_source(file, std::move(source), tools);
    return out;
  }
  out.cacheable = true;
  out.key = summary_key(source);
  if (std::optional<FileSummary> cached = cache.find(out.key)) {
    // Keyed by content alone, so two identical files share an entry: the
    // file's own identity is stamped back on.
    out.summary = std::move(*cached);
    out.summary.path = file.rel_path;
    out.summary.module = file.module;
    out.summary.source_root = file.source_root;
    out.summary.is_package = file.is_package;
    for (Diagnostic& d : out.summary.diagnostics)
      d.file = file.rel_path;
    out.hit = true;
    return out;
  }
  out.summary = summarize_source(file, std::move(source), tools);
  // A parse cut short by the timeout may finish on a quieter run.
  out.cacheable = out.summary.status != FileStatus::kSkippedTimeout;
  if (out.cacheable) out.encoded = encode_summary(out.summary);
  return out;
}

}  // namespace cutover
