#pragma once
// The incremental cache: per-file summaries keyed by a content hash (xxh3),
// one pack file per scanned root in the cache folder. A re-run reads each
// file, hashes it, and decodes the cached summary instead of parsing when
// the hash is known. The pack names its format and the cutover version; a
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
  bool contains(std::uint64_t key) const { return pack_.find(key).has_value(); }
  std::size_t size() const { return pack_.size(); }

  // Writes a pack holding exactly `entries` (key → encoded summary), sorted
  // by key, atomically. Returns an error message, "" on success.
  static std::string save(const std::filesystem::path& folder, const std::filesystem::path& root,
                          std::vector<std::pair<std::uint64_t, std::string_view>> entries);

  // The pack's file name for a root: summaries-<hash of the root's path>.bin.
  static std::filesystem::path pack_path(const std::filesystem::path& folder,
                                         const std::filesystem::path& root);

 private:
  KeyedPack pack_;
};

}  // namespace cutover
