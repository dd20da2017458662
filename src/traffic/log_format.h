#pragma once
// Access-log formats: what `--log-format` and `--log-field` say, and what a
// file's first lines show when the format is detected.
//   combined / common   nginx's and Apache's defaults (detected)
//   nginx:FORMAT        an nginx log_format string ($remote_addr - ... "$request" ...)
//   json                JSON lines, fields named by --log-field (dotted paths)
//   counts              an aggregate from a log platform: CSV with a header, or JSON
//                       lines; method, path, status, count [, first_seen, last_seen]

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cutover {

enum class LogFormatKind : std::uint8_t { kAuto, kCombined, kCommon, kNginx, kJson, kCounts };

std::string_view log_format_name(LogFormatKind kind);

// One piece of an nginx log_format: literal text, or a variable's name.
struct NginxItem {
  bool variable = false;
  std::string text;
};

// Where a JSON-lines record keeps each value (dotted paths).
struct JsonFieldMap {
  std::string method = "method";
  std::string path = "path";
  std::string request = "request";  // "GET /a HTTP/1.1", read when `path` is absent
  std::string status = "status";
  std::string time = "time";
  std::string duration = "duration_ms";
  double duration_unit_us = 1000;  // what a bare number in `duration` counts, in µs
};

struct LogFormat {
  LogFormatKind kind = LogFormatKind::kAuto;
  std::vector<NginxItem> nginx;  // kNginx
  JsonFieldMap json;             // kJson
};

// "combined", "common", "json", "counts", "auto", or "nginx:<log_format>";
// nullopt with the reason in `error`.
std::optional<LogFormat> parse_log_format(std::string_view spec, std::string& error);

// An nginx log_format string → its pieces ($var and ${var} both name a variable).
std::vector<NginxItem> parse_nginx_format(std::string_view format);

// "NAME=KEY[:UNIT]" (NAME: method, path, request, status, time, duration;
// UNIT, for duration: s, ms, us) applied to `map`; false with `error`.
bool apply_log_field(JsonFieldMap& map, std::string_view assignment, std::string& error);

// The format of one file, once known: counts files also carry their columns.
struct FileFormat {
  LogFormatKind kind = LogFormatKind::kCombined;
  const LogFormat* spec = nullptr;  // nginx items, JSON fields
  bool csv = false;                 // counts: CSV (else JSON lines)
  char separator = ',';             // counts CSV
  std::string header;               // counts CSV: the header line, skipped where it recurs
  // counts CSV columns: method, path, status, count, first_seen, last_seen (-1: absent)
  int columns[6] = {-1, -1, -1, -1, -1, -1};
};

// The format of a file from its first non-blank lines: the requested one,
// or (kAuto) the first of combined/common, JSON lines and counts that reads
// most of them. nullopt with the reason in `error`.
std::optional<FileFormat> detect_file_format(const LogFormat& requested,
                                             std::span<const std::string_view> first_lines,
                                             std::string& error);

}  // namespace cutover
