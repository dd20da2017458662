#include "track/progress.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "model/path_template.h"
#include "plan/decommission.h"

namespace cutover {
namespace {

std::string_view plain_type(std::string_view type) {
  if (type.empty() || type == "string" || type == "slug" || type == "default") return "str";
  return type;
}

void count(ProgressCounts& c, const EndpointProgress& e) {
  ++c.endpoints;
  if (e.status == "migrated") ++c.migrated;
  if (e.status == "mismatched") ++c.mismatched;
  if (e.status == "split") ++c.split;
  if (e.status == "remaining") ++c.remaining;
  if (e.status == "deprecated") return void(++c.deprecated);
  c.methods_migrated += static_cast<std::uint32_t>(e.methods_migrated.size());
  c.methods_total +=
      static_cast<std::uint32_t>(e.methods_migrated.size() + e.methods_remaining.size());
}

void finish(ProgressCounts& c) {
  c.percent = c.methods_total ? 100.0 * c.methods_migrated / c.methods_total : 0;
}

// Parameter types and the trailing slash: what a client of the endpoint
// would notice changed.
std::vector<std::string> contract_changes(const Route& legacy, const Route& target) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < legacy.params.size() && i < target.params.size(); ++i) {
    const RouteParam& a = legacy.params[i];
    const RouteParam& b = target.params[i];
    if (!same_param_type(a.type, b.type)) out.push_back(a.name + ": " + a.type + " → " + b.type);
  }
  const bool a_slash = legacy.path_template.size() > 1 && legacy.path_template.ends_with('/');
  const bool b_slash = target.path_template.size() > 1 && target.path_template.ends_with('/');
  if (a_slash != b_slash) {
    out.push_back("trailing slash: " + legacy.path_template + " → " + target.path_template);
  }
  return out;
}

}  // namespace

std::string match_key(std::string_view path) {
  std::string key;
  for (const TemplatePart& part : split_path_template(path)) {
    if (!part.parameter)
      key += part.literal;
    else
      key += part.convertor == "path" ? "{:path}" : "{}";
  }
  if (key.size() > 1 && key.ends_with('/')) key.pop_back();
  return key;
}

bool same_param_type(std::string_view legacy, std::string_view target) {
  return plain_type(legacy) == plain_type(target);
}

Progress match_progress(const Inventory& legacy, const Inventory& target) {
  Progress p{.legacy_root = legacy.root, .target_root = target.root};
  // Mounts (method ANY) are not endpoints anything moved to.
  std::unordered_map<std::string, std::vector<const Route*>> by_key;
  for (const Route& r : target.routes) {
    if (r.framework == "fastapi" && r.methods != std::vector<std::string>{"ANY"})
      by_key[match_key(r.path_template)].push_back(&r);
  }
  std::set<const Route*> used;
  std::map<std::string, ProgressCounts> families;
  for (std::size_t i = 0; i < legacy.routes.size(); ++i) {
    const Route& r = legacy.routes[i];
    if (r.framework == "fastapi") continue;
    EndpointProgress e{.route_id = r.id,
                       .family = r.family,
                       .methods = r.methods,
                       .path = r.path_template,
                       .partial = r.partial,
                       .file = r.file,
                       .line = r.line};
    for (const RouteParam& param : r.params)
      e.param_types.push_back(param.type);
    const auto found = by_key.find(match_key(r.path_template));
    // A Django view that takes any method moves once its path is served.
    const bool any_method = r.methods == std::vector<std::string>{"ANY"};
    std::set<std::string> served;
    if (found != by_key.end()) {
      for (const Route* t : found->second) {
        bool serves = false;
        for (const std::string& m : t->methods) {
          if (!any_method && std::find(r.methods.begin(), r.methods.end(), m) == r.methods.end())
            continue;
          serves = true;
          served.insert(any_method ? "ANY" : m);
        }
        if (!serves) continue;
        used.insert(t);
        e.target_routes.push_back(t->id);
        if (e.target_path.empty()) e.target_path = t->path_template;
        for (std::string& change : contract_changes(r, *t)) {
          if (std::find(e.mismatches.begin(), e.mismatches.end(), change) == e.mismatches.end())
            e.mismatches.push_back(std::move(change));
        }
      }
    }
    for (const std::string& m : r.methods)
      (served.contains(m) ? e.methods_migrated : e.methods_remaining).push_back(m);
    if (e.methods_migrated.empty()) {
      e.status = route_deprecated(legacy, i) ? "deprecated" : "remaining";
    } else if (!e.mismatches.empty()) {
      e.status = "mismatched";
    } else {
      e.status = e.methods_remaining.empty() ? "migrated" : "split";
    }
    ProgressCounts& family = families[r.family];
    family.name = r.family;
    count(family, e);
    count(p.overall, e);
    p.endpoints.push_back(std::move(e));
  }
  for (auto& [name, counts] : families) {
    finish(counts);
    p.families.push_back(counts);
  }
  // What legacy no longer runs: endpoints migrated, or deprecated. Split
  // and mismatched ones still run there, for some methods or clients.
  std::vector<char> gone(legacy.routes.size(), 0);
  std::vector<std::string> why(legacy.routes.size());
  for (std::size_t i = 0, e = 0; i < legacy.routes.size(); ++i) {
    if (legacy.routes[i].framework == "fastapi") continue;
    const std::string& status = p.endpoints[e++].status;
    gone[i] = status == "migrated" || status == "deprecated";
    if (gone[i]) why[i] = status;
  }
  p.decommission = find_removable(legacy, gone, why);
  finish(p.overall);
  for (const Route& t : target.routes) {
    if (t.framework != "fastapi" || used.contains(&t)) continue;
    p.new_routes.push_back(NewRoute{.route_id = t.id,
                                    .methods = t.methods,
                                    .path = t.path_template,
                                    .handler = t.handler,
                                    .file = t.file,
                                    .line = t.line});
  }
  return p;
}

}  // namespace cutover
