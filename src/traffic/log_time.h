#pragma once
// Timestamps as access logs write them, to Unix seconds (UTC).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cutover {

// nginx/Apache $time_local / %t: "10/Oct/2000:13:55:36 -0700".
std::optional<std::int64_t> parse_clf_time(std::string_view text);

// ISO 8601 / RFC 3339 ("2000-10-10T20:55:36Z", "2000-10-10T13:55:36.123-07:00"),
// the SQL form "2000-10-10 20:55:36" (UTC), a CLF time, or Unix seconds
// ("971211336", "971211336.123"; 12 digits and more are milliseconds).
std::optional<std::int64_t> parse_log_time(std::string_view text);

// "2000-10-10T20:55:36Z".
std::string iso_utc(std::int64_t unix_seconds);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace cutover
