#pragma once
// What one thread counts while it reads log chunks, merged at the end. The
// size is bounded by the routes and the unmatched templates, never by the
// lines: durations go into a log-linear histogram per route (quantiles
// within 1/64 of their value, exact below 64 µs).

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cutover {

class DurationHistogram {
 public:
  void add(std::int64_t microseconds, std::uint64_t count = 1);
  void merge(const DurationHistogram& other);
  bool empty() const { return total_ == 0; }
  // The nearest-rank quantile q (0 < q ≤ 1), in milliseconds: its bucket's midpoint.
  double quantile_ms(double q) const;

  static std::size_t bucket_of(std::uint64_t microseconds);
  static double bucket_midpoint_us(std::size_t bucket);

 private:
  std::vector<std::uint64_t> counts_;  // allocated at the first value
  std::uint64_t total_ = 0;
};

// The standard methods, then "OTHER": what keys the counts.
inline constexpr std::string_view kCountedMethods[] = {
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "OTHER"};
// Index into kCountedMethods of the method a request names.
std::size_t counted_method_index(std::string_view method);
inline std::string_view counted_method(std::string_view method) {
  return kCountedMethods[counted_method_index(method)];
}

// "2xx" … "5xx", "1xx", or "none" (no status in the log, or outside 100-599).
std::string_view status_class(std::uint32_t status);

struct RouteCounts {
  std::uint64_t hits = 0;
  std::uint64_t slash_redirects = 0;
  std::array<std::uint64_t, std::size(kCountedMethods)> methods{};  // by counted method
  std::array<std::uint64_t, 6> status{};                            // none, 1xx … 5xx
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  DurationHistogram durations;

  void merge(const RouteCounts& other);
};

struct TrafficCounts {
  // Distinct unmatched (method, template, status) keys one thread keeps;
  // requests past that are counted in unmatched_overflow.
  static constexpr std::size_t kMaxUnmatchedKeys = 100'000;

  explicit TrafficCounts(std::size_t routes = 0) : routes(routes) {}

  std::vector<RouteCounts> routes;                           // by route index
  std::unordered_map<std::string, std::uint64_t> unmatched;  // "METHOD\nTEMPLATE\nSTATUS"
  std::uint64_t unmatched_overflow = 0;
  std::uint64_t lines = 0, malformed = 0, requests = 0, matched = 0;
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  std::int64_t last = std::numeric_limits<std::int64_t>::min();

  struct Request {
    std::string_view method;
    std::uint32_t status = 0;
    std::optional<std::int64_t> time, last_time;
    std::int64_t duration_us = -1;
    std::uint64_t count = 1;
  };
  void add_matched(std::size_t route, const Request& r, bool slash_redirect);
  void add_unmatched(std::string_view method, std::string_view path_template, const Request& r);
  void merge(const TrafficCounts& other);

 private:
  void add_window(const Request& r);
};

}  // namespace cutover
