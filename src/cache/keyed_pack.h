#pragma once
// One cache file: entries of bytes under 64-bit keys, behind a header line
// that names the format and the release: the keys and sizes, then the
// entries back to back in one zstd frame. Summaries compress tenfold, and a
// cold run's cost of writing them went mostly to the kernel's copy of the
// bytes. A file with another header, cut short or whose frame checksum
// fails reads as empty. Written whole and atomically, so a reader never
// sees half a pack.

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
  // The entries, decompressed; entries_ point into it.
  std::shared_ptr<char[]> body_;
  std::unordered_map<std::uint64_t, std::string_view> entries_;
};

}  // namespace cutover
