#include "emit/progress_json.h"

#include <nlohmann/json.hpp>

#include "cutover_version.h"

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

Json counts_json(const ProgressCounts& c, bool traffic) {
  Json out = Json::object();
  if (!c.name.empty()) out["family"] = c.name;
  out["endpoints"] = c.endpoints;
  out["migrated"] = c.migrated;
  out["mismatched"] = c.mismatched;
  out["split"] = c.split;
  out["remaining"] = c.remaining;
  out["deprecated"] = c.deprecated;
  out["methods_total"] = c.methods_total;
  out["methods_migrated"] = c.methods_migrated;
  // Two decimals, so the text does not depend on printing doubles.
  out["percent"] = static_cast<double>(static_cast<long long>(c.percent * 100 + 0.5)) / 100;
  if (traffic) {
    out["requests"] = c.requests;
    out["requests_moved"] = c.requests_moved;
    out["traffic_percent"] =
        static_cast<double>(static_cast<long long>(c.traffic_percent * 100 + 0.5)) / 100;
  }
  return out;
}

Json removables_json(const std::vector<Removable>& items, bool with_location) {
  Json out = Json::array();
  for (const Removable& r : items) {
    Json item = {{"name", r.name}};
    if (with_location) {
      item["file"] = r.file;
      item["line"] = r.line;
      item["lines"] = r.lines;
    }
    item["why"] = r.why;
    out.push_back(std::move(item));
  }
  return out;
}

Json decommission_json(const Decommission& d) {
  return {{"modules", removables_json(d.modules, true)},
          {"functions", removables_json(d.functions, true)},
          {"tables", removables_json(d.tables, false)},
          {"lines", d.lines}};
}

}  // namespace

std::string progress_to_json(const Progress& p) {
  Json endpoints = Json::array();
  for (const EndpointProgress& e : p.endpoints) {
    Json differences = Json::array();
    for (const ContractDifference& d : e.differences) {
      Json item = {{"kind", d.kind}};
      if (!d.param.empty()) item["param"] = d.param;
      item["legacy"] = d.legacy;
      item["target"] = d.target;
      item["breaking"] = d.breaking;
      item["reason"] = d.reason;
      differences.push_back(std::move(item));
    }
    endpoints.push_back({{"route", e.route_id},
                         {"family", e.family},
                         {"methods", e.methods},
                         {"path", e.path},
                         {"status", e.status},
                         {"methods_migrated", e.methods_migrated},
                         {"methods_remaining", e.methods_remaining},
                         {"target_routes", e.target_routes},
                         {"target_path", e.target_path},
                         {"mismatches", e.mismatches},
                         {"differences", std::move(differences)},
                         {"file", e.file},
                         {"line", e.line}});
    if (p.traffic) {
      endpoints.back()["requests"] = e.requests;
      endpoints.back()["requests_moved"] = e.requests_moved;
    }
  }
  Json families = Json::array();
  for (const ProgressCounts& c : p.families)
    families.push_back(counts_json(c, p.traffic));
  Json new_routes = Json::array();
  for (const NewRoute& r : p.new_routes) {
    new_routes.push_back({{"route", r.route_id},
                          {"methods", r.methods},
                          {"path", r.path},
                          {"handler", r.handler},
                          {"file", r.file},
                          {"line", r.line}});
  }
  const Json doc = {{"schema_version", kProgressSchemaVersion},
                    {"tool", {{"name", "cutover"}, {"version", kCutoverVersion}}},
                    {"legacy_root", p.legacy_root},
                    {"target_root", p.target_root},
                    {"overall", counts_json(p.overall, p.traffic)},
                    {"families", std::move(families)},
                    {"endpoints", std::move(endpoints)},
                    {"new_routes", std::move(new_routes)},
                    {"decommission", decommission_json(p.decommission)}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace cutover
