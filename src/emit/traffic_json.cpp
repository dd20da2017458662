#include "emit/traffic_json.h"

#include <cmath>

#include "traffic/log_time.h"

namespace cutover {
namespace {

void write_time(JsonWriter& w, std::string_view key, const std::optional<std::int64_t>& t) {
  w.key(key);
  if (t)
    w.value(iso_utc(*t));
  else
    w.null_value();
}

void write_counts(JsonWriter& w, std::string_view key,
                  const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  w.key(key);
  w.begin_object();
  for (const auto& [name, n] : counts)
    w.member(name, n);
  w.end_object();
}

}  // namespace

double traffic_share(std::uint64_t value, std::uint64_t total) {
  if (total == 0) return 0;
  return std::round(static_cast<double>(value) / static_cast<double>(total) * 10000) / 10000;
}

void write_traffic_member(JsonWriter& w, const Inventory& inv) {
  if (!inv.traffic) return;
  const TrafficSummary& t = *inv.traffic;
  w.key("traffic");
  w.begin_object();
  w.member("log_files", t.log_files);
  w.member("formats", t.formats);
  if (!t.mount_prefix.empty()) w.member("mount_prefix", t.mount_prefix);
  w.member("lines", t.lines);
  w.member("malformed", t.malformed);
  w.member("requests", t.requests);
  w.member("matched", t.matched);
  w.member("auto_hits", t.auto_hits);
  w.key("window");
  w.begin_object();
  write_time(w, "first", t.window_first);
  write_time(w, "last", t.window_last);
  w.end_object();
  w.key("routes");
  w.begin_array();
  for (const RouteTraffic& r : t.routes) {
    const Route& route = inv.routes[r.route];
    w.begin_object();
    w.member("route", route.id);
    w.member("path", route.path_template);
    w.member("hits", r.hits);
    write_counts(w, "methods", r.methods);
    write_counts(w, "status", r.status);
    if (r.slash_redirects) w.member("slash_redirects", r.slash_redirects);
    write_time(w, "first_seen", r.first_seen);
    write_time(w, "last_seen", r.last_seen);
    if (r.p50_ms) w.member("p50_ms", *r.p50_ms);
    if (r.p95_ms) w.member("p95_ms", *r.p95_ms);
    w.end_object();
  }
  w.end_array();
  w.key("families");
  w.begin_array();
  for (const FamilyTraffic& f : t.families) {
    w.begin_object();
    w.member("family", f.family);
    w.member("hits", f.hits);
    w.member("share", traffic_share(f.hits, t.matched));
    w.member("reads", f.reads);
    w.member("read_share", traffic_share(f.reads, f.hits));
    w.member("endpoints", f.endpoints);
    w.member("endpoints_hit", f.endpoints_hit);
    w.end_object();
  }
  w.end_array();
  w.key("unmatched");
  w.begin_array();
  for (const UnmatchedTraffic& u : t.unmatched) {
    w.begin_object();
    w.member("method", u.method);
    w.member("path_template", u.path_template);
    w.member("status", u.status);
    w.member("hits", u.hits);
    if (u.served && u.method != "-") w.member("diagnostic", "served-but-not-in-inventory");
    w.end_object();
  }
  w.end_array();
  w.member("unmatched_omitted", t.unmatched_omitted);
  w.key("never_hit");
  w.begin_array();
  for (std::size_t i : t.never_hit)
    w.value(inv.routes[i].id);
  w.end_array();
  w.key("unmatchable");
  w.begin_array();
  for (std::size_t i : t.unmatchable)
    w.value(inv.routes[i].id);
  w.end_array();
  w.key("disabled_by_default");
  w.begin_array();
  for (std::size_t i : t.disabled)
    w.value(inv.routes[i].id);
  w.end_array();
  w.end_object();
}

}  // namespace cutover
