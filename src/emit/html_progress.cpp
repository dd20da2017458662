#include "emit/html_progress.h"

#include "emit/html_escape.h"
#include "emit/html_slices.h"
#include "emit/number_text.h"
#include "emit/source_link.h"
#include "track/progress.h"

namespace cutover {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator = " ") {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : separator) + html_escape(item);
  return out;
}

std::string counts_row(const ProgressCounts& c, const std::string& label) {
  std::string out = "<tr><td>" + label + "</td>";
  for (std::uint32_t n :
       {c.endpoints, c.migrated, c.mismatched, c.split, c.remaining, c.deprecated}) {
    out += "<td>" + std::to_string(n) + "</td>";
  }
  const std::string percent = fixed2(c.percent);
  return out + "<td><span class=\"bar\"><span style=\"width:" + percent + "%\"></span></span> " +
         percent + "%</td></tr>\n";
}

// Breaking differences first, as the status counts them; the others are
// marked compatible.
std::string differences_html(const std::vector<ContractDifference>& differences) {
  std::vector<std::string> items;
  for (bool breaking : {true, false}) {
    for (const ContractDifference& d : differences) {
      if (d.breaking == breaking)
        items.push_back((breaking ? "" : "(compatible) ") + difference_text(d));
    }
  }
  return html_list(items);
}

}  // namespace

std::string progress_section(const Progress& p, std::string_view source_url) {
  std::string out =
      "<h2 id=\"progress\">Progress</h2>\n<p class=\"sub\">Legacy endpoints of <code>" +
      html_escape(p.legacy_root) + "</code> matched to the FastAPI routes of <code>" +
      html_escape(p.target_root) +
      "</code> by method and path template. Percent: methods moved, of those not "
      "deprecated.</p>\n<table id=\"progress-family-table\"><thead><tr><th>Family</th>"
      "<th>Endpoints</th><th>Migrated</th><th>Mismatched</th><th>Split</th><th>Remaining</th>"
      "<th>Deprecated</th><th>Moved</th></tr></thead><tbody>\n";
  for (const ProgressCounts& c : p.families)
    out += counts_row(c, html_escape(c.name));
  out += "</tbody><tfoot>" + counts_row(p.overall, "<b>all</b>") + "</tfoot></table>\n";
  if (p.traffic) {
    // The share of requests already served by FastAPI, from the access logs.
    out += "<p id=\"progress-traffic\">Traffic moved: <b>" + fixed2(p.overall.traffic_percent) +
           "%</b> of the requests to endpoints not deprecated (" +
           std::to_string(p.overall.requests_moved) + " of " + std::to_string(p.overall.requests) +
           ")";
    for (const ProgressCounts& c : p.families) {
      if (c.requests == 0) continue;
      out += "; " + html_escape(c.name) + " " + fixed2(c.traffic_percent) + "%";
    }
    out += ".</p>\n";
  }

  out +=
      "<table id=\"progress-table\"><thead><tr><th>Methods</th><th>Legacy path</th><th>Family"
      "</th><th>Status</th><th>Moved</th><th>Still legacy</th><th>FastAPI path</th><th>Contract "
      "changes</th><th>Location</th></tr></thead><tbody>\n";
  if (p.endpoints.empty())
    out += "<tr><td colspan=\"9\" class=\"empty\">No legacy endpoints.</td></tr>\n";
  for (const EndpointProgress& e : p.endpoints) {
    out += "<tr data-status=\"" + html_escape(e.status) + "\"><td>" + joined(e.methods) +
           "</td><td><code>" + html_escape(e.path) + "</code></td><td>" + html_escape(e.family) +
           "</td><td class=\"progress-" + html_escape(e.status) + "\">" + html_escape(e.status) +
           "</td><td>" + joined(e.methods_migrated) + "</td><td>" + joined(e.methods_remaining) +
           "</td><td><code>" + html_escape(e.target_path) + "</code></td><td>" +
           differences_html(e.differences) + "</td><td><code>" +
           source_location_html(source_url, e.file, e.line) + "</code></td></tr>\n";
  }
  out +=
      "</tbody></table>\n<h3>New in FastAPI</h3>\n<table id=\"new-routes-table\"><thead><tr>"
      "<th>Methods</th><th>Path</th><th>Handler</th><th>Location</th></tr></thead><tbody>\n";
  if (p.new_routes.empty()) out += "<tr><td colspan=\"4\" class=\"empty\">None.</td></tr>\n";
  for (const NewRoute& r : p.new_routes) {
    out += "<tr><td>" + joined(r.methods) + "</td><td><code>" + html_escape(r.path) +
           "</code></td><td><code>" + html_escape(r.handler) + "</code></td><td><code>" +
           html_escape(r.file + ":" + std::to_string(r.line)) + "</code></td></tr>\n";
  }
  out +=
      "</tbody></table>\n<h3 id=\"decommission-now\">What legacy can delete now</h3>\n<p "
      "class=\"sub\">Code and tables only migrated or deprecated endpoints used: no endpoint "
      "still in legacy, request hook, command, task or module-level code uses them.</p>\n";
  return out + decommission_table(p.decommission, "decommission-table", source_url, 500);
}

}  // namespace cutover
