#include "emit/html_report.h"

#include <algorithm>
#include <map>
#include <vector>

#include "cutover_version.h"
#include "emit/graph_svg.h"
#include "emit/html_escape.h"
#include "emit/html_history.h"
#include "emit/html_matrix.h"
#include "emit/html_plan_sections.h"
#include "emit/html_progress.h"
#include "emit/html_slices.h"
#include "emit/json_writer.h"
#include "emit/source_link.h"
#include "report_assets.h"
#include "report_script_hash.h"

namespace cutover {
namespace {

std::string endpoint_rows(const Inventory& inv, std::string_view source_url) {
  if (inv.routes.empty())
    return "<tr><td colspan=\"7\" class=\"empty\">No endpoints found.</td></tr>";
  // Appended piece by piece into one string: no temporary per cell, and a
  // monolith has thousands of rows.
  std::string rows;
  rows.reserve(768 * inv.routes.size());
  const auto text = [&](std::string_view s) { rows += s; };
  const auto escaped = [&](std::string_view s) { append_html_escaped(rows, s); };
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    const std::string_view status =
        i < inv.plan.matrix.size() ? std::string_view(inv.plan.matrix[i].status) : "";
    // data-* attributes feed the filters (reports/report.js).
    text("<tr id=\"route-");
    escaped(r.id);
    text("\" data-family=\"");
    escaped(r.family);
    text("\" data-methods=\"");
    for (std::size_t m = 0; m < r.methods.size(); ++m) {
      if (m > 0) text(" ");
      escaped(r.methods[m]);
    }
    text("\" data-status=\"");
    escaped(status);
    if (r.partial) {
      text("\" class=\"partial\" title=\"");
      escaped(r.unresolved);
    }
    text("\"><td>");
    for (const std::string& m : r.methods) {
      text("<span class=\"method\">");
      escaped(m);
      text("</span>");
    }
    text("</td><td><code>");
    escaped(r.path);
    text("</code></td><td>");
    escaped(r.family);
    text("</td><td class=\"status-");
    escaped(status);
    text("\"><a href=\"#matrix-");
    escaped(r.id);
    text("\">");
    escaped(status);
    text("</a></td><td><code>");
    escaped(r.path_template);
    text("</code></td><td><code>");
    escaped(r.handler);
    text("</code></td><td><code>");
    text(source_location_html(source_url, r.file, r.line));
    text("</code></td></tr>\n");
  }
  return rows;
}

std::string cycle_list(const Inventory& inv) {
  if (inv.cycles.empty()) return "<p class=\"empty\">No import cycles.</p>";
  std::string out = "<ol id=\"cycle-list\">\n";
  for (const ImportCycle& c : inv.cycles) {
    out += "<li>";
    for (std::size_t i = 0; i < c.modules.size(); ++i) {
      out += (i ? " · <code>" : "<code>") + html_escape(c.modules[i]) + "</code>";
    }
    out += "</li>\n";
  }
  return out + "</ol>";
}

// Diagnostics grouped by code, largest group first, each group a table.
std::string diagnostic_groups(const Inventory& inv, std::string_view source_url) {
  if (inv.diagnostics.empty()) return "<p class=\"empty\">None.</p>";
  std::map<std::string, std::vector<const Diagnostic*>> by_code;
  for (const Diagnostic& d : inv.diagnostics)
    by_code[d.code].push_back(&d);
  std::vector<const std::pair<const std::string, std::vector<const Diagnostic*>>*> groups;
  for (const auto& group : by_code)
    groups.push_back(&group);
  std::stable_sort(groups.begin(), groups.end(), [](const auto* a, const auto* b) {
    return a->second.size() > b->second.size();
  });
  std::string out = "<div id=\"diagnostic-groups\">\n";
  for (const auto* group : groups) {
    const std::string severity(severity_name(group->second.front()->severity));
    out += "<details class=\"diagnostic-group\"><summary><span class=\"sev-" + severity + "\">" +
           severity + "</span> " + html_escape(group->first) + " (" +
           std::to_string(group->second.size()) +
           ")</summary><table><thead><tr><th>Location</th><th>Message</th></tr></thead><tbody>\n";
    for (const Diagnostic* d : group->second) {
      out += "<tr><td><code>" + source_location_html(source_url, d->file, d->line) +
             "</code></td><td>" + html_escape(d->message) + "</td></tr>\n";
    }
    out += "</tbody></table></details>\n";
  }
  return out + "</div>";
}

// The endpoints as JSON for scripts and people reading the page source.
// Inside <script>, "<", ">" and "&" are written as \u escapes so no
// scanned text can close the element.
std::string data_json(const Inventory& inv) {
  std::string text;
  JsonWriter w(text, JsonWriter::Layout::kCompact);
  w.begin_object();
  w.member("root", inv.root);
  w.key("routes");
  w.begin_array();
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    w.begin_object();
    w.member("id", r.id);
    w.member("methods", r.methods);
    w.member("path", r.path);
    w.member("family", r.family);
    w.member("status", i < inv.plan.matrix.size() ? inv.plan.matrix[i].status : "");
    w.member("handler", r.handler);
    w.member("file", r.file);
    w.member("line", r.line);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string graph_section(const Inventory& inv, const ReportGraphs& graphs) {
  const std::string& families = graphs.families;
  if (families.empty()) return "<p class=\"empty\">No endpoint families.</p>";
  std::string out = "<div class=\"graph\" id=\"family-graph\">" + families + "</div>\n";
  for (std::size_t i = 0; i < inv.families.size(); ++i) {
    const Family& f = inv.families[i];
    const std::string& modules = graphs.family_modules[i];
    if (modules.empty()) continue;
    out += "<details class=\"family-modules\"><summary>" + html_escape(f.name) + " (" +
           std::to_string(f.modules.size()) + " modules)</summary><div class=\"graph\">" + modules +
           "</div></details>\n";
  }
  return out;
}

std::string summary_cards(const Inventory& inv) {
  std::size_t partial = 0;
  for (const Route& r : inv.routes)
    partial += r.partial;
  const std::pair<const char*, std::size_t> cards[] = {
      {"endpoints", inv.routes.size()},     {"partial", partial},
      {"modules", inv.modules.size()},      {"files", inv.files.size()},
      {"import cycles", inv.cycles.size()}, {"diagnostics", inv.diagnostics.size()}};
  std::string out;
  for (const auto& [label, value] : cards) {
    out += "<div class=\"card\"><b>" + std::to_string(value) + "</b>" + label + "</div>";
  }
  return out;
}

}  // namespace

std::string render_html_report(const Inventory& inv, const HtmlReportOptions& options) {
  const std::string_view source_url = options.source_url;
  const std::map<std::string_view, std::string> slots = {
      {"@@ROOT@@", html_escape(inv.root)},
      {"@@VERSION@@", html_escape(kCutoverVersion)},
      {"@@SUMMARY_CARDS@@", summary_cards(inv)},
      {"@@ENDPOINT_ROWS@@", endpoint_rows(inv, source_url)},
      {"@@CYCLES@@", cycle_list(inv)},
      {"@@DIAGNOSTICS@@", diagnostic_groups(inv, source_url)},
      {"@@WAVE_ROWS@@", wave_rows(inv)},
      {"@@SLICE_SECTIONS@@", slice_sections(inv, source_url)},
      {"@@ADAPTERS@@", adapter_table(inv)},
      {"@@MATRIX@@", matrix_table(inv, source_url)},
      {"@@GRAPHS@@",
       graph_section(inv, options.graphs ? *options.graphs : draw_report_graphs(inv, nullptr, 1))},
      {"@@OVERVIEW@@", overview_tables(inv)},
      {"@@HISTORY@@", options.history ? history_section(*options.history) : ""},
      {"@@PROGRESS@@", options.progress ? progress_section(*options.progress, source_url) : ""},
      {"@@DATA_JSON@@", data_json(inv)},
      {"@@SCRIPT@@", std::string(assets::kReportJs)},
      {"@@SCRIPT_HASH@@", std::string(assets::kReportJsHash)},
  };
  // One left-to-right pass: text already substituted is never rescanned, so
  // scanned content that happens to contain "@@...@@" stays literal.
  const std::string_view tpl = assets::kReportHtml;
  std::size_t size = tpl.size();
  for (const auto& [name, content] : slots)
    size += content.size();
  std::string out;
  out.reserve(size);
  std::size_t i = 0;
  while (i < tpl.size()) {
    const std::size_t at = tpl.find("@@", i);
    if (at == std::string_view::npos) break;
    const std::size_t end = tpl.find("@@", at + 2);
    if (end == std::string_view::npos) break;
    const auto slot = slots.find(tpl.substr(at, end + 2 - at));
    if (slot == slots.end()) {
      out += tpl.substr(i, at + 2 - i);
      i = at + 2;
      continue;
    }
    out += tpl.substr(i, at - i);
    out += slot->second;
    i = end + 2;
  }
  out += tpl.substr(i);
  return out;
}

}  // namespace cutover
