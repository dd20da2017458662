#pragma once
// One cache file: entries of bytes under 64-bit keys, behind a header line
// that names the format and the release. A file with another header, or cut
// short, reads as empty; an entry whose checksum fails is left out. Written
// whole and atomically, so a reader never sees half a pack.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cutover {

class KeyedPack {
 public:
  static KeyedPack load(const std::filesystem::path& file, std::string_view header);

  std::optional<std::string_view> find(std::uint64_t key) const;
  const std::unordered_map<std::uint64_t, std::string_view>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  // Writes exactly `entries`, sorted by key (duplicates dropped), creating
  // the folder. Returns an error message, "" on success. The entries' bytes
  // may lie in a loaded pack: they are written from where they are.
  static std::string save(const std::filesystem::path& file, std::string_view header,
                          std::vector<std::pair<std::uint64_t, std::string_view>> entries);

  // Sorts entries by key and drops all but the first of each key.
  static void sort_entries(std::vector<std::pair<std::uint64_t, std::string_view>>& entries);

  // <folder>/<kind>-<xxh3 of the root's canonical path>.bin: one pack of a
  // kind per scanned root, so scans of two trees share a cache folder.
  static std::filesystem::path path_for(const std::filesystem::path& folder, std::string_view kind,
                                        const std::filesystem::path& root);

 private:
  // The whole file, mapped read-only (packs run to tens of MB, and a warm
  // run needs each page once); entries_ point into it. Writers replace a
  // pack by renaming a new file over it, so the mapped file never shrinks.
  std::shared_ptr<const char> mapping_;
  std::unordered_map<std::uint64_t, std::string_view> entries_;
};

}  // namespace cutover
