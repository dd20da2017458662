#include "traffic/log_line.h"

#include <charconv>
#include <cmath>

#include "traffic/log_time.h"
#include "traffic/request_path.h"

namespace cutover {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void set_request(std::string_view request, LogRecord& out) {
  if (const std::optional<RequestLine> r = split_request_line(request)) {
    out.method = r->method;
    out.target = r->target;
  }
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
  text = trimmed(text);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    // Platforms write counts as floats now and then ("12.0").
    double d = 0;
    const auto [dend, dec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (dec != std::errc() || dend != text.data() + text.size() || d < 0 || d > 1e18 ||
        d != std::floor(d))
      return std::nullopt;
    return static_cast<std::uint64_t>(d);
  }
  return value;
}

// RFC 4180 fields of one CSV line into `fields`; false on an unclosed quote.
bool split_csv(std::string_view line, char separator, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
      while (i < line.size() && line[i] != separator)
        ++i;
    } else {
      const std::size_t end = std::min(line.find(separator, i), line.size());
      field = line.substr(i, end - i);
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // the separator
  }
}

}  // namespace

std::optional<std::int64_t> parse_duration_us(std::string_view text, double unit_us) {
  text = trimmed(text);
  if (text.ends_with("ms")) {
    unit_us = 1000;
    text.remove_suffix(2);
  } else if (text.ends_with("us")) {
    unit_us = 1;
    text.remove_suffix(2);
  } else if (text.ends_with("\xC2\xB5s")) {  // µs
    unit_us = 1;
    text.remove_suffix(3);
  } else if (text.ends_with("s")) {
    unit_us = 1e6;
    text.remove_suffix(1);
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0)) return std::nullopt;
  const double us = value * unit_us;
  if (!(us < 1e15)) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(us));
}

std::optional<std::uint32_t> parse_status(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || text == "-") return 0;
  if (text.size() != 3) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (value < 100) return std::nullopt;
  return value;
}

LogLineParser::LogLineParser(const FileFormat& format) : format_(format) {
  if (format.kind == LogFormatKind::kJson && format.spec) {
    const JsonFieldMap& m = format.spec->json;
    json_keys_ = {m.method, m.path, m.request, m.status, m.time, m.duration};
  } else if (format.kind == LogFormatKind::kCounts) {
    json_keys_ = {"method", "path", "status", "count", "first_seen", "last_seen"};
  }
}

std::optional<std::int64_t> LogLineParser::clf_time(std::string_view text) {
  if (text == last_clf_) return last_clf_value_;
  const std::optional<std::int64_t> t = parse_clf_time(text);
  if (t) {
    last_clf_.assign(text);
    last_clf_value_ = *t;
  }
  return t;
}

LineResult LogLineParser::parse(std::string_view line, LogRecord& out) {
  out = LogRecord{};
  switch (format_.kind) {
    case LogFormatKind::kCombined:
    case LogFormatKind::kCommon:
    case LogFormatKind::kAuto:
      return parse_clf(line, out);
    case LogFormatKind::kNginx:
      return parse_nginx(line, out);
    case LogFormatKind::kJson:
      return parse_json(line, out);
    case LogFormatKind::kCounts:
      return parse_counts(line, out);
  }
  return bad("unknown format");
}

// host ident user [time] "request" status bytes ["referer" "user-agent" ...]
LineResult LogLineParser::parse_clf(std::string_view line, LogRecord& out) {
  // "host ident user [": the bracket, then the space before it.
  const std::size_t bracket = line.find('[');
  if (bracket == std::string_view::npos || bracket < 2 || line[bracket - 1] != ' ')
    return bad("no [time] field");
  const std::size_t open = bracket - 1;
  const std::size_t time_at = open + 2;
  if (time_at + 28 > line.size() || line[time_at + 26] != ']' || line[time_at + 27] != ' ')
    return bad("no [time] field");
  out.time = clf_time(line.substr(time_at, 26));
  if (!out.time) return bad("bad time");
  std::size_t at = time_at + 28;
  if (at >= line.size() || line[at] != '"') return bad("no quoted request");
  const std::size_t request_at = at + 1;
  // The request ends at the quote followed by " <status> ": a quote inside
  // it is escaped (\x22 by nginx, \" by Apache).
  std::size_t close = request_at;
  std::optional<std::uint32_t> status;
  std::size_t after_status = 0;
  while (true) {
    close = line.find('"', close);
    if (close == std::string_view::npos) return bad("unterminated request");
    if (close + 5 <= line.size() && line[close + 1] == ' ' && line[close - 1] != '\\') {
      const std::size_t end = line.find(' ', close + 2);
      status = parse_status(
          line.substr(close + 2, (end == std::string_view::npos ? line.size() : end) - close - 2));
      if (status && *status != 0) {
        after_status = end == std::string_view::npos ? line.size() : end;
        break;
      }
    }
    ++close;
  }
  out.status = *status;
  set_request(line.substr(request_at, close - request_at), out);
  // Bytes sent: a number or "-"; then, in combined, the quoted referer.
  if (after_status >= line.size()) return bad("no bytes field");
  const std::size_t bytes_end = std::min(line.find(' ', after_status + 1), line.size());
  const std::string_view bytes = line.substr(after_status + 1, bytes_end - after_status - 1);
  if (bytes != "-" &&
      (bytes.empty() || bytes.find_first_not_of("0123456789") != std::string_view::npos))
    return bad("bad bytes field");
  if (format_.kind == LogFormatKind::kCombined &&
      (bytes_end + 1 >= line.size() || line[bytes_end + 1] != '"'))
    return bad("no quoted referer (common format?)");
  return LineResult::kRecord;
}

LineResult LogLineParser::parse_nginx(std::string_view line, LogRecord& out) {
  const std::vector<NginxItem>& items = format_.spec->nginx;
  std::size_t at = 0;
  bool have_request_time = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const NginxItem& item = items[i];
    if (!item.variable) {
      if (line.substr(at, item.text.size()) != item.text)
        return bad("does not follow the log_format");
      at += item.text.size();
      continue;
    }
    std::size_t end = line.size();
    if (i + 1 < items.size()) {
      const NginxItem& next = items[i + 1];
      end = next.variable ? line.find(' ', at) : line.find(next.text, at);
      if (end == std::string_view::npos) return bad("does not follow the log_format");
    }
    const std::string_view value = line.substr(at, end - at);
    at = end;
    const std::string_view name = item.text;
    if (name == "request") {
      set_request(value, out);
    } else if (name == "request_method") {
      out.method = value;
    } else if (name == "request_uri" || name == "uri" || name == "document_uri") {
      if (out.target.empty()) out.target = value;
    } else if (name == "status") {
      const std::optional<std::uint32_t> status = parse_status(value);
      if (!status) return bad("bad status");
      out.status = *status;
    } else if (name == "time_local") {
      out.time = clf_time(value);
      if (!out.time) return bad("bad time");
    } else if (name == "time_iso8601" || name == "msec") {
      out.time = parse_log_time(value);
      if (!out.time) return bad("bad time");
    } else if (name == "request_time") {
      if (const auto d = parse_duration_us(value, 1e6)) {
        out.duration_us = *d;
        have_request_time = true;
      }
    } else if (name == "upstream_response_time" && !have_request_time) {
      // "0.012", "0.010, 0.002" (retries), "-"
      const std::string_view first = value.substr(0, value.find(','));
      if (const auto d = parse_duration_us(first, 1e6)) out.duration_us = *d;
    }
  }
  if (!trimmed(line.substr(at)).empty()) return bad("does not follow the log_format");
  if (out.method.empty() != out.target.empty()) out.method = out.target = {};
  return LineResult::kRecord;
}

LineResult LogLineParser::parse_json(std::string_view line, LogRecord& out) {
  if (!extract_json_fields(line, json_keys_, json_fields_, json_scratch_))
    return bad("not a JSON object");
  const JsonField& method = json_fields_[0];
  const JsonField& path = json_fields_[1];
  const JsonField& request = json_fields_[2];
  const JsonField& status = json_fields_[3];
  const JsonField& time = json_fields_[4];
  const JsonField& duration = json_fields_[5];
  if (path.found && path.is_string) {
    if (!method.found || !method.is_string) return bad("no method field");
    out.method = method.text;
    out.target = path.text;
    if (!is_method_token(out.method)) out.method = out.target = {};
  } else if (request.found && request.is_string) {
    set_request(request.text, out);
  } else {
    return bad("no path or request field");
  }
  if (status.found) {
    const std::optional<std::uint32_t> s = parse_status(status.text);
    if (!s) return bad("bad status");
    out.status = *s;
  }
  if (time.found && time.text != "null") {
    out.time = parse_log_time(time.text);
    if (!out.time) return bad("bad time");
  }
  if (duration.found && duration.text != "null") {
    if (const auto d = parse_duration_us(duration.text, format_.spec->json.duration_unit_us))
      out.duration_us = *d;
  }
  return LineResult::kRecord;
}

LineResult LogLineParser::parse_counts(std::string_view line, LogRecord& out) {
  std::string_view fields[6];
  bool found[6] = {};
  if (format_.csv) {
    if (line == format_.header) return LineResult::kSkip;
    if (!split_csv(line, format_.separator, csv_fields_)) return bad("unclosed quote");
    for (int i = 0; i < 6; ++i) {
      const int column = format_.columns[i];
      if (column >= 0 && static_cast<std::size_t>(column) < csv_fields_.size()) {
        fields[i] = csv_fields_[static_cast<std::size_t>(column)];
        found[i] = true;
      }
    }
  } else {
    if (!extract_json_fields(line, json_keys_, json_fields_, json_scratch_))
      return bad("not a JSON object");
    for (int i = 0; i < 6; ++i) {
      found[i] = json_fields_[static_cast<std::size_t>(i)].found;
      fields[i] = json_fields_[static_cast<std::size_t>(i)].text;
    }
  }
  if (!found[0] || !found[1] || !found[3]) return bad("no method, path or count");
  out.method = trimmed(fields[0]);
  out.target = trimmed(fields[1]);
  if (!is_method_token(out.method)) out.method = out.target = {};
  const std::optional<std::uint32_t> status = found[2] ? parse_status(fields[2]) : 0;
  if (!status) return bad("bad status");
  out.status = *status;
  const std::optional<std::uint64_t> count = parse_count(fields[3]);
  if (!count) return bad("bad count");
  out.count = *count;
  for (int i : {4, 5}) {
    const std::string_view text = trimmed(fields[i]);
    if (!found[i] || text.empty() || text == "null") continue;
    const std::optional<std::int64_t> t = parse_log_time(text);
    if (!t) return bad("bad first_seen or last_seen");
    (i == 4 ? out.time : out.last_time) = t;
  }
  if (out.time && !out.last_time) out.last_time = out.time;
  if (out.last_time && !out.time) out.time = out.last_time;
  return LineResult::kRecord;
}

}  // namespace cutover
