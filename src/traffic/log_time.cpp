#include "traffic/log_time.h"

#include <charconv>
#include <cstdio>

namespace cutover {
namespace {

// `n` decimal digits at `at`, or nullopt.
std::optional<unsigned> digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return value;
}

std::optional<unsigned> month_of(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (unsigned m = 0; m < 12; ++m) {
    if (name == kMonths[m]) return m + 1;
  }
  return std::nullopt;
}

std::optional<std::int64_t> civil_seconds(unsigned year, unsigned month, unsigned day,
                                          unsigned hour, unsigned minute, unsigned second) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

// "+0200", "-07:00", "Z" at `at` to the end → seconds east of UTC.
std::optional<std::int64_t> zone_offset(std::string_view s, std::size_t at) {
  if (at == s.size()) return 0;  // no zone: UTC
  if (s.substr(at) == "Z" || s.substr(at) == "z") return 0;
  if (s[at] != '+' && s[at] != '-') return std::nullopt;
  const std::int64_t sign = s[at] == '-' ? -1 : 1;
  const auto hours = digits(s, at + 1, 2);
  std::size_t m = at + 3;
  if (m < s.size() && s[m] == ':') ++m;
  const auto minutes = digits(s, m, 2);
  if (!hours || !minutes || m + 2 != s.size()) return std::nullopt;
  return sign * (*hours * 3600 + *minutes * 60);
}

std::optional<std::int64_t> parse_epoch(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  if (whole.empty() || whole.size() > 16) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
  if (ec != std::errc() || end != whole.data() + whole.size()) return std::nullopt;
  if (dot != std::string_view::npos) {
    for (char c : s.substr(dot + 1)) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  return whole.size() >= 12 ? value / 1000 : value;  // past 1e11 s (year 5138): milliseconds
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parse_clf_time(std::string_view s) {
  // dd/Mon/yyyy:hh:mm:ss +zzzz
  if (s.size() != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' ||
      s[17] != ':' || s[20] != ' ')
    return std::nullopt;
  const auto day = digits(s, 0, 2);
  const auto month = month_of(s.substr(3, 3));
  const auto year = digits(s, 7, 4);
  const auto hour = digits(s, 12, 2);
  const auto minute = digits(s, 15, 2);
  const auto second = digits(s, 18, 2);
  if (!day || !month || !year || !hour || !minute || !second) return std::nullopt;
  const auto local = civil_seconds(*year, *month, *day, *hour, *minute, *second);
  const auto offset = zone_offset(s, 21);
  if (!local || !offset) return std::nullopt;
  return *local - *offset;
}

std::optional<std::int64_t> parse_log_time(std::string_view s) {
  if (s.size() == 26 && s[2] == '/') return parse_clf_time(s);
  // yyyy-mm-ddThh:mm:ss[.fff][zone]
  if (s.size() >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') &&
      s[13] == ':' && s[16] == ':') {
    const auto year = digits(s, 0, 4);
    const auto month = digits(s, 5, 2);
    const auto day = digits(s, 8, 2);
    const auto hour = digits(s, 11, 2);
    const auto minute = digits(s, 14, 2);
    const auto second = digits(s, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    std::size_t at = 19;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
      ++at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9')
        ++at;
    }
    const auto local = civil_seconds(*year, *month, *day, *hour, *minute, *second);
    const auto offset = zone_offset(s, at);
    if (!local || !offset) return std::nullopt;
    return *local - *offset;
  }
  return parse_epoch(s);
}

std::string iso_utc(std::int64_t t) {
  std::int64_t days = t / 86400;
  std::int64_t rest = t % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  // civil_from_days (Howard Hinnant).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char text[40];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rest / 3600),
                static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
  return text;
}

}  // namespace cutover
