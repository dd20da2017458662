#include "cli/output_record.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "cache/content_hash.h"
#include "cache/keyed_pack.h"
#include "cli/executable_id.h"
#include "emit/atomic_file.h"

namespace cutover {
namespace {

constexpr std::string_view kHeader = "cutover-outputs 1";

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return in ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
}

std::string hex(std::uint64_t v) {
  char text[24];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(v));
  return text;
}

bool parse_hex(std::string_view text, std::uint64_t& v) {
  if (text.size() != 16) return false;
  v = 0;
  for (const char c : text) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    v = v << 4 | static_cast<std::uint64_t>(digit);
  }
  return true;
}

}  // namespace

std::filesystem::path output_record_path(const std::filesystem::path& cache_dir,
                                         const std::filesystem::path& out_dir) {
  // Named as the cache's packs are, by the folder's canonical path.
  return KeyedPack::path_for(cache_dir, "outputs", out_dir).replace_extension(".txt");
}

std::optional<OutputRecord> load_output_record(const std::filesystem::path& file) {
  std::istringstream in(read_whole(file));
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return std::nullopt;
  OutputRecord record;
  bool fingerprinted = false;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    const std::string_view word = std::string_view(line).substr(0, space);
    const std::string_view rest =
        space == std::string::npos ? "" : std::string_view(line).substr(space + 1);
    if (word == "fingerprint") {
      fingerprinted = parse_hex(rest, record.fingerprint);
    } else if (word == "summary") {
      record.summary = rest;
    } else if (word == "file") {
      std::uint64_t hash = 0;
      if (rest.size() < 18 || !parse_hex(rest.substr(0, 16), hash)) return std::nullopt;
      record.files.emplace_back(std::string(rest.substr(17)), hash);
    } else {
      return std::nullopt;
    }
  }
  if (!fingerprinted || record.files.empty()) return std::nullopt;
  return record;
}

std::string save_output_record(const std::filesystem::path& file, const OutputRecord& record) {
  std::string text = std::string(kHeader) + "\nfingerprint " + hex(record.fingerprint) +
                     "\nsummary " + record.summary + "\n";
  for (const auto& [name, hash] : record.files)
    text += "file " + hex(hash) + " " + name + "\n";
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return "cannot create cache folder " + file.parent_path().string() + ": " + ec.message();
  return write_file_atomically(file, text, Flush::kNo);
}

std::uint64_t run_fingerprint(std::uint64_t inputs, std::string_view command_line) {
  std::error_code ec;
  ContentHash fingerprint;
  fingerprint.add_part(inputs);
  fingerprint.add_part(command_line);
  fingerprint.add_part(std::filesystem::current_path(ec).string());
  // The build ID names the binary's bytes without reading them (5 MB, a
  // few ms: a tenth of a 10k-line scan); without one, the bytes, streamed.
  if (const std::optional<std::string> id = executable_build_id()) {
    fingerprint.add_part("build id");
    fingerprint.add_part(*id);
  } else {
    fingerprint.add_part(fingerprint.add_file("/proc/self/exe") ? "binary" : "no binary");
  }
  return fingerprint.digest();
}

bool outputs_unchanged(const std::filesystem::path& out_dir, const OutputRecord& record) {
  for (const auto& [name, hash] : record.files) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(out_dir / name, ec)) return false;
    ContentHash content;
    if (!content.add_file(out_dir / name) || content.digest() != hash) return false;
  }
  return true;
}

}  // namespace cutover
