#pragma once
// xxh3 of content fed in pieces: the cache's keys, the scan's fingerprint of
// its inputs, the output record's hashes.

#include <xxhash.h>

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace cutover {

class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;

  // Bytes as they are.
  void add(std::string_view bytes);
  // Followed by a NUL, so no two sequences of parts run together alike.
  void add_part(std::string_view part);
  void add_part(std::uint64_t n);
  // The file's bytes, read in blocks; false (nothing added) when it cannot
  // be opened.
  bool add_file(const std::filesystem::path& file);

  std::uint64_t digest() const;

 private:
  XXH3_state_t* state_;
};

std::uint64_t content_hash(std::string_view bytes);

}  // namespace cutover
