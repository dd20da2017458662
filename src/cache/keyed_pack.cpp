#include "cache/keyed_pack.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <new>

#include "emit/atomic_file.h"
#include "util/u64_bytes.h"

namespace cutover {
namespace {

std::string u64_bytes(std::uint64_t v) {
  std::string out;
  put_u64(out, v);
  return out;
}

// A pack claiming more than this is damaged: a cache entry is a file's
// summary or a drawing, and a summary shard holds a sixteenth of a tree's
// (2 MB for a million lines).
constexpr std::uint64_t kMaxPackBytes = std::uint64_t{1} << 32;

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
  const std::unique_ptr<void, std::function<void(void*)>> mapping(
      mapped, [size](void* p) { ::munmap(p, size); });
  const std::string_view all(static_cast<const char*>(mapped), size);
  if (!all.starts_with(header)) return pack;
  std::size_t at = header.size();
  std::uint64_t count = 0;
  if (!get_u64(all, at, count) || count > (all.size() - at) / 16) return pack;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> heads(count);  // key, size
  std::uint64_t total = 0;
  for (auto& [key, bytes] : heads) {
    get_u64(all, at, key);
    get_u64(all, at, bytes);
    if (bytes > kMaxPackBytes - total) return pack;
    total += bytes;
  }
  // One zstd frame holds the entries back to back; its checksum covers them.
  const std::string_view frame = all.substr(at);
  if (ZSTD_getFrameContentSize(frame.data(), frame.size()) != total) return pack;
  std::shared_ptr<char[]> body(new (std::nothrow) char[total == 0 ? 1 : total]);
  if (!body) return pack;
  const std::size_t got = ZSTD_decompress(body.get(), total, frame.data(), frame.size());
  if (ZSTD_isError(got) || got != total) return pack;
  std::size_t offset = 0;
  for (const auto& [key, bytes] : heads) {
    pack.entries_.emplace(key, std::string_view(body.get() + offset, bytes));
    offset += bytes;
  }
  pack.body_ = std::move(body);
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
  std::string out = std::string(header) + u64_bytes(entries.size());
  std::size_t total = 0;
  for (const auto& [key, bytes] : entries) {
    out += u64_bytes(key) + u64_bytes(bytes.size());
    total += bytes.size();
  }
  // Level 1: the pack is written on every cold run, beside the link stage,
  // and level 1 already takes summaries to a tenth of their size.
  const std::unique_ptr<ZSTD_CCtx, std::size_t (*)(ZSTD_CCtx*)> cctx(ZSTD_createCCtx(),
                                                                     ZSTD_freeCCtx);
  if (!cctx) return "cannot compress " + file.string() + ": out of memory";
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, 1);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setPledgedSrcSize(cctx.get(), total);
  const std::size_t frame_start = out.size();
  out.resize(frame_start + ZSTD_compressBound(total));
  ZSTD_outBuffer to{out.data() + frame_start, out.size() - frame_start, 0};
  for (std::size_t i = 0; i <= entries.size(); ++i) {
    const bool last = i == entries.size();
    const std::string_view bytes = last ? std::string_view() : entries[i].second;
    ZSTD_inBuffer from{bytes.data(), bytes.size(), 0};
    for (;;) {
      const std::size_t left =
          ZSTD_compressStream2(cctx.get(), &to, &from, last ? ZSTD_e_end : ZSTD_e_continue);
      if (ZSTD_isError(left)) {
        return "cannot compress " + file.string() + ": " + ZSTD_getErrorName(left);
      }
      if (last ? left == 0 : from.pos == from.size) break;
    }
  }
  out.resize(frame_start + to.pos);
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
