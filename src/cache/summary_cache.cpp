#include "cache/summary_cache.h"

#include <algorithm>
#include <cstdio>

#include "cache/content_hash.h"
#include "cache/summary_codec.h"
#include "cutover_version.h"

namespace cutover {
namespace {

// Format, codec and release: any difference and the pack is not read.
std::string pack_header() {
  return "cutover-summaries 2 codec " + std::to_string(kSummaryCodecVersion) + " cutover " +
         std::string(kCutoverVersion) + "\n";
}

}  // namespace

std::uint64_t summary_key(const SourceText& source) {
  ContentHash key;
  key.add(source.text);
  for (const Diagnostic& d : source.diagnostics) {
    key.add_part(d.code);
    key.add_part(d.message);
  }
  return key.digest();
}

std::filesystem::path SummaryCache::pack_path(const std::filesystem::path& folder,
                                              const std::filesystem::path& root,
                                              std::size_t shard) {
  std::filesystem::path path = KeyedPack::path_for(folder, "summaries", root);
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "-%02zx.bin", shard);
  path.replace_extension().concat(suffix);
  return path;
}

SummaryCache SummaryCache::load(const std::filesystem::path& folder,
                                const std::filesystem::path& root) {
  SummaryCache cache;
  const std::string header = pack_header();
  for (std::size_t s = 0; s < kSummaryShards; ++s)
    cache.shards_[s] = KeyedPack::load(pack_path(folder, root, s), header);
  return cache;
}

std::size_t SummaryCache::size() const {
  std::size_t total = 0;
  for (const KeyedPack& shard : shards_)
    total += shard.size();
  return total;
}

std::optional<FileSummary> SummaryCache::find(std::uint64_t key) const {
  const std::optional<std::string_view> bytes = shard_of(key).find(key);
  if (!bytes) return std::nullopt;
  return decode_summary(*bytes);
}

std::string_view SummaryCache::bytes_of(std::uint64_t key) const {
  return shard_of(key).find(key).value_or(std::string_view());
}

std::string SummaryCache::save(const std::filesystem::path& folder,
                               const std::filesystem::path& root,
                               std::vector<std::pair<std::uint64_t, std::string_view>> entries,
                               const SummaryCache& previous) {
  std::vector<std::vector<std::pair<std::uint64_t, std::string_view>>> shards(kSummaryShards);
  for (const auto& entry : entries)
    shards[shard_index(entry.first)].push_back(entry);
  const std::string header = pack_header();
  for (std::size_t s = 0; s < kSummaryShards; ++s) {
    std::vector<std::pair<std::uint64_t, std::string_view>>& shard = shards[s];
    KeyedPack::sort_entries(shard);
    // A key names its content, so the same keys are the same pack.
    const KeyedPack& before = previous.shards_[s];
    const bool same = shard.size() == before.size() &&
                      std::all_of(shard.begin(), shard.end(),
                                  [&](const auto& e) { return before.find(e.first).has_value(); });
    if (same) continue;
    std::string problem = KeyedPack::save(pack_path(folder, root, s), header, std::move(shard));
    if (!problem.empty()) return problem;
  }
  // The single pack of releases before the shards: no longer read.
  std::error_code ec;
  std::filesystem::remove(KeyedPack::path_for(folder, "summaries", root), ec);
  return "";
}

}  // namespace cutover
