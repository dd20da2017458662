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
  if (cache.contains(out.key)) {
    out.hit = true;
    return out;
  }
  out.summary = summarize_source(file, std::move(source), tools);
  // A parse cut short by the timeout may finish on a quieter run.
  out.cacheable = out.summary.status != FileStatus::kSkippedTimeout;
  if (out.cacheable) out.encoded = encode_summary(out.summary);
  return out;
}

std::optional<FileSummary> decode_hit(const SourceFile& file, const SummaryCache& cache,
                                      std::uint64_t key) {
  std::optional<FileSummary> summary = cache.find(key);
  if (!summary) return std::nullopt;
  summary->path = file.rel_path;
  summary->module = file.module;
  summary->source_root = file.source_root;
  summary->is_package = file.is_package;
  for (Diagnostic& d : summary->diagnostics)
    d.file = file.rel_path;
  return summary;
}

}  // namespace cutover
