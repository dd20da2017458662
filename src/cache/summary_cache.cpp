#include "cache/summary_cache.h"

#include <xxhash.h>

#include "cache/content_hash.h"
#include "cache/summary_codec.h"
#include "cutover_version.h"

namespace cutover {
namespace {

// Format, codec and release: any difference and the pack is not read.
std::string pack_header() {
  return "cutover-summaries 1 codec " + std::to_string(kSummaryCodecVersion) + " cutover " +
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
                                              const std::filesystem::path& root) {
  return KeyedPack::path_for(folder, "summaries", root);
}

SummaryCache SummaryCache::load(const std::filesystem::path& folder,
                                const std::filesystem::path& root) {
  SummaryCache cache;
  cache.pack_ = KeyedPack::load(pack_path(folder, root), pack_header());
  return cache;
}

std::optional<FileSummary> SummaryCache::find(std::uint64_t key) const {
  const std::optional<std::string_view> bytes = pack_.find(key);
  if (!bytes) return std::nullopt;
  return decode_summary(*bytes);
}

std::string_view SummaryCache::bytes_of(std::uint64_t key) const {
  return pack_.find(key).value_or(std::string_view());
}

std::string SummaryCache::save(const std::filesystem::path& folder,
                               const std::filesystem::path& root,
                               std::vector<std::pair<std::uint64_t, std::string_view>> entries) {
  return KeyedPack::save(pack_path(folder, root), pack_header(), std::move(entries));
}

}  // namespace cutover
