#include "emit/endpoints_csv.h"

#include <algorithm>
#include <map>

#include "model/utf8.h"

namespace cutover {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// Bytes that are not well-formed UTF-8 become U+FFFD, one per byte, so a
// spreadsheet or Python's csv module reads the file as UTF-8.
std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len <= text.size() && is_valid_utf8(text.substr(i, len))) {
      out += text.substr(i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string cell = valid_utf8(text);
  // OWASP's advice for CSV injection: a cell a spreadsheet would evaluate
  // starts with a quote instead, which shows as text.
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of("\",\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i)
    out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string endpoints_csv(const Inventory& inv) {
  std::map<std::string, std::uint32_t> waves;
  for (const FamilyPlan& f : inv.plan.families)
    waves[f.name] = f.wave;
  // Requests per route when access logs were read (a column only then).
  std::vector<std::uint64_t> hits;
  if (inv.traffic) {
    hits.assign(inv.routes.size(), 0);
    for (const RouteTraffic& t : inv.traffic->routes) {
      if (t.route < hits.size()) hits[t.route] = t.hits;
    }
  }
  std::vector<std::string> header = {"methods", "path",       "family",   "wave",
                                     "status",  "effort",     "adapters", "blockers",
                                     "handler", "resolution", "endpoint", "route_id"};
  if (inv.traffic) header.push_back("hits");
  std::string out = csv_record(header);
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    const MatrixRow* row = i < inv.plan.matrix.size() && inv.plan.matrix[i].route_id == r.id
                               ? &inv.plan.matrix[i]
                               : nullptr;
    std::vector<std::string> adapters;
    if (row) {
      for (const Adapter& a : row->adapters) {
        if (std::find(adapters.begin(), adapters.end(), a.id) == adapters.end())
          adapters.push_back(a.id);
      }
    }
    const auto wave = waves.find(r.family);
    const bool in_tree = !r.handler_file.empty();
    const std::string& file = in_tree ? r.handler_file : r.file;
    const std::uint32_t line = in_tree ? r.handler_line : r.line;
    std::vector<std::string> fields = {
        joined(r.methods, " "),
        r.path,
        r.family,
        wave == waves.end() ? std::string() : std::to_string(wave->second),
        row ? row->status : std::string(),
        row ? row->effort.effort : std::string(),
        joined(adapters, " "),
        row ? joined(row->blockers, "; ") : std::string(),
        file.empty() ? std::string() : file + ":" + std::to_string(line),
        std::string(route_resolution(r)),
        r.endpoint,
        r.id};
    if (inv.traffic) fields.push_back(std::to_string(hits[i]));
    out += csv_record(fields);
  }
  return out;
}

}  // namespace cutover
