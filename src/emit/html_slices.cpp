#include "emit/html_slices.h"

#include "emit/html_escape.h"
#include "emit/number_text.h"
#include "emit/plan_table.h"
#include "emit/source_link.h"

namespace cutover {
namespace {

constexpr std::size_t kKernelRows = 25;
constexpr std::size_t kWaveFunctionRows = 40;

std::string cut_rows(const PlanQuality& q) {
  std::string out;
  const auto row = [&](const CutFigures& c) {
    out += "<tr><td>" + html_escape(c.cut) + "</td><td>" + std::to_string(c.parts) + "</td><td>" +
           std::to_string(c.resolved_calls) + "</td><td>" + std::to_string(c.crossing_calls) +
           "</td><td>" + fixed2(100 * c.crossing_share) + "%</td><td>" +
           std::to_string(c.distributed_writes) + "</td></tr>\n";
  };
  row(q.families);
  for (const CutFigures& c : q.waves)
    row(c);
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : ", ") + html_escape(item);
  return out;
}

}  // namespace

std::string decommission_table(const Decommission& d, std::string_view id,
                               std::string_view source_url, std::size_t max_functions) {
  std::string out = "<table id=\"" + std::string(id) +
                    "\"><thead><tr><th>Kind</th><th>Name</th><th>Lines</th><th>Location</th>"
                    "<th>Why it is safe</th></tr></thead><tbody>\n";
  if (d.modules.empty() && d.functions.empty() && d.tables.empty())
    out += "<tr><td colspan=\"5\" class=\"empty\">Nothing yet.</td></tr>\n";
  const auto rows = [&](const std::vector<Removable>& items, const char* kind, std::size_t limit) {
    for (std::size_t i = 0; i < items.size() && i < limit; ++i) {
      const Removable& r = items[i];
      out += std::string("<tr><td>") + kind + "</td><td><code>" + html_escape(r.name) +
             "</code></td><td>" + (r.file.empty() ? "" : std::to_string(r.lines)) + "</td><td>" +
             (r.file.empty()
                  ? ""
                  : "<code>" + source_location_html(source_url, r.file, r.line) + "</code>") +
             "</td><td>" + html_escape(r.why) + "</td></tr>\n";
    }
  };
  rows(d.modules, "module", d.modules.size());
  rows(d.tables, "table", d.tables.size());
  rows(d.functions, "function", max_functions);
  if (d.functions.size() > max_functions) {
    out += "<tr><td colspan=\"5\" class=\"empty\">" +
           std::to_string(d.functions.size() - max_functions) +
           " more functions in the JSON.</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string slice_sections(const Inventory& inv, std::string_view source_url) {
  const Plan& plan = inv.plan;
  std::string out =
      "<h3 id=\"kernel\">Shared kernel</h3>\n<p class=\"sub\">Code in the endpoint slices of two "
      "or more families, by module, ranked by families × lines: extract it (a library, or a "
      "service both call) or choose one owner before the families separate.</p>\n"
      "<table id=\"kernel-table\"><thead><tr><th>Candidate</th><th>Functions</th><th>Lines</th>"
      "<th>Families</th></tr></thead><tbody>\n";
  if (plan.kernel.empty()) out += "<tr><td colspan=\"4\" class=\"empty\">None.</td></tr>\n";
  for (std::size_t i = 0; i < plan.kernel.size() && i < kKernelRows; ++i) {
    const KernelCandidate& k = plan.kernel[i];
    out += "<tr><td><code>" + html_escape(k.head) + "</code></td><td>" +
           std::to_string(k.units.size()) + "</td><td>" + std::to_string(k.lines) + "</td><td>" +
           joined(k.families) + "</td></tr>\n";
  }
  if (plan.kernel.size() > kKernelRows) {
    out += "<tr><td colspan=\"4\" class=\"empty\">" +
           std::to_string(plan.kernel.size() - kKernelRows) +
           " more in inventory.json (kernel).</td></tr>\n";
  }
  out +=
      "</tbody></table>\n<h3 id=\"quality\">What crosses the split</h3>\n<p class=\"sub\">Resolved "
      "calls between the slices' units of different parts, and endpoints whose slice writes a "
      "table another part writes (a distributed transaction once the parts are separate "
      "services): for every family apart, and after each wave as planned (its families apart, "
      "the rest still legacy).</p>\n<table id=\"quality-table\"><thead><tr><th>Cut</th>"
      "<th>Parts</th><th>Resolved calls</th><th>Crossing</th><th>Share</th><th>Distributed "
      "writes</th></tr></thead><tbody>\n" +
      cut_rows(plan.quality) + "</tbody></table>\n";
  out +=
      "<h3 id=\"decommission\">What legacy can delete, wave by wave</h3>\n<p class=\"sub\">Once "
      "a wave moved: code and tables its endpoints' slices used that nothing left in legacy "
      "uses (no endpoint, request hook, command, task or module-level code).</p>\n";
  for (const Wave& w : plan.waves) {
    out += "<details><summary>Wave " + std::to_string(w.number) + ": " +
           html_escape(removable_summary(w.removable)) + "</summary>" +
           decommission_table(w.removable, "decommission-wave-" + std::to_string(w.number),
                              source_url, kWaveFunctionRows) +
           "</details>\n";
  }
  return out;
}

}  // namespace cutover
