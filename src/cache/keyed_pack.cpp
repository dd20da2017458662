#include "cache/keyed_pack.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "emit/atomic_file.h"

namespace cutover {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::string u64_bytes(std::uint64_t v) {
  std::string out;
  put_u64(out, v);
  return out;
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
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return pack;
  struct stat st {};
  const bool sized = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  const auto size = sized ? static_cast<std::size_t>(st.st_size) : 0;
  void* mapped = sized ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  ::close(fd);
  if (mapped == MAP_FAILED) return pack;
  pack.mapping_ =
      std::shared_ptr<const char>(static_cast<const char*>(mapped),
                                  [size](const char* p) { ::munmap(const_cast<char*>(p), size); });
  const std::string_view all(pack.mapping_.get(), size);
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

void KeyedPack::sort_entries(std::vector<std::pair<std::uint64_t, std::string_view>>& entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                entries.end());
}

std::string KeyedPack::save(const std::filesystem::path& file, std::string_view header,
                            std::vector<std::pair<std::uint64_t, std::string_view>> entries) {
  sort_entries(entries);
  // Per entry: key, size and checksum, then the bytes where they lie.
  std::string heads = std::string(header) + u64_bytes(entries.size());
  const std::size_t first_head = heads.size();
  for (const auto& [key, bytes] : entries)
    heads += u64_bytes(key) + u64_bytes(bytes.size()) +
             u64_bytes(XXH3_64bits(bytes.data(), bytes.size()));
  std::vector<std::string_view> pieces = {std::string_view(heads).substr(0, first_head)};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    pieces.push_back(std::string_view(heads).substr(first_head + 24 * i, 24));
    pieces.push_back(entries[i].second);
  }
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return "cannot create cache folder " + file.parent_path().string() + ": " + ec.message();
  remove_stale_temporaries(file);
  return write_file_atomically(file, pieces, Flush::kNo);
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
