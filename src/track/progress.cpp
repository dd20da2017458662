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
  if (e.status != "deprecated") {
    c.requests += e.requests;
    c.requests_moved += e.requests_moved;
  }
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
  c.traffic_percent =
      c.requests ? 100.0 * static_cast<double>(c.requests_moved) / static_cast<double>(c.requests)
                 : 0;
}

// An endpoint's requests and those whose method moved: all of them once it
// is served (ANY, or every method moved), else those of the methods that
// moved (HEAD goes with GET).
void count_requests(EndpointProgress& e, const RouteTraffic& t) {
  e.requests = t.hits;
  if (e.methods_migrated.empty()) return;
  if (e.methods_remaining.empty()) {
    e.requests_moved = t.hits;
    return;
  }
  const auto moved = [&](const std::string& m) {
    return std::find(e.methods_migrated.begin(), e.methods_migrated.end(), m) !=
           e.methods_migrated.end();
  };
  for (const auto& [method, n] : t.methods) {
    if (moved(method) || (method == "HEAD" && moved("GET"))) e.requests_moved += n;
  }
}

// What a client sees when a path parameter's type changes: a narrower
// legacy type (the legacy route answered 404 to other values) now lets
// them through, a wider one now refuses them with 422.
std::string type_change_reason(std::string_view legacy, std::string_view target) {
  const bool legacy_text = plain_type(legacy) == "str";
  const bool target_text = plain_type(target) == "str";
  if (!legacy_text && target_text)
    return "the FastAPI route accepts values the legacy one answered with 404";
  if (legacy_text && !target_text)
    return "requests with values the legacy route served get 422 from FastAPI";
  return "the values each side accepts differ: some requests get another answer";
}

bool trailing_slash(std::string_view path) {
  return path.size() > 1 && path.ends_with('/');
}

}  // namespace

std::vector<ContractDifference> contract_differences(const Route& legacy, const Route& target) {
  std::vector<ContractDifference> out;
  for (std::size_t i = 0; i < legacy.params.size() && i < target.params.size(); ++i) {
    const RouteParam& a = legacy.params[i];
    const RouteParam& b = target.params[i];
    if (!same_param_type(a.type, b.type)) {
      out.push_back({.kind = "param-type",
                     .param = a.name,
                     .legacy = a.type,
                     .target = b.type,
                     .breaking = true,
                     .reason = type_change_reason(a.type, b.type)});
    }
    if (a.name != b.name) {
      out.push_back({.kind = "param-name",
                     .param = a.name,
                     .legacy = a.name,
                     .target = b.name,
                     .breaking = false,
                     .reason = "renamed: URLs are unchanged, but the OpenAPI documents and "
                               "clients generated from them name it differently"});
    }
  }
  if (trailing_slash(legacy.path_template) != trailing_slash(target.path_template)) {
    out.push_back({.kind = "trailing-slash",
                   .legacy = legacy.path_template,
                   .target = target.path_template,
                   .breaking = true,
                   .reason = "requests for the legacy path get a 307 redirect from FastAPI "
                             "(redirect_slashes) instead of the response"});
  }
  return out;
}

std::string difference_text(const ContractDifference& d) {
  const std::string head = d.kind == "trailing-slash" ? std::string("trailing slash") : d.param;
  return head + ": " + d.legacy + " → " + d.target + ": " + d.reason;
}

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
  std::vector<const RouteTraffic*> traffic(legacy.routes.size());
  if (legacy.traffic) {
    p.traffic = true;
    for (const RouteTraffic& t : legacy.traffic->routes)
      traffic[t.route] = &t;
  }
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
        for (ContractDifference& d : contract_differences(r, *t)) {
          const std::string text = difference_text(d);
          if (d.breaking &&
              std::find(e.mismatches.begin(), e.mismatches.end(), text) == e.mismatches.end())
            e.mismatches.push_back(text);
          const bool seen =
              std::any_of(e.differences.begin(), e.differences.end(),
                          [&](const ContractDifference& o) { return difference_text(o) == text; });
          if (!seen) e.differences.push_back(std::move(d));
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
    if (traffic[i]) count_requests(e, *traffic[i]);
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
