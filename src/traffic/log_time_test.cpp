// Access-log timestamps to Unix seconds, and back to ISO 8601.

#include "traffic/log_time.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("CLF times carry their zone", "[unit][traffic]") {
  // Apache's documented example: 10/Oct/2000:13:55:36 -0700 is 20:55:36 UTC.
  CHECK(parse_clf_time("10/Oct/2000:13:55:36 -0700") == 971211336);
  CHECK(parse_clf_time("10/Oct/2000:20:55:36 +0000") == 971211336);
  CHECK(parse_clf_time("10/Oct/2000:22:55:36 +0200") == 971211336);
  CHECK_FALSE(parse_clf_time("10/Foo/2000:13:55:36 -0700"));
  CHECK_FALSE(parse_clf_time("10/Oct/2000:25:55:36 -0700"));
  CHECK_FALSE(parse_clf_time("10/Oct/2000 13:55:36 -0700"));
}

TEST_CASE("ISO 8601, SQL and epoch times", "[unit][traffic]") {
  CHECK(parse_log_time("2000-10-10T20:55:36Z") == 971211336);
  CHECK(parse_log_time("2000-10-10T13:55:36.123-07:00") == 971211336);
  CHECK(parse_log_time("2000-10-10 20:55:36") == 971211336);
  CHECK(parse_log_time("971211336") == 971211336);
  CHECK(parse_log_time("971211336.250") == 971211336);
  CHECK(parse_log_time("971211336250") == 971211336);  // milliseconds
  CHECK(parse_log_time("10/Oct/2000:13:55:36 -0700") == 971211336);
  CHECK_FALSE(parse_log_time("yesterday"));
  CHECK_FALSE(parse_log_time("2000-13-10T20:55:36Z"));
  CHECK_FALSE(parse_log_time(""));
}

TEST_CASE("iso_utc writes UTC seconds", "[unit][traffic]") {
  CHECK(iso_utc(971211336) == "2000-10-10T20:55:36Z");
  CHECK(iso_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(iso_utc(951782400) == "2000-02-29T00:00:00Z");
  CHECK(iso_utc(-1) == "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace cutover
