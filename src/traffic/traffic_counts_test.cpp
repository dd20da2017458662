// Counting per thread, merging, and the duration histogram's quantiles.

#include "traffic/traffic_counts.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("histogram quantiles are exact below 64 µs and within 1/64 above", "[unit][traffic]") {
  DurationHistogram h;
  for (int us = 1; us <= 50; ++us)
    h.add(us);
  CHECK(h.quantile_ms(0.5) == Approx(0.025));
  CHECK(h.quantile_ms(0.95) == Approx(0.048));
  DurationHistogram ms;
  for (int i = 0; i < 95; ++i)
    ms.add(12000);
  for (int i = 0; i < 5; ++i)
    ms.add(900000);
  CHECK(ms.quantile_ms(0.5) == Approx(12.0).epsilon(1.0 / 64));
  CHECK(ms.quantile_ms(0.95) == Approx(12.0).epsilon(1.0 / 64));
  CHECK(ms.quantile_ms(0.96) == Approx(900.0).epsilon(1.0 / 64));
  for (std::uint64_t v : {0ull, 63ull, 64ull, 1000ull, 123456789ull}) {
    CAPTURE(v);
    const double mid = DurationHistogram::bucket_midpoint_us(DurationHistogram::bucket_of(v));
    CHECK(std::abs(mid - static_cast<double>(v)) <= static_cast<double>(v) / 64 + 0.5);
  }
}

TEST_CASE("counts merge into the same totals whatever the split", "[unit][traffic]") {
  TrafficCounts a(2), b(2), all(2);
  const TrafficCounts::Request get{
      .method = "GET", .status = 200, .time = 100, .duration_us = 5000};
  const TrafficCounts::Request post{.method = "POST", .status = 500, .time = 50};
  const TrafficCounts::Request miss{.method = "GET", .status = 404, .time = 300};
  a.add_matched(0, get, false);
  b.add_matched(0, post, false);
  b.add_unmatched("GET", "/x/{id}", miss);
  for (const auto* r : {&get, &post})
    all.add_matched(0, *r, false);
  all.add_unmatched("GET", "/x/{id}", miss);
  a.merge(b);
  CHECK(a.requests == all.requests);
  CHECK(a.matched == 2);
  CHECK(a.first == 50);
  CHECK(a.last == 300);
  CHECK(a.routes[0].hits == 2);
  CHECK(a.routes[0].status[2] == 1);
  CHECK(a.routes[0].status[5] == 1);
  CHECK(a.routes[0].first == 50);
  CHECK(a.routes[0].last == 100);
  CHECK(a.unmatched.at("GET\n/x/{id}\n404") == 1);
  CHECK(counted_method("PROPFIND") == "OTHER");
  CHECK(status_class(302) == "3xx");
  CHECK(status_class(0) == "none");
}

}  // namespace
}  // namespace cutover
