#pragma once
// The incremental cache: per-file summaries keyed by a content hash (xxh3),
// in the cache folder as kSummaryShards pack files per scanned root, a key's
// shard given by its top bits. A re-run reads each file, hashes it, and
// decodes the cached summary instead of parsing when the hash is known; it
// rewrites only the shards whose entries changed, so one edited file costs
// a sixteenth of the cache, not all of it (summaries run to twice the
// source's size). Each pack names its format and the cutover version; a
// pack of any other release, or damaged, is ignored and rewritten. Safe to
// delete at any time.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cache/keyed_pack.h"
#include "model/file_summary.h"
#include "parse/source_text.h"

namespace cutover {

inline constexpr std::size_t kSummaryShards = 16;

// The cache key of a decoded source: its text and how it was decoded
// (a Latin-1 guess gives other diagnostics than clean UTF-8).
std::uint64_t summary_key(const SourceText& source);

class SummaryCache {
 public:
  // The pack for `root` in `folder`; empty when there is none or it is not
  // of this release. Never throws.
  static SummaryCache load(const std::filesystem::path& folder, const std::filesystem::path& root);

  // The cached summary for `key`, nullopt on a miss or a damaged entry.
  std::optional<FileSummary> find(std::uint64_t key) const;
  // The entry's bytes as stored ("" on a miss), to carry into the next pack.
  std::string_view bytes_of(std::uint64_t key) const;
  bool contains(std::uint64_t key) const { return shard_of(key).find(key).has_value(); }
  std::size_t size() const;

  // Makes the cache hold exactly `entries` (key → encoded summary): each
  // shard whose keys differ from `previous`'s (the cache this run read) is
  // written whole, sorted by key, atomically; the others are left as they
  // are. Returns an error message, "" on success.
  static std::string save(const std::filesystem::path& folder, const std::filesystem::path& root,
                          std::vector<std::pair<std::uint64_t, std::string_view>> entries,
                          const SummaryCache& previous);

  // A shard's file name for a root: summaries-<hash of the root's path>-<shard>.bin.
  static std::filesystem::path pack_path(const std::filesystem::path& folder,
                                         const std::filesystem::path& root, std::size_t shard);
  static std::size_t shard_index(std::uint64_t key) { return key >> 60; }

 private:
  static_assert(kSummaryShards == 16, "shard_index takes the key's top four bits");
  const KeyedPack& shard_of(std::uint64_t key) const { return shards_[shard_index(key)]; }

  std::vector<KeyedPack> shards_ = std::vector<KeyedPack>(kSummaryShards);
};

}  // namespace cutover
