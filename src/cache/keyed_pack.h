#pragma once
// One cache file: entries of bytes under 64-bit keys, behind a header line
// that names the format and the release. A file with another header, or cut
// short, reads as empty; an entry whose checksum fails is left out. Written
// whole and atomically, so a reader never sees half a pack.

#include <cstdint>
#include <filesystem>
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
  // the folder. Returns an error message, "" on success.
  static std::string save(const std::filesystem::path& file, std::string_view header,
                          std::vector<std::pair<std::uint64_t, std::string>> entries);

  // <folder>/<kind>-<xxh3 of the root's canonical path>.bin: one pack of a
  // kind per scanned root, so scans of two trees share a cache folder.
  static std::filesystem::path path_for(const std::filesystem::path& folder, std::string_view kind,
                                        const std::filesystem::path& root);

 private:
  std::string bytes_;  // the whole file; entries_ point into it
  std::unordered_map<std::uint64_t, std::string_view> entries_;
};

}  // namespace cutover
