#include "traffic/traffic_counts.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cutover {
namespace {

constexpr std::size_t kExact = 64;       // values below: one bucket each
constexpr std::size_t kSubBuckets = 32;  // per power of two above
constexpr std::size_t kBuckets = kExact + 40 * kSubBuckets;

}  // namespace

std::size_t DurationHistogram::bucket_of(std::uint64_t us) {
  if (us < kExact) return static_cast<std::size_t>(us);
  // us in [2^k, 2^(k+1)), k >= 6: 32 buckets of 2^(k-5) each.
  const int shift = std::bit_width(us) - 6;  // >= 1
  const std::uint64_t sub = us >> shift;     // [32, 63]
  const std::size_t bucket = kExact + static_cast<std::size_t>(shift - 1) * kSubBuckets +
                             static_cast<std::size_t>(sub - 32);
  return std::min(bucket, kBuckets - 1);
}

double DurationHistogram::bucket_midpoint_us(std::size_t bucket) {
  if (bucket < kExact) return static_cast<double>(bucket);
  const std::size_t shift = (bucket - kExact) / kSubBuckets + 1;
  const std::uint64_t sub = (bucket - kExact) % kSubBuckets + 32;
  const double low = std::ldexp(static_cast<double>(sub), static_cast<int>(shift));
  return low + std::ldexp(1.0, static_cast<int>(shift)) / 2;
}

void DurationHistogram::add(std::int64_t us, std::uint64_t count) {
  if (us < 0 || count == 0) return;
  if (counts_.empty()) counts_.resize(kBuckets);
  counts_[bucket_of(static_cast<std::uint64_t>(us))] += count;
  total_ += count;
}

void DurationHistogram::merge(const DurationHistogram& other) {
  if (other.total_ == 0) return;
  if (counts_.empty()) counts_.resize(kBuckets);
  for (std::size_t i = 0; i < kBuckets; ++i)
    counts_[i] += other.counts_[i];
  total_ += other.total_;
}

double DurationHistogram::quantile_ms(double q) const {
  if (total_ == 0) return 0;
  const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total_)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= std::max<std::uint64_t>(rank, 1)) return std::round(bucket_midpoint_us(i)) / 1000.0;
  }
  return std::round(bucket_midpoint_us(counts_.size() - 1)) / 1000.0;
}

std::size_t counted_method_index(std::string_view method) {
  for (std::size_t i = 0; i + 1 < std::size(kCountedMethods); ++i) {
    if (kCountedMethods[i] == method) return i;
  }
  return std::size(kCountedMethods) - 1;
}

std::string_view status_class(std::uint32_t status) {
  static constexpr std::string_view kClasses[] = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};
  return kClasses[status >= 100 && status < 600 ? status / 100 : 0];
}

void RouteCounts::merge(const RouteCounts& other) {
  hits += other.hits;
  slash_redirects += other.slash_redirects;
  for (std::size_t i = 0; i < methods.size(); ++i)
    methods[i] += other.methods[i];
  for (std::size_t i = 0; i < status.size(); ++i)
    status[i] += other.status[i];
  first = std::min(first, other.first);
  last = std::max(last, other.last);
  durations.merge(other.durations);
}

void TrafficCounts::add_window(const Request& r) {
  if (r.time) first = std::min(first, *r.time);
  if (r.last_time)
    last = std::max(last, *r.last_time);
  else if (r.time)
    last = std::max(last, *r.time);
}

void TrafficCounts::add_matched(std::size_t route, const Request& r, bool slash_redirect) {
  requests += r.count;
  matched += r.count;
  add_window(r);
  RouteCounts& c = routes[route];
  c.hits += r.count;
  if (slash_redirect) c.slash_redirects += r.count;
  c.methods[counted_method_index(r.method)] += r.count;
  c.status[r.status >= 100 && r.status < 600 ? r.status / 100 : 0] += r.count;
  if (r.time) c.first = std::min(c.first, *r.time);
  if (r.last_time)
    c.last = std::max(c.last, *r.last_time);
  else if (r.time)
    c.last = std::max(c.last, *r.time);
  if (r.duration_us >= 0) c.durations.add(r.duration_us, r.count);
}

void TrafficCounts::add_unmatched(std::string_view method, std::string_view path_template,
                                  const Request& r) {
  requests += r.count;
  add_window(r);
  std::string key;
  key.reserve(method.size() + path_template.size() + 6);
  key += method;
  key += '\n';
  key += path_template;
  key += '\n';
  key += std::to_string(r.status);
  const auto found = unmatched.find(key);
  if (found != unmatched.end()) {
    found->second += r.count;
  } else if (unmatched.size() < kMaxUnmatchedKeys) {
    unmatched.emplace(std::move(key), r.count);
  } else {
    unmatched_overflow += r.count;
  }
}

void TrafficCounts::merge(const TrafficCounts& other) {
  if (routes.size() < other.routes.size()) routes.resize(other.routes.size());
  for (std::size_t i = 0; i < other.routes.size(); ++i) {
    if (other.routes[i].hits) routes[i].merge(other.routes[i]);
  }
  for (const auto& [key, n] : other.unmatched)
    unmatched[key] += n;
  unmatched_overflow += other.unmatched_overflow;
  lines += other.lines;
  malformed += other.malformed;
  requests += other.requests;
  matched += other.matched;
  first = std::min(first, other.first);
  last = std::max(last, other.last);
}

}  // namespace cutover
