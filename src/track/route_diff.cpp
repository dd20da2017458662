#include "track/route_diff.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace cutover {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items)
    out += (out.empty() ? "" : " ") + item;
  return out;
}

std::string params_text(const std::vector<RouteParam>& params) {
  std::string out;
  for (const RouteParam& p : params)
    out += (out.empty() ? "" : ", ") + p.name + ":" + p.type;
  return out;
}

std::string route_text(const Route& r) {
  return joined(r.methods) + " " + r.path + "  " + r.handler +
         (r.file.empty() ? "" : "  (" + r.file + ":" + std::to_string(r.line) + ")");
}

nlohmann::ordered_json route_json(const Route& r) {
  return {
      {"id", r.id},           {"framework", r.framework}, {"methods", r.methods}, {"path", r.path},
      {"handler", r.handler}, {"family", r.family},       {"file", r.file},       {"line", r.line}};
}

}  // namespace

bool RouteDiff::surface_grew() const {
  if (!added.empty()) return true;
  for (const ChangedRoute& c : changed) {
    for (const std::string& m : c.after.methods) {
      if (std::find(c.before.methods.begin(), c.before.methods.end(), m) == c.before.methods.end())
        return true;
    }
  }
  return false;
}

RouteDiff diff_routes(const std::vector<Route>& before, const std::vector<Route>& after) {
  // An id seen twice on one side (a view registered twice on one rule)
  // pairs up in order.
  std::multimap<std::string, const Route*> old_by_id;
  for (const Route& r : before)
    old_by_id.emplace(r.id, &r);
  RouteDiff diff;
  std::set<const Route*> matched;
  for (const Route& r : after) {
    auto it = old_by_id.find(r.id);
    if (it == old_by_id.end()) {
      diff.added.push_back(r);
      continue;
    }
    const Route& old = *it->second;
    old_by_id.erase(it);
    matched.insert(&old);
    ChangedRoute c{.before = old, .after = r};
    if (old.methods != r.methods)
      c.changes.push_back({"methods", joined(old.methods), joined(r.methods)});
    if (old.handler != r.handler) c.changes.push_back({"handler", old.handler, r.handler});
    if (params_text(old.params) != params_text(r.params))
      c.changes.push_back({"params", params_text(old.params), params_text(r.params)});
    if (old.path != r.path) c.changes.push_back({"path", old.path, r.path});
    if (!c.changes.empty()) diff.changed.push_back(std::move(c));
  }
  for (const Route& r : before) {
    if (!matched.contains(&r)) diff.removed.push_back(r);
  }
  return diff;
}

std::string route_diff_text(const RouteDiff& diff) {
  std::string out = "cutover diff: " + std::to_string(diff.added.size()) + " added, " +
                    std::to_string(diff.removed.size()) + " removed, " +
                    std::to_string(diff.changed.size()) + " changed\n";
  for (const Route& r : diff.added)
    out += "+ " + route_text(r) + "\n";
  for (const Route& r : diff.removed)
    out += "- " + route_text(r) + "\n";
  for (const ChangedRoute& c : diff.changed) {
    out += "~ " + route_text(c.after) + "\n";
    for (const FieldChange& f : c.changes)
      out += "    " + f.field + ": " + f.before + " -> " + f.after + "\n";
  }
  return out;
}

std::string route_diff_json(const RouteDiff& diff) {
  using Json = nlohmann::ordered_json;
  Json added = Json::array(), removed = Json::array(), changed = Json::array();
  for (const Route& r : diff.added)
    added.push_back(route_json(r));
  for (const Route& r : diff.removed)
    removed.push_back(route_json(r));
  for (const ChangedRoute& c : diff.changed) {
    Json fields = Json::array();
    for (const FieldChange& f : c.changes)
      fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    changed.push_back({{"route", route_json(c.after)}, {"changes", std::move(fields)}});
  }
  const Json doc = {{"added", std::move(added)},
                    {"removed", std::move(removed)},
                    {"changed", std::move(changed)},
                    {"surface_grew", diff.surface_grew()}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace cutover
