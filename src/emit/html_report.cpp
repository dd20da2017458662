#include "emit/html_report.h"

#include <map>

#include "cutover_version.h"
#include "emit/graph_svg.h"
#include "emit/html_escape.h"
#include "emit/html_plan_sections.h"
#include "report_assets.h"

namespace cutover {
namespace {

std::string location(const std::string& file, std::uint32_t line) {
  if (file.empty()) return "";
  return html_escape(line ? file + ":" + std::to_string(line) : file);
}

std::string endpoint_rows(const Inventory& inv) {
  if (inv.routes.empty())
    return "<tr><td colspan=\"6\" class=\"empty\">No endpoints found.</td></tr>";
  std::string rows;
  for (const Route& r : inv.routes) {
    std::string methods;
    for (const std::string& m : r.methods)
      methods += "<span class=\"method\">" + html_escape(m) + "</span>";
    rows +=
        r.partial ? "<tr class=\"partial\" title=\"" + html_escape(r.unresolved) + "\">" : "<tr>";
    rows += "<td>" + methods + "</td><td><code>" + html_escape(r.path) + "</code></td><td><code>" +
            html_escape(r.path_template) + "</code></td><td><code>" + html_escape(r.handler) +
            "</code></td><td>" + html_escape(r.endpoint) + "</td><td><code>" +
            location(r.file, r.line) + "</code></td></tr>\n";
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

std::string diagnostic_rows(const Inventory& inv) {
  if (inv.diagnostics.empty()) return "<tr><td colspan=\"4\" class=\"empty\">None.</td></tr>";
  std::string rows;
  for (const Diagnostic& d : inv.diagnostics) {
    const std::string severity(severity_name(d.severity));
    rows += "<tr><td class=\"sev-" + severity + "\">" + severity + "</td><td>" +
            html_escape(d.code) + "</td><td><code>" + location(d.file, d.line) +
            "</code></td><td>" + html_escape(d.message) + "</td></tr>\n";
  }
  return rows;
}

std::string graph_section(const Inventory& inv) {
  const std::string families = family_graph_svg(inv);
  if (families.empty()) return "<p class=\"empty\">No endpoint families.</p>";
  std::string out = "<div class=\"graph\" id=\"family-graph\">" + families + "</div>\n";
  for (const Family& f : inv.families) {
    const std::string modules = family_module_graph_svg(inv, f.name);
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

std::string render_html_report(const Inventory& inv) {
  const std::map<std::string_view, std::string> slots = {
      {"@@ROOT@@", html_escape(inv.root)},       {"@@VERSION@@", html_escape(kCutoverVersion)},
      {"@@SUMMARY_CARDS@@", summary_cards(inv)}, {"@@ENDPOINT_ROWS@@", endpoint_rows(inv)},
      {"@@CYCLES@@", cycle_list(inv)},           {"@@DIAGNOSTIC_ROWS@@", diagnostic_rows(inv)},
      {"@@WAVE_ROWS@@", wave_rows(inv)},         {"@@MATRIX_ROWS@@", matrix_rows(inv)},
      {"@@GRAPHS@@", graph_section(inv)},
  };
  // One left-to-right pass: text already substituted is never rescanned, so
  // scanned content that happens to contain "@@...@@" stays literal.
  const std::string_view tpl = assets::kReportHtml;
  std::string out;
  out.reserve(tpl.size() + 4096);
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
