#include "emit/html_matrix.h"

#include <algorithm>
#include <map>
#include <vector>

#include "emit/html_escape.h"
#include "emit/source_link.h"

namespace cutover {
namespace {

constexpr const char* kStatuses[] = {"unchanged", "adapted", "deprecated", "blocked"};

struct AdapterColumn {
  std::string id;
  std::string fastapi;  // as the first endpoint needing it words it
  std::size_t endpoints = 0;
  std::map<std::string, std::size_t> by_status;
};

// One column per adapter in use, most needed first, ties by id.
std::vector<AdapterColumn> adapter_columns(const Inventory& inv) {
  std::map<std::string, AdapterColumn> by_id;
  for (const MatrixRow& row : inv.plan.matrix) {
    std::string previous;
    for (const Adapter& a : row.adapters) {  // sorted by id: count each endpoint once
      if (a.id == previous) continue;
      previous = a.id;
      AdapterColumn& column = by_id[a.id];
      if (column.id.empty()) column = AdapterColumn{.id = a.id, .fastapi = a.fastapi};
      ++column.endpoints;
      ++column.by_status[row.status];
    }
  }
  std::vector<AdapterColumn> columns;
  for (auto& [id, column] : by_id)
    columns.push_back(std::move(column));
  std::stable_sort(columns.begin(), columns.end(),
                   [](const auto& a, const auto& b) { return a.endpoints > b.endpoints; });
  return columns;
}

std::string status_counts(const std::map<std::string, std::size_t>& counts) {
  std::string out;
  for (const char* status : kStatuses) {
    const auto it = counts.find(status);
    if (it == counts.end() || it->second == 0) continue;
    out += std::string(out.empty() ? "" : " · ") + "<span class=\"status-" + status + "\">" +
           std::to_string(it->second) + " " + status + "</span>";
  }
  return out;
}

std::string adapter_cell(const MatrixRow& row, const std::string& id, std::string_view source_url) {
  std::string evidence;
  std::string first_link;
  for (const Adapter& a : row.adapters) {
    if (a.id != id) continue;
    evidence += (evidence.empty() ? "" : "; ") + a.evidence +
                (a.file.empty() ? "" : " at " + a.file + ":" + std::to_string(a.line));
    if (first_link.empty()) first_link = source_href(source_url, a.file, a.line);
  }
  if (evidence.empty()) return "<td></td>";
  const std::string mark =
      first_link.empty() ? "●" : "<a href=\"" + html_escape(first_link) + "\">●</a>";
  return "<td class=\"hit status-" + html_escape(row.status) + "\" title=\"" +
         html_escape(evidence) + "\">" + mark + "</td>";
}

}  // namespace

std::string adapter_table(const Inventory& inv) {
  const std::vector<AdapterColumn> columns = adapter_columns(inv);
  if (columns.empty()) return "<p class=\"empty\">No endpoint needs an adapter.</p>";
  std::string out =
      "<table id=\"adapter-table\"><thead><tr><th>Adapter</th><th>FastAPI counterpart</th>"
      "<th>Endpoints</th><th>By status</th></tr></thead><tbody>\n";
  for (const AdapterColumn& c : columns) {
    out += "<tr><td><code>" + html_escape(c.id) + "</code></td><td>" + html_escape(c.fastapi) +
           "</td><td>" + std::to_string(c.endpoints) + "</td><td>" + status_counts(c.by_status) +
           "</td></tr>\n";
  }
  return out + "</tbody></table>";
}

std::string matrix_table(const Inventory& inv, std::string_view source_url) {
  const std::vector<AdapterColumn> columns = adapter_columns(inv);
  std::string out =
      "<div class=\"matrix\"><table id=\"matrix-table\"><thead><tr><th>Endpoint</th>"
      "<th>Family</th><th>Status</th>";
  for (const AdapterColumn& c : columns) {
    out += "<th class=\"adapter-col\" title=\"" + html_escape(c.fastapi) + "\"><span>" +
           html_escape(c.id) + "</span></th>";
  }
  out += "<th>Blockers</th></tr></thead><tbody>\n";
  const std::string width = std::to_string(columns.size() + 4);
  if (inv.plan.matrix.empty())
    out += "<tr><td colspan=\"" + width + "\" class=\"empty\">No endpoints.</td></tr>\n";

  std::map<std::string, std::size_t> statuses;
  for (std::size_t i = 0; i < inv.plan.matrix.size() && i < inv.routes.size(); ++i) {
    const MatrixRow& row = inv.plan.matrix[i];
    const Route& r = inv.routes[i];
    ++statuses[row.status];
    std::string methods;
    for (const std::string& m : r.methods)
      methods += html_escape(m) + " ";
    out += "<tr id=\"matrix-" + html_escape(r.id) + "\"><td><a href=\"#route-" + html_escape(r.id) +
           "\"><code>" + methods + html_escape(r.path) + "</code></a></td><td>" +
           html_escape(row.family) + "</td><td class=\"status status-" + html_escape(row.status) +
           "\">" + html_escape(row.status) + "</td>";
    for (const AdapterColumn& c : columns)
      out += adapter_cell(row, c.id, source_url);
    out += "<td>" + html_list(row.blockers) +
           (row.deprecated_by.empty() ? "" : "deprecated by " + html_escape(row.deprecated_by)) +
           "</td></tr>\n";
  }
  out += "</tbody><tfoot><tr><th>Endpoints needing it</th><th></th><th>" + status_counts(statuses) +
         "</th>";
  for (const AdapterColumn& c : columns)
    out += "<th>" + std::to_string(c.endpoints) + "</th>";
  return out + "<th></th></tr></tfoot></table></div>";
}

}  // namespace cutover
