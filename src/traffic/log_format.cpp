#include "traffic/log_format.h"

#include <algorithm>

#include "traffic/log_line.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

bool is_variable_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A counts CSV header: its separator and the columns it names.
std::optional<FileFormat> counts_csv_header(std::string_view line) {
  static constexpr std::string_view kNames[6][4] = {
      {"method", "request_method", "http_method", "verb"},
      {"path", "uri", "url", "request_path"},
      {"status", "status_code", "code", "response_code"},
      {"count", "hits", "requests", "count()"},
      {"first_seen", "first", "min_time", "first_time"},
      {"last_seen", "last", "max_time", "last_time"}};
  for (const char separator : {',', '\t', ';'}) {
    std::vector<std::string> names;
    std::size_t at = 0;
    while (at <= line.size()) {
      const std::size_t end = std::min(line.find(separator, at), line.size());
      std::string name = ascii_lower(line.substr(at, end - at));
      std::erase(name, '"');
      std::erase(name, ' ');
      std::erase(name, '\r');
      names.push_back(std::move(name));
      at = end + 1;
    }
    if (names.size() < 3) continue;
    FileFormat f{.kind = LogFormatKind::kCounts, .csv = true, .separator = separator};
    f.header = std::string(line);
    for (int field = 0; field < 6; ++field) {
      for (std::size_t column = 0; column < names.size() && f.columns[field] < 0; ++column) {
        for (std::string_view candidate : kNames[field]) {
          if (names[column] == candidate) f.columns[field] = static_cast<int>(column);
        }
      }
    }
    if (f.columns[0] >= 0 && f.columns[1] >= 0 && f.columns[3] >= 0) return f;
  }
  return std::nullopt;
}

// How many of `lines` the format reads as records.
std::size_t records_read(const FileFormat& f, std::span<const std::string_view> lines) {
  LogLineParser parser(f);
  LogRecord record;
  std::size_t n = 0;
  for (std::string_view line : lines)
    n += parser.parse(line, record) == LineResult::kRecord;
  return n;
}

bool looks_binary(std::span<const std::string_view> lines) {
  std::size_t control = 0, total = 0;
  for (std::string_view line : lines) {
    for (char c : line) {
      const auto b = static_cast<unsigned char>(c);
      control += b == 0 || (b < 0x20 && b != '\t' && b != '\r');
      ++total;
    }
  }
  return total > 0 && control * 20 > total;
}

}  // namespace

std::string_view log_format_name(LogFormatKind kind) {
  switch (kind) {
    case LogFormatKind::kAuto:
      return "auto";
    case LogFormatKind::kCombined:
      return "combined";
    case LogFormatKind::kCommon:
      return "common";
    case LogFormatKind::kNginx:
      return "nginx";
    case LogFormatKind::kJson:
      return "json";
    case LogFormatKind::kCounts:
      return "counts";
  }
  return "auto";
}

std::vector<NginxItem> parse_nginx_format(std::string_view format) {
  std::vector<NginxItem> items;
  const auto literal = [&](std::string_view text) {
    if (text.empty()) return;
    if (!items.empty() && !items.back().variable)
      items.back().text += text;
    else
      items.push_back({.variable = false, .text = std::string(text)});
  };
  std::size_t at = 0;
  while (at < format.size()) {
    const std::size_t dollar = format.find('$', at);
    if (dollar == std::string_view::npos) {
      literal(format.substr(at));
      break;
    }
    literal(format.substr(at, dollar - at));
    std::size_t start = dollar + 1, end = start;
    if (start < format.size() && format[start] == '{') {
      const std::size_t close = format.find('}', start);
      if (close == std::string_view::npos) {
        literal(format.substr(dollar));
        break;
      }
      items.push_back(
          {.variable = true, .text = std::string(format.substr(start + 1, close - start - 1))});
      at = close + 1;
      continue;
    }
    while (end < format.size() && is_variable_char(format[end]))
      ++end;
    if (end == start) {
      literal("$");
      at = start;
      continue;
    }
    items.push_back({.variable = true, .text = std::string(format.substr(start, end - start))});
    at = end;
  }
  return items;
}

std::optional<LogFormat> parse_log_format(std::string_view spec, std::string& error) {
  LogFormat f;
  if (spec.starts_with("nginx:")) {
    f.kind = LogFormatKind::kNginx;
    f.nginx = parse_nginx_format(spec.substr(6));
    const bool has_path = std::any_of(f.nginx.begin(), f.nginx.end(), [](const NginxItem& i) {
      return i.variable && (i.text == "request" || i.text == "request_uri" || i.text == "uri" ||
                            i.text == "document_uri");
    });
    if (!has_path) {
      error = "the nginx log_format has neither $request nor $request_uri nor $uri";
      return std::nullopt;
    }
    return f;
  }
  for (LogFormatKind kind : {LogFormatKind::kAuto, LogFormatKind::kCombined, LogFormatKind::kCommon,
                             LogFormatKind::kJson, LogFormatKind::kCounts}) {
    if (spec == log_format_name(kind)) {
      f.kind = kind;
      return f;
    }
  }
  error = "unknown log format '" + std::string(spec) +
          "' (auto, combined, common, json, counts, or nginx:<log_format string>)";
  return std::nullopt;
}

bool apply_log_field(JsonFieldMap& map, std::string_view assignment, std::string& error) {
  const std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == assignment.size()) {
    error = "--log-field " + std::string(assignment) + ": expected NAME=KEY";
    return false;
  }
  const std::string_view name = assignment.substr(0, eq);
  std::string_view key = assignment.substr(eq + 1);
  if (name == "duration") {
    const std::size_t colon = key.rfind(':');
    if (colon != std::string_view::npos) {
      const std::string_view unit = key.substr(colon + 1);
      if (unit == "s")
        map.duration_unit_us = 1e6;
      else if (unit == "ms")
        map.duration_unit_us = 1e3;
      else if (unit == "us")
        map.duration_unit_us = 1;
      else {
        error = "--log-field duration: unit must be s, ms or us, not " + std::string(unit);
        return false;
      }
      key = key.substr(0, colon);
    }
    map.duration = std::string(key);
    return true;
  }
  std::string* target = name == "method"    ? &map.method
                        : name == "path"    ? &map.path
                        : name == "request" ? &map.request
                        : name == "status"  ? &map.status
                        : name == "time"    ? &map.time
                                            : nullptr;
  if (!target) {
    error = "--log-field " + std::string(name) +
            ": unknown field (method, path, request, status, time, duration)";
    return false;
  }
  *target = std::string(key);
  return true;
}

std::optional<FileFormat> detect_file_format(const LogFormat& requested,
                                             std::span<const std::string_view> lines,
                                             std::string& error) {
  if (lines.empty()) {
    error = "empty";
    return std::nullopt;
  }
  if (looks_binary(lines)) {
    error = "binary data, not a text log";
    return std::nullopt;
  }
  const std::string_view first = lines.front();
  FileFormat f{.kind = requested.kind, .spec = &requested};
  switch (requested.kind) {
    case LogFormatKind::kCombined:
    case LogFormatKind::kCommon:
    case LogFormatKind::kNginx:
    case LogFormatKind::kJson:
      return f;
    case LogFormatKind::kCounts:
      if (first.starts_with('{')) return f;
      if (std::optional<FileFormat> csv = counts_csv_header(first)) {
        csv->spec = &requested;
        return csv;
      }
      error =
          "a counts file starts with a CSV header naming method, path, status and count "
          "columns, or is JSON lines";
      return std::nullopt;
    case LogFormatKind::kAuto:
      break;
  }
  const std::size_t half = (lines.size() + 1) / 2;
  if (first.starts_with('{')) {
    FileFormat counts{.kind = LogFormatKind::kCounts, .spec = &requested};
    if (records_read(counts, lines) >= half) return counts;
    FileFormat json{.kind = LogFormatKind::kJson, .spec = &requested};
    if (records_read(json, lines) >= half) return json;
    error = "JSON lines without the fields --log-field names (method, path or request)";
    return std::nullopt;
  }
  if (std::optional<FileFormat> csv = counts_csv_header(first)) {
    csv->spec = &requested;
    return csv;
  }
  for (LogFormatKind kind : {LogFormatKind::kCombined, LogFormatKind::kCommon}) {
    FileFormat clf{.kind = kind, .spec = &requested};
    if (records_read(clf, lines) >= half) return clf;
  }
  error =
      "unknown format: the first lines are neither combined, common, JSON lines nor a counts "
      "CSV (give --log-format, e.g. 'nginx:<log_format>')";
  return std::nullopt;
}

}  // namespace cutover
