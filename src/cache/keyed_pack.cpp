#include "cache/keyed_pack.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "emit/atomic_file.h"

namespace cutover {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out += static_cast<char>((v >> (8 * i)) & 0xff);
}

bool get_u64(std::string_view in, std::size_t& at, std::uint64_t& v) {
  if (in.size() - at < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  at += 8;
  return true;
}

}  // namespace

KeyedPack KeyedPack::load(const std::filesystem::path& file, std::string_view header) {
  KeyedPack pack;
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return pack;
  // One read into a buffer of the file's size: packs run to tens of MB.
  const std::streamoff size = in.tellg();
  if (size <= 0) return pack;
  pack.bytes_.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  if (!in.read(pack.bytes_.data(), size)) return KeyedPack{};
  const std::string_view all = pack.bytes_;
  if (!all.starts_with(header)) return KeyedPack{};
  std::size_t at = header.size();
  std::uint64_t count = 0;
  if (!get_u64(all, at, count)) return KeyedPack{};
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t key = 0, size = 0, checksum = 0;
    if (!get_u64(all, at, key) || !get_u64(all, at, size) || !get_u64(all, at, checksum) ||
        size > all.size() - at) {
      return KeyedPack{};  // truncated: start over
    }
    const std::string_view entry = all.substr(at, size);
    at += size;
    if (XXH3_64bits(entry.data(), entry.size()) == checksum) pack.entries_.emplace(key, entry);
  }
  return pack;
}

std::optional<std::string_view> KeyedPack::find(std::uint64_t key) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::string KeyedPack::save(const std::filesystem::path& file, std::string_view header,
                            std::vector<std::pair<std::uint64_t, std::string>> entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                entries.end());
  std::string out(header);
  put_u64(out, entries.size());
  for (const auto& [key, bytes] : entries) {
    put_u64(out, key);
    put_u64(out, bytes.size());
    put_u64(out, XXH3_64bits(bytes.data(), bytes.size()));
    out += bytes;
  }
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return "cannot create cache folder " + file.parent_path().string() + ": " + ec.message();
  remove_stale_temporaries(file);
  return write_file_atomically(file, out, Flush::kNo);
}

std::filesystem::path KeyedPack::path_for(const std::filesystem::path& folder,
                                          std::string_view kind,
                                          const std::filesystem::path& root) {
  std::error_code ec;
  const std::string canonical = std::filesystem::weakly_canonical(root, ec).generic_string();
  char hash[24];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(canonical.data(), canonical.size())));
  return folder / (std::string(kind) + "-" + hash + ".bin");
}

}  // namespace cutover
