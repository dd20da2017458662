#include "scan/summarize_stage.h"

#include <unordered_set>

#include "cache/content_hash.h"
#include "cache/summary_codec.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

// How many summaries were parsed and how many came from the cache.
void count_sources(const std::vector<CachedSummary>& results, ScanStats& stats) {
  stats.from_cache = stats.parsed = 0;
  for (const CachedSummary& r : results)
    (r.hit ? stats.from_cache : stats.parsed) += 1;
}

SummarizerTools tools_for(const ScanOptions& options) {
  return SummarizerTools{.parse_timeout = std::chrono::milliseconds(
                             static_cast<std::int64_t>(options.parse_timeout_seconds * 1000))};
}

}  // namespace

ReadSources read_sources(const std::vector<SourceFile>& files, const ScanOptions& options,
                         const SummarizeLimits& limits, unsigned jobs, ScanStats& stats) {
  ReadSources read;
  read.results.resize(files.size());
  stats.files = files.size();
  const auto tools = [&] { return tools_for(options); };
  if (options.cache_dir.empty()) {
    parallel_for(files.size(), jobs, tools, [&](SummarizerTools& t, std::size_t i) {
      read.results[i].summary = summarize_file(files[i], t, limits);
    });
    stats.parsed = files.size();
    return read;
  }
  read.cache = SummaryCache::load(options.cache_dir, options.root);
  parallel_for(files.size(), jobs, tools, [&](SummarizerTools& t, std::size_t i) {
    read.results[i] = summarize_with_cache(files[i], t, limits, read.cache);
  });
  count_sources(read.results, stats);
  return read;
}

std::uint64_t inputs_fingerprint(const std::vector<SourceFile>& files, const ReadSources& read,
                                 const std::vector<Diagnostic>& discovery_diagnostics,
                                 const ScanOptions& options) {
  ContentHash f;
  f.add_part(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const SourceFile& file = files[i];
    const CachedSummary& r = read.results[i];
    f.add_part(file.rel_path);
    f.add_part(file.module);
    f.add_part(file.source_root);
    f.add_part(file.is_package ? 1 : 0);
    // A key names the content and how it decoded; a file that is not cached
    // (unreadable, skipped) is known by its summary: status and diagnostics.
    f.add_part(r.cacheable ? std::to_string(r.key) : encode_summary(r.summary));
  }
  f.add_part(discovery_diagnostics.size());
  for (const Diagnostic& d : discovery_diagnostics) {
    f.add_part(d.file);
    f.add_part(d.line);
    f.add_part(static_cast<std::uint64_t>(d.severity));
    f.add_part(d.code);
    f.add_part(d.message);
  }
  // The configuration's bytes, or a mark that there is none.
  for (const std::filesystem::path& config :
       {options.root / "cutover.toml", options.root / "pyproject.toml", options.config_file}) {
    f.add_part(!config.empty() && f.add_file(config) ? "read" : "none");
  }
  return f.digest();
}

Summarized finish_summaries(const std::vector<SourceFile>& files, ReadSources read,
                            const ScanOptions& options, const SummarizeLimits& limits,
                            unsigned jobs, ScanStats& stats) {
  Summarized out;
  out.summaries.resize(files.size());
  std::vector<CachedSummary>& results = read.results;
  if (options.cache_dir.empty()) {
    for (std::size_t i = 0; i < files.size(); ++i)
      out.summaries[i] = std::move(results[i].summary);
    return out;
  }
  const SummaryCache& cache = read.cache;
  const auto tools = [&] { return tools_for(options); };
  parallel_for(files.size(), jobs, tools, [&](SummarizerTools& t, std::size_t i) {
    CachedSummary& r = results[i];
    if (!r.hit) return void(out.summaries[i] = std::move(r.summary));
    if (std::optional<FileSummary> decoded = decode_hit(files[i], cache, r.key)) {
      out.summaries[i] = std::move(*decoded);
      return;
    }
    // An entry that does not decode (a damaged or foreign pack): parse.
    r = summarize_with_cache(files[i], t, limits, SummaryCache{});
    out.summaries[i] = r.summary;
  });
  count_sources(results, stats);  // an entry that did not decode was parsed after all
  std::unordered_set<std::uint64_t> keys;
  bool missed = false;
  for (const CachedSummary& r : results) {
    missed |= r.cacheable && !r.hit;
    if (r.cacheable) keys.insert(r.key);
  }
  // Unchanged run, nothing to write; else the pack is replaced, which also
  // drops the entries of files gone since.
  if (!missed && keys.size() == cache.size()) return out;
  std::vector<CachedSummary*> kept;  // one per key: identical files share an entry
  for (CachedSummary& r : results) {
    if (r.cacheable && keys.erase(r.key)) kept.push_back(&r);
  }
  PackUpdate& next = out.next_pack.emplace();
  for (CachedSummary* r : kept) {
    if (!r->hit) next.encoded.push_back(std::move(r->encoded));
  }
  // Views are taken once `encoded` is complete: its strings no longer move.
  std::size_t fresh = 0;
  for (const CachedSummary* r : kept) {
    const std::string_view bytes = r->hit ? cache.bytes_of(r->key) : next.encoded[fresh++];
    next.entries.emplace_back(r->key, bytes);
  }
  next.read = std::move(read.cache);
  return out;
}

}  // namespace cutover
