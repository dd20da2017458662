#include "emit/html_report.h"

#include <algorithm>
#include <map>
#include <vector>

#include "cutover_version.h"
#include "emit/graph_svg.h"
#include "emit/html_assessment.h"
#include "emit/html_escape.h"
#include "emit/html_history.h"
#include "emit/html_matrix.h"
#include "emit/html_plan_sections.h"
#include "emit/html_progress.h"
#include "emit/html_slices.h"
#include "emit/html_traffic.h"
#include "emit/json_writer.h"
#include "emit/source_link.h"
#include "report_assets.h"
#include "report_script_hash.h"

namespace cutover {
namespace {

std::string cycle_list(const Inventory& inv) {
  if (inv.cycles.empty()) return "<p class=\"empty\">No import cycles.</p>";
  std::vector<std::string> lines;
  for (const ImportCycle& c : inv.cycles) {
    std::string line;
    for (std::size_t i = 0; i < c.modules.size(); ++i)
      line += (i ? " · " : "") + c.modules[i];
    lines.push_back(std::move(line));
  }
  return "<div id=\"cycle-list\">" + html_collapsed_list(lines, 5) + "</div>";
}

// Diagnostics grouped by code, largest group first; a group's rows are
// drawn from the data block when it is opened.
std::string diagnostic_groups(const Inventory& inv) {
  if (inv.diagnostics.empty()) return "<p class=\"empty\">None.</p>";
  std::map<std::string, std::size_t> by_code;
  std::map<std::string, Severity> severity;
  for (const Diagnostic& d : inv.diagnostics) {
    ++by_code[d.code];
    severity.emplace(d.code, d.severity);
  }
  std::vector<std::pair<std::string, std::size_t>> groups(by_code.begin(), by_code.end());
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out = "<div id=\"diagnostic-groups\">\n";
  for (const auto& [code, n] : groups) {
    const std::string level(severity_name(severity[code]));
    out += "<details class=\"diagnostic-group\" data-code=\"" + html_escape(code) +
           "\"><summary><span class=\"sev-" + level + "\">" + level + "</span> " +
           html_escape(code) + " (" + std::to_string(n) +
           ")</summary><table><thead><tr><th>Location</th><th>Message</th></tr></thead>"
           "<tbody></tbody></table></details>\n";
  }
  return out + "</div>";
}

// A source location for the script: its text and, when there is one, its link.
void location(JsonWriter& w, std::string_view key, std::string_view source_url,
              std::string_view file, std::uint32_t line) {
  w.key(key);
  w.begin_array();
  w.value(file.empty() ? std::string()
                       : std::string(file) + (line ? ":" + std::to_string(line) : ""));
  w.value(source_href(source_url, file, line));
  w.end_array();
}

// Everything the script draws on demand (endpoint rows, a family's matrix
// rows, modules, diagnostics), as JSON. Inside <script>, "<", ">" and "&"
// are written as \u escapes so no scanned text can close the element.
std::string data_json(const Inventory& inv, std::string_view source_url) {
  std::string text;
  JsonWriter w(text, JsonWriter::Layout::kCompact);
  w.begin_object();
  w.member("root", inv.root);
  w.key("routes");
  w.begin_array();
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    const MatrixRow* row = i < inv.plan.matrix.size() ? &inv.plan.matrix[i] : nullptr;
    w.begin_object();
    w.member("id", r.id);
    w.member("methods", r.methods);
    w.member("path", r.path);
    w.member("template", r.path_template);
    w.member("family", r.family);
    w.member("status", row ? row->status : "");
    w.member("resolution", route_resolution(r));
    w.member("unresolved", r.unresolved);
    w.member("handler", r.handler);
    location(w, "at", source_url, r.file, r.line);
    location(w, "view", source_url, r.handler_file, r.handler_line);
    w.key("adapters");
    w.begin_array();
    if (row) {
      for (const Adapter& a : row->adapters) {
        w.begin_array();
        w.value(a.id);
        w.value(a.evidence +
                (a.file.empty() ? "" : " at " + a.file + ":" + std::to_string(a.line)));
        w.value(source_href(source_url, a.file, a.line));
        w.end_array();
      }
    }
    w.end_array();
    w.member("blockers", row ? row->blockers : std::vector<std::string>{});
    w.member("deprecated_by", row ? row->deprecated_by : "");
    w.end_object();
  }
  w.end_array();
  w.key("modules");
  w.begin_array();
  for (const Module& m : inv.modules) {
    w.begin_array();
    w.value(m.name);
    w.value(m.family);
    w.value(m.fan_in);
    w.value(m.fan_out);
    w.value(m.blast_radius);
    w.value(source_href(source_url, m.path, 1));
    w.end_array();
  }
  w.end_array();
  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : inv.diagnostics) {
    w.begin_array();
    w.value(d.code);
    w.value(d.file.empty() ? std::string() : d.file + (d.line ? ":" + std::to_string(d.line) : ""));
    w.value(source_href(source_url, d.file, d.line));
    w.value(d.message);
    w.end_array();
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

// Graphs are large SVGs: each waits in a <template> (not part of the page's
// DOM) until its <details> is opened.
std::string graph_section(const Inventory& inv, const ReportGraphs& graphs) {
  const std::string& families = graphs.families;
  if (families.empty()) return "<p class=\"empty\">No endpoint families.</p>";
  std::string out =
      "<details class=\"lazy-graph\" id=\"family-graph-section\"><summary>Family graph</summary>"
      "<div class=\"graph\" id=\"family-graph\"></div><template>" +
      families + "</template></details>\n";
  for (std::size_t i = 0; i < inv.families.size(); ++i) {
    const Family& f = inv.families[i];
    const std::string& modules = graphs.family_modules[i];
    if (modules.empty()) continue;
    out += "<details class=\"lazy-graph family-modules\" data-family=\"" + html_escape(f.name) +
           "\"><summary>" + html_escape(f.name) + " (" + std::to_string(f.modules.size()) +
           " modules)</summary><div class=\"graph\"></div><template>" + modules +
           "</template></details>\n";
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
      {"@@PLAN_OVERVIEW@@", plan_overview_svg(inv)},
      {"@@RISKS@@", top_risks(inv, options.progress)},
      {"@@CYCLES@@", cycle_list(inv)},
      {"@@DIAGNOSTICS@@", diagnostic_groups(inv)},
      {"@@WAVE_ROWS@@", wave_rows(inv)},
      {"@@SLICE_SECTIONS@@", slice_sections(inv, source_url)},
      {"@@ADAPTERS@@", adapter_table(inv)},
      {"@@MATRIX@@", matrix_heatmap(inv)},
      {"@@GRAPHS@@",
       graph_section(inv,
                     options.graphs ? *options.graphs : draw_report_graphs(inv, nullptr, nullptr))},
      {"@@OVERVIEW@@", overview_tables(inv)},
      {"@@HISTORY@@", options.history ? history_section(*options.history) : ""},
      {"@@PROGRESS@@", options.progress ? progress_section(*options.progress, source_url) : ""},
      {"@@TRAFFIC@@", traffic_section(inv, source_url)},
      {"@@DATA_JSON@@", data_json(inv, source_url)},
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
