#include "emit/html_traffic.h"

#include <algorithm>

#include "emit/html_escape.h"
#include "emit/number_text.h"
#include "emit/source_link.h"
#include "traffic/log_time.h"

namespace cutover {
namespace {

constexpr std::size_t kTopEndpoints = 25, kServedShown = 50, kUnmatchedShown = 20,
                      kNeverHitShown = 200;

std::string percent(std::uint64_t part, std::uint64_t whole) {
  return fixed2(whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0) + "%";
}

std::string bar(std::uint64_t part, std::uint64_t whole) {
  const std::string p = percent(part, whole);
  return "<span class=\"bar\"><span style=\"width:" + p + "\"></span></span> " + p;
}

std::string counts_text(const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  std::string out;
  for (const auto& [name, n] : counts)
    out += (out.empty() ? "" : " · ") + html_escape(name) + " " + std::to_string(n);
  return out;
}

std::string methods_text(const Route& r) {
  std::string out;
  for (const std::string& m : r.methods)
    out += (out.empty() ? "" : " ") + html_escape(m);
  return out;
}

std::string window_text(const TrafficSummary& t) {
  if (!t.window_first || !t.window_last) return "no timestamps";
  return iso_utc(*t.window_first) + " to " + iso_utc(*t.window_last);
}

}  // namespace

std::string traffic_section(const Inventory& inv, std::string_view source_url) {
  if (!inv.traffic) return "";
  const TrafficSummary& t = *inv.traffic;
  std::string files;
  for (std::size_t i = 0; i < t.log_files.size(); ++i) {
    files += (i ? ", " : "") + std::string("<code>") + html_escape(t.log_files[i]) + "</code> (" +
             html_escape(t.formats[i]) + ")";
  }
  std::string out =
      "<h2 id=\"traffic\">Traffic</h2>\n<p class=\"sub\">" + std::to_string(t.requests) +
      " requests in " + std::to_string(t.lines) + " lines of " + files + ", " +
      html_escape(window_text(t)) + "; " + std::to_string(t.malformed) +
      " malformed lines skipped. " + std::to_string(t.matched) + " requests (" +
      percent(t.matched, t.requests) +
      ") matched to routes as their framework routes them. Counts and path templates only: no "
      "address, user, query string or identifier.</p>\n";

  out +=
      "<h3>Requests per family</h3>\n<table id=\"traffic-family-table\"><thead><tr><th>Family"
      "</th><th>Requests</th><th>Share</th><th>Reads (GET, HEAD)</th><th>Endpoints hit</th>"
      "</tr></thead><tbody>\n";
  std::vector<const FamilyTraffic*> families;
  for (const FamilyTraffic& f : t.families)
    families.push_back(&f);
  std::stable_sort(families.begin(), families.end(),
                   [](const auto* a, const auto* b) { return a->hits > b->hits; });
  for (const FamilyTraffic* f : families) {
    out += "<tr><td>" + html_escape(f->family) + "</td><td>" + std::to_string(f->hits) +
           "</td><td>" + bar(f->hits, t.matched) + "</td><td>" + percent(f->reads, f->hits) +
           "</td><td>" + std::to_string(f->endpoints_hit) + " of " + std::to_string(f->endpoints) +
           "</td></tr>\n";
  }
  out += "</tbody></table>\n";

  out +=
      "<h3>Busiest endpoints</h3>\n<table id=\"traffic-top-table\"><thead><tr><th>Methods</th>"
      "<th>Path</th><th>Family</th><th>Requests</th><th>Share</th><th>By method</th><th>By "
      "status</th><th>p50 / p95</th></tr></thead><tbody>\n";
  std::vector<const RouteTraffic*> top;
  for (const RouteTraffic& r : t.routes)
    top.push_back(&r);
  std::stable_sort(top.begin(), top.end(),
                   [](const auto* a, const auto* b) { return a->hits > b->hits; });
  if (top.size() > kTopEndpoints) top.resize(kTopEndpoints);
  if (top.empty())
    out += "<tr><td colspan=\"8\" class=\"empty\">No request matched a route.</td></tr>\n";
  for (const RouteTraffic* r : top) {
    const Route& route = inv.routes[r->route];
    out += "<tr><td>" + methods_text(route) + "</td><td><code>" + html_escape(route.path_template) +
           "</code></td><td>" + html_escape(route.family) + "</td><td>" + std::to_string(r->hits) +
           "</td><td>" + bar(r->hits, t.matched) + "</td><td>" + counts_text(r->methods) +
           "</td><td>" + counts_text(r->status) + "</td><td>" +
           (r->p50_ms ? fixed3(*r->p50_ms) + " / " + fixed3(*r->p95_ms) + " ms" : "—") +
           "</td></tr>\n";
  }
  out += "</tbody></table>\n";

  std::string served, other;
  std::size_t served_rows = 0, other_rows = 0;
  for (const UnmatchedTraffic& u : t.unmatched) {
    const bool is_served = u.served && u.method != "-";
    std::size_t& rows = is_served ? served_rows : other_rows;
    if (rows >= (is_served ? kServedShown : kUnmatchedShown)) continue;
    ++rows;
    (is_served ? served : other) += "<tr><td>" + html_escape(u.method) + "</td><td><code>" +
                                    html_escape(u.path_template) + "</code></td><td>" +
                                    (u.status ? std::to_string(u.status) : "—") + "</td><td>" +
                                    std::to_string(u.hits) + "</td></tr>\n";
  }
  const std::string head =
      "<thead><tr><th>Method</th><th>Path template</th><th>Status</th>"
      "<th>Requests</th></tr></thead><tbody>\n";
  out +=
      "<h3>Served but not in the inventory</h3>\n<p class=\"sub\">Requests answered 2xx or "
      "3xx that no route matches: routes the static scan may have missed.</p>\n"
      "<table id=\"traffic-served-table\">" +
      head + (served.empty() ? "<tr><td colspan=\"4\" class=\"empty\">None.</td></tr>\n" : served) +
      "</tbody></table>\n";
  out += "<h3>Other unmatched requests</h3>\n<table id=\"traffic-unmatched-table\">" + head +
         (other.empty() ? "<tr><td colspan=\"4\" class=\"empty\">None.</td></tr>\n" : other) +
         "</tbody></table>\n";

  out += "<h3>Never hit</h3>\n<p class=\"sub\">" + std::to_string(t.never_hit.size()) +
         " endpoints no request reached in the window: proposed for deprecation in the matrix "
         "(a proposal: deprecating stays your call).</p>\n<table id=\"traffic-never-table\">"
         "<thead><tr><th>Methods</th><th>Path</th><th>Family</th><th>Location</th></tr></thead>"
         "<tbody>\n";
  for (std::size_t k = 0; k < t.never_hit.size() && k < kNeverHitShown; ++k) {
    const Route& r = inv.routes[t.never_hit[k]];
    out += "<tr><td>" + methods_text(r) + "</td><td><code>" + html_escape(r.path_template) +
           "</code></td><td>" + html_escape(r.family) + "</td><td><code>" +
           source_location_html(source_url, r.file, r.line) + "</code></td></tr>\n";
  }
  if (t.never_hit.size() > kNeverHitShown) {
    out += "<tr><td colspan=\"4\" class=\"empty\">and " +
           std::to_string(t.never_hit.size() - kNeverHitShown) +
           " more (inventory.json, "
           "traffic.never_hit)</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

}  // namespace cutover
