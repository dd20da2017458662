#pragma once
// 64-bit numbers as 8 little-endian bytes, for the binary files cutover
// writes itself (cache packs, the layout workers' inputs and results).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cutover {

inline void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// Reads the number at `at` and moves past it; false when fewer than 8 bytes are left.
inline bool get_u64(std::string_view in, std::size_t& at, std::uint64_t& v) {
  if (in.size() - at < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  at += 8;
  return true;
}

}  // namespace cutover
