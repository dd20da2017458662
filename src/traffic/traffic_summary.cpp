#include "traffic/traffic_summary.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <tuple>

#include "traffic/traffic_analysis.h"

namespace cutover {
namespace {

std::optional<std::int64_t> seen(std::int64_t t) {
  if (t == std::numeric_limits<std::int64_t>::max() ||
      t == std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return t;
}

}  // namespace

TrafficSummary summarise_traffic(const Inventory& inv, const TrafficCounts& counts,
                                 const std::vector<std::size_t>& unmatchable,
                                 const std::vector<std::size_t>& disabled,
                                 std::vector<Diagnostic>& diagnostics) {
  TrafficSummary s;
  s.lines = counts.lines;
  s.malformed = counts.malformed;
  s.requests = counts.requests;
  s.matched = counts.matched;
  s.window_first = seen(counts.first);
  s.window_last = seen(counts.last);
  // Indices past the app's routes are the framework's own (see analyse_traffic).
  const auto app_only = [&](const std::vector<std::size_t>& v) {
    std::vector<std::size_t> out;
    std::copy_if(v.begin(), v.end(), std::back_inserter(out),
                 [&](std::size_t i) { return i < inv.routes.size(); });
    return out;
  };
  s.unmatchable = app_only(unmatchable);
  s.disabled = app_only(disabled);
  for (std::size_t i = inv.routes.size(); i < counts.routes.size(); ++i)
    s.auto_hits += counts.routes[i].hits;
  std::map<std::string, FamilyTraffic> families;
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    if (r.origin != "app") continue;
    const RouteCounts empty;
    const RouteCounts& c = i < counts.routes.size() ? counts.routes[i] : empty;
    FamilyTraffic& family = families[r.family];
    family.family = r.family;
    ++family.endpoints;
    if (c.hits == 0) {
      if (!std::binary_search(unmatchable.begin(), unmatchable.end(), i) &&
          !std::binary_search(disabled.begin(), disabled.end(), i))
        s.never_hit.push_back(i);
      continue;
    }
    ++family.endpoints_hit;
    family.hits += c.hits;
    RouteTraffic t{.route = i, .hits = c.hits, .slash_redirects = c.slash_redirects};
    for (std::size_t m = 0; m < c.methods.size(); ++m) {
      if (!c.methods[m]) continue;
      t.methods.emplace_back(std::string(kCountedMethods[m]), c.methods[m]);
      if (kCountedMethods[m] == "GET" || kCountedMethods[m] == "HEAD") family.reads += c.methods[m];
    }
    std::sort(t.methods.begin(), t.methods.end());
    for (std::size_t k = 0; k < c.status.size(); ++k) {
      if (c.status[k])
        t.status.emplace_back(
            std::string(status_class(k ? static_cast<std::uint32_t>(k * 100) : 0)), c.status[k]);
    }
    std::sort(t.status.begin(), t.status.end());
    t.first_seen = seen(c.first);
    t.last_seen = seen(c.last);
    if (!c.durations.empty()) {
      t.p50_ms = c.durations.quantile_ms(0.5);
      t.p95_ms = c.durations.quantile_ms(0.95);
    }
    s.routes.push_back(std::move(t));
  }
  for (auto& [name, family] : families)
    s.families.push_back(std::move(family));

  std::vector<UnmatchedTraffic> unmatched;
  unmatched.reserve(counts.unmatched.size());
  for (const auto& [key, hits] : counts.unmatched) {
    const std::size_t a = key.find('\n');
    const std::size_t b = key.rfind('\n');
    UnmatchedTraffic u{.method = key.substr(0, a),
                       .path_template = key.substr(a + 1, b - a - 1),
                       .status = static_cast<std::uint32_t>(std::stoul(key.substr(b + 1))),
                       .hits = hits};
    u.served = u.status >= 200 && u.status < 400;
    unmatched.push_back(std::move(u));
  }
  std::sort(unmatched.begin(), unmatched.end(),
            [](const UnmatchedTraffic& x, const UnmatchedTraffic& y) {
              if (x.hits != y.hits) return x.hits > y.hits;
              return std::tie(x.method, x.path_template, x.status) <
                     std::tie(y.method, y.path_template, y.status);
            });
  s.unmatched_omitted = counts.unmatched_overflow;
  std::uint64_t served = 0, served_templates = 0;
  std::vector<const UnmatchedTraffic*> examples;
  for (const UnmatchedTraffic& u : unmatched) {
    if (!u.served || u.method == "-") continue;
    served += u.hits;
    ++served_templates;
    if (examples.size() < 3) examples.push_back(&u);
  }
  if (unmatched.size() > kMaxUnmatchedListed) {
    for (std::size_t i = kMaxUnmatchedListed; i < unmatched.size(); ++i)
      s.unmatched_omitted += unmatched[i].hits;
    unmatched.resize(kMaxUnmatchedListed);
  }
  s.unmatched = std::move(unmatched);
  if (served) {
    std::string list;
    for (const UnmatchedTraffic* u : examples) {
      list += (list.empty() ? "" : ", ") + u->method + " " + u->path_template + " (" +
              std::to_string(u->status) + ", " + std::to_string(u->hits) + ")";
    }
    diagnostics.push_back({"", 0, Severity::kWarning, "served-but-not-in-inventory",
                           std::to_string(served) + " requests to " +
                               std::to_string(served_templates) +
                               " path templates were answered 2xx/3xx but match no route of the "
                               "inventory (routes the scan may have missed): " +
                               list});
  }
  return s;
}

}  // namespace cutover
