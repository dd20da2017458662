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

std::string matrix_heatmap(const Inventory& inv) {
  const std::vector<AdapterColumn> columns = adapter_columns(inv);
  // Per family: endpoints by status, and by adapter.
  struct Counts {
    std::size_t endpoints = 0;
    std::map<std::string, std::size_t> by_status;
    std::map<std::string, std::size_t> by_adapter;
  };
  std::map<std::string, Counts> families;
  for (const MatrixRow& row : inv.plan.matrix) {
    Counts& c = families[row.family];
    ++c.endpoints;
    ++c.by_status[row.status];
    std::string previous;
    for (const Adapter& a : row.adapters) {
      if (a.id == previous) continue;
      previous = a.id;
      ++c.by_adapter[a.id];
    }
  }
  std::string out =
      "<div class=\"matrix\"><table id=\"matrix-heatmap\"><thead><tr><th>Family</th>"
      "<th>Endpoints</th><th>By status</th>";
  for (const AdapterColumn& c : columns) {
    out += "<th class=\"adapter-col\" title=\"" + html_escape(c.fastapi) + "\"><span>" +
           html_escape(c.id) + "</span></th>";
  }
  out += "<th>Adapter uses</th><th></th></tr></thead><tbody>\n";
  if (inv.plan.families.empty()) {
    out += "<tr><td colspan=\"" + std::to_string(columns.size() + 5) +
           "\" class=\"empty\">No endpoints.</td></tr>\n";
  }
  std::map<std::string, std::size_t> statuses;
  for (const FamilyPlan& f : inv.plan.families) {
    const Counts& c = families[f.name];
    for (const auto& [status, n] : c.by_status)
      statuses[status] += n;
    const std::string name = html_escape(f.name);
    out += "<tr data-family=\"" + name + "\"><td><a href=\"#family=" + name + "\">" + name +
           "</a></td><td>" + std::to_string(c.endpoints) + "</td><td>" +
           status_counts(c.by_status) + "</td>";
    std::size_t uses = 0;
    for (const AdapterColumn& column : columns) {
      const auto it = c.by_adapter.find(column.id);
      const std::size_t n = it == c.by_adapter.end() ? 0 : it->second;
      uses += n;
      if (n == 0) {
        out += "<td></td>";
        continue;
      }
      // Shade by the share of the family's endpoints that need it.
      const int level = static_cast<int>(1 + 4 * n / std::max<std::size_t>(1, c.endpoints));
      out += "<td class=\"heat heat-" + std::to_string(std::min(level, 4)) + "\">" +
             std::to_string(n) + "</td>";
    }
    out += "<td>" + std::to_string(uses) + "</td><td><button type=\"button\" data-rows=\"" + name +
           "\">endpoints</button></td></tr>\n";
  }
  out += "</tbody><tfoot><tr><th>All families</th><th>" + std::to_string(inv.plan.matrix.size()) +
         "</th><th>" + status_counts(statuses) + "</th>";
  for (const AdapterColumn& c : columns)
    out += "<th>" + std::to_string(c.endpoints) + "</th>";
  return out +
         "<th></th><th></th></tr></tfoot></table></div>\n"
         "<table id=\"matrix-rows\" hidden><thead><tr><th>Endpoint</th><th>Status</th>"
         "<th>Adapters</th><th>Blockers</th></tr></thead><tbody></tbody></table>";
}

}  // namespace cutover
