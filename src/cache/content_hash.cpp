#include "cache/content_hash.h"

#include <fstream>
#include <string>
#include <vector>

namespace cutover {

ContentHash::ContentHash() : state_(XXH3_createState()) {
  XXH3_64bits_reset(state_);
}

ContentHash::~ContentHash() {
  XXH3_freeState(state_);
}

void ContentHash::add(std::string_view bytes) {
  XXH3_64bits_update(state_, bytes.data(), bytes.size());
}

void ContentHash::add_part(std::string_view part) {
  add(part);
  XXH3_64bits_update(state_, "", 1);
}

void ContentHash::add_part(std::uint64_t n) {
  add_part(std::string_view(std::to_string(n)));
}

bool ContentHash::add_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::vector<char> block(1 << 16);
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0)
    add(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
  return true;
}

std::uint64_t ContentHash::digest() const {
  return XXH3_64bits_digest(state_);
}

std::uint64_t content_hash(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

}  // namespace cutover
