#include "cache/summary_cache.h"

#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cache/summary_codec.h"
#include "cutover_version.h"
#include "emit/atomic_file.h"

namespace cutover {
namespace {

// Format, codec and release: any difference and the pack is not read.
std::string pack_header() {
  return "cutover-summaries 1 codec " + std::to_string(kSummaryCodecVersion) + " cutover " +
         std::string(kCutoverVersion) + "\n";
}

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

std::uint64_t summary_key(const SourceText& source) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, source.text.data(), source.text.size());
  for (const Diagnostic& d : source.diagnostics) {
    XXH3_64bits_update(state, d.code.data(), d.code.size() + 1);  // with its terminator
    XXH3_64bits_update(state, d.message.data(), d.message.size() + 1);
  }
  const std::uint64_t key = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return key;
}

std::filesystem::path SummaryCache::pack_path(const std::filesystem::path& folder,
                                              const std::filesystem::path& root) {
  std::error_code ec;
  const std::string canonical = std::filesystem::weakly_canonical(root, ec).generic_string();
  char name[48];
  std::snprintf(name, sizeof name, "summaries-%016llx.bin",
                static_cast<unsigned long long>(XXH3_64bits(canonical.data(), canonical.size())));
  return folder / name;
}

SummaryCache SummaryCache::load(const std::filesystem::path& folder,
                                const std::filesystem::path& root) {
  SummaryCache cache;
  std::ifstream in(pack_path(folder, root), std::ios::binary);
  if (!in) return cache;
  std::ostringstream text;
  text << in.rdbuf();
  cache.bytes_ = std::move(text).str();
  const std::string header = pack_header();
  const std::string_view all = cache.bytes_;
  if (!all.starts_with(header)) return SummaryCache{};
  std::size_t at = header.size();
  std::uint64_t count = 0;
  if (!get_u64(all, at, count)) return SummaryCache{};
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t key = 0, size = 0, checksum = 0;
    if (!get_u64(all, at, key) || !get_u64(all, at, size) || !get_u64(all, at, checksum) ||
        size > all.size() - at) {
      return SummaryCache{};  // truncated: start over
    }
    const std::string_view entry = all.substr(at, size);
    at += size;
    if (XXH3_64bits(entry.data(), entry.size()) == checksum) cache.entries_.emplace(key, entry);
  }
  return cache;
}

std::optional<FileSummary> SummaryCache::find(std::uint64_t key) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return decode_summary(it->second);
}

std::string_view SummaryCache::bytes_of(std::uint64_t key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? std::string_view() : it->second;
}

std::string SummaryCache::save(const std::filesystem::path& folder,
                               const std::filesystem::path& root,
                               std::vector<std::pair<std::uint64_t, std::string>> entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                entries.end());
  std::string out = pack_header();
  put_u64(out, entries.size());
  for (const auto& [key, bytes] : entries) {
    put_u64(out, key);
    put_u64(out, bytes.size());
    put_u64(out, XXH3_64bits(bytes.data(), bytes.size()));
    out += bytes;
  }
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return "cannot create cache folder " + folder.string() + ": " + ec.message();
  return write_file_atomically(pack_path(folder, root), out);
}

}  // namespace cutover
