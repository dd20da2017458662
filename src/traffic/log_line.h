#pragma once
// One access-log line → one request record (or a counts row), in the file's
// format. Allocation-free on the common path: fields are views into the line
// or into the parser's scratch buffers, valid until the next call.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "traffic/json_fields.h"
#include "traffic/log_format.h"

namespace cutover {

struct LogRecord {
  std::string_view method;   // empty when the line holds no request line ("-", TLS bytes)
  std::string_view target;   // the request target as sent (query string included)
  std::uint32_t status = 0;  // 0: none
  std::optional<std::int64_t> time, last_time;  // Unix seconds; last_time: counts rows
  std::int64_t duration_us = -1;                // -1: none
  std::uint64_t count = 1;                      // counts rows: their count
};

enum class LineResult : std::uint8_t { kRecord, kSkip, kBad };

class LogLineParser {
 public:
  explicit LogLineParser(const FileFormat& format);

  // kRecord with `out` filled; kSkip for a counts header; kBad with reason().
  LineResult parse(std::string_view line, LogRecord& out);
  const char* reason() const { return reason_; }

 private:
  LineResult bad(const char* why) {
    reason_ = why;
    return LineResult::kBad;
  }
  LineResult parse_clf(std::string_view line, LogRecord& out);
  LineResult parse_nginx(std::string_view line, LogRecord& out);
  LineResult parse_json(std::string_view line, LogRecord& out);
  LineResult parse_counts(std::string_view line, LogRecord& out);
  std::optional<std::int64_t> clf_time(std::string_view text);

  const FileFormat& format_;
  const char* reason_ = "";
  std::string last_clf_;  // the last CLF time read, and its value: lines come in order
  std::int64_t last_clf_value_ = 0;
  std::vector<std::string> json_keys_;
  std::vector<JsonField> json_fields_;
  std::vector<std::string> json_scratch_;
  std::vector<std::string> csv_fields_;
};

// "0.123" seconds, "12ms", "1.5s", "250us" → µs; `unit_us` for a bare number.
std::optional<std::int64_t> parse_duration_us(std::string_view text, double unit_us);

// A status code "200" → 200; "-" or empty → 0; nullopt when not a status.
std::optional<std::uint32_t> parse_status(std::string_view text);

}  // namespace cutover
