#include "emit/openapi_document.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "cutover_version.h"
#include "emit/openapi_surface.h"

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

std::string at(const std::string& file, std::uint32_t line) {
  return file.empty() ? std::string() : file + ":" + std::to_string(line);
}

std::string last_component(const std::string& dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string::npos ? dotted : dotted.substr(dot + 1);
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The session cookie the framework's login sets: the credential a client
// of a guarded legacy endpoint presents.
std::string_view session_cookie(const std::string& framework) {
  return framework == "django" ? "sessionid" : "session";
}

// What the document says of the plan and the tree, looked up once.
class Context {
 public:
  Context(const Inventory& inv, const OpenApiOptions& options) : inv_(inv), options_(options) {
    for (const FamilyPlan& f : inv.plan.families)
      wave_[f.name] = f.wave;
  }

  const std::string& route_id(std::size_t route) const { return inv_.routes[route].id; }

  const MatrixRow* matrix_row(std::size_t route) const {
    const std::vector<MatrixRow>& m = inv_.plan.matrix;
    if (route < m.size() && m[route].route_id == inv_.routes[route].id) return &m[route];
    return nullptr;
  }

  // Guard names that become security schemes, and DRF permission classes.
  std::vector<std::string> schemes_of(std::size_t route) {
    const Route& r = inv_.routes[route];
    std::vector<std::string> out;
    const auto add = [&](const std::string& name, std::string description) {
      const std::string key = operation_id_text(name);
      if (std::find(out.begin(), out.end(), key) != out.end()) return;
      out.push_back(key);
      if (!schemes_.contains(key)) {
        schemes_[key] = Json{{"type", "apiKey"},
                             {"in", "cookie"},
                             {"name", session_cookie(r.framework)},
                             {"description", std::move(description)}};
      }
    };
    for (const std::string& g : r.guards) {
      if (!authentication_guard(g)) continue;
      add(g, "The legacy handler is guarded by `" + g +
                 "`. cutover does not know the credential it checks; the framework's session "
                 "cookie is assumed.");
    }
    if (const MatrixRow* row = matrix_row(route)) {
      for (const Adapter& a : row->adapters) {
        if (a.id != "drf-permissions") continue;
        add("drf_permissions",
            "The legacy view applies DRF permission_classes (its own or the default ones). "
            "cutover does not know which authentication classes run; the session cookie is "
            "assumed.");
      }
    }
    return out;
  }

  Json x_cutover(std::size_t route) const {
    const Route& r = inv_.routes[route];
    Json x = Json::object();
    x["route"] = r.id;
    x["framework"] = r.framework;
    x["endpoint"] = r.endpoint;
    x["handler"] = r.handler_file.empty() ? at(r.file, r.line) : at(r.handler_file, r.handler_line);
    x["handler_name"] = r.handler;
    x["declared_at"] = at(r.file, r.line);
    x["path"] = r.path;
    x["family"] = r.family;
    if (const auto w = wave_.find(r.family); w != wave_.end()) x["wave"] = w->second;
    if (const MatrixRow* row = matrix_row(route)) {
      x["status"] = row->status;
      if (!row->effort.effort.empty()) x["effort"] = row->effort.effort;
      std::vector<std::string> adapters;
      for (const Adapter& a : row->adapters) {
        if (std::find(adapters.begin(), adapters.end(), a.id) == adapters.end())
          adapters.push_back(a.id);
      }
      x["adapters"] = adapters;
      if (!row->blockers.empty()) x["blockers"] = row->blockers;
    }
    x["resolution"] = route_resolution(r);
    if (!r.assumptions.empty()) {
      Json list = Json::array();
      for (const RouteAssumption& a : r.assumptions)
        list.push_back({{"expr", a.expr}, {"assumed", a.assumed}, {"at", at(a.file, a.line)}});
      x["assumptions"] = std::move(list);
    }
    if (r.conditional) {
      x["condition"] = r.condition;
      x["enabled_by_default"] = r.enabled_by_default ? Json(*r.enabled_by_default) : Json();
    }
    if (!r.guards.empty()) x["guards"] = r.guards;
    if (options_.replaces) {
      if (const auto found = options_.replaces->find(r.id); found != options_.replaces->end())
        x["replaces"] = found->second;
    }
    return x;
  }

  Json schemes() const {
    Json out = Json::object();
    for (const auto& [name, scheme] : schemes_)
      out[name] = scheme;
    return out;
  }

 private:
  const Inventory& inv_;
  const OpenApiOptions& options_;
  std::map<std::string, std::uint32_t> wave_;
  std::map<std::string, Json> schemes_;
};

Json schema_json(const ApiParameter& p) {
  Json schema = {{"type", p.type}};
  if (!p.format.empty()) schema["format"] = p.format;
  if (!p.pattern.empty()) schema["pattern"] = p.pattern;
  if (p.minimum) schema["minimum"] = *p.minimum;
  return schema;
}

Json parameter_json(const ApiParameter& p) {
  Json out = {{"name", p.name}, {"in", "path"}, {"required", true}};
  if (p.alternatives.empty()) {
    if (!p.description.empty()) out["description"] = p.description;
    out["schema"] = schema_json(p);
    if (!p.converter.empty()) out["x-cutover-type"] = p.converter;
    return out;
  }
  // Routes of one method and template that differ in types: a value of any
  // of them reaches one of the routes.
  Json any = Json::array({schema_json(p)});
  Json types = Json::array({p.converter});
  std::string description = "Routes of this method and path differ in this parameter's type.";
  if (!p.description.empty()) description += " " + p.description;
  for (const ApiParameter& a : p.alternatives) {
    any.push_back(schema_json(a));
    types.push_back(a.converter);
    if (!a.description.empty()) description += " " + a.description;
  }
  out["description"] = std::move(description);
  out["schema"] = {{"anyOf", std::move(any)}};
  out["x-cutover-type"] = std::move(types);
  return out;
}

Json operation_json(const ApiOperation& op, const Route& r, Context& context) {
  Json out = Json::object();
  out["operationId"] = op.operation_id;
  out["summary"] = r.doc.empty() ? last_component(r.handler) : r.doc;
  if (out["summary"].get_ref<const std::string&>().empty()) out["summary"] = op.operation_id;
  if (!r.family.empty()) out["tags"] = Json::array({r.family});
  if (!op.parameters.empty()) {
    Json params = Json::array();
    for (const ApiParameter& p : op.parameters)
      params.push_back(parameter_json(p));
    out["parameters"] = std::move(params);
  }
  out["responses"] = {
      {"default", {{"description", "The legacy handler's response (not described statically)."}}}};
  const std::vector<std::string> schemes = context.schemes_of(op.route);
  if (!schemes.empty()) {
    Json requirement = Json::object();
    for (const std::string& s : schemes)
      requirement[s] = Json::array();
    out["security"] = Json::array({requirement});
  }
  const MatrixRow* row = context.matrix_row(op.route);
  if (row && row->status == "deprecated") out["deprecated"] = true;
  if (op.any_method) out["x-cutover-any"] = true;
  out["x-cutover"] = context.x_cutover(op.route);
  if (!op.variants.empty()) {
    Json variants = Json::array();
    for (std::size_t v : op.variants)
      variants.push_back(context.route_id(v));
    out["x-cutover"]["variants"] = std::move(variants);
  }
  return out;
}

}  // namespace

bool authentication_guard(std::string_view guard) {
  std::string g(guard);
  for (char& c : g) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (contains(g, "csrf")) return false;
  for (std::string_view word : {"login", "auth", "permission", "staff", "superuser", "passes_test",
                                "passestest", "admin"}) {
    if (contains(g, word)) return true;
  }
  return false;
}

std::string openapi_document(const Inventory& inv, const OpenApiOptions& options) {
  const ApiSurface surface = api_surface(inv.routes);
  Context context(inv, options);
  Json paths = Json::object();
  std::set<std::string> tags;
  for (const ApiPathItem& item : surface.paths) {
    Json ops = Json::object();
    for (const ApiOperation& op : item.operations) {
      const Route& r = inv.routes[op.route];
      if (!r.family.empty()) tags.insert(r.family);
      ops[op.method] = operation_json(op, r, context);
    }
    paths[item.path] = std::move(ops);
  }
  Json partial = Json::array();
  Json left_out = Json::array();
  for (const ApiLeftOut& l : surface.left_out) {
    const Route& r = inv.routes[l.route];
    if (l.reason == "partial") {
      partial.push_back({{"route", r.id},
                         {"methods", r.methods},
                         {"path", r.path},
                         {"unresolved", r.unresolved},
                         {"declared_at", at(r.file, r.line)}});
      continue;
    }
    Json entry = {{"route", r.id},
                  {"method", l.method},
                  {"path", openapi_path(r.path_template)},
                  {"reason", l.reason}};
    if (!l.kept.empty()) entry["served_by"] = l.kept;
    entry["declared_at"] = at(r.file, r.line);
    left_out.push_back(std::move(entry));
  }
  std::map<std::string, std::uint32_t> waves;
  for (const FamilyPlan& f : inv.plan.families)
    waves[f.name] = f.wave;
  Json tag_list = Json::array();
  for (const std::string& t : tags) {
    std::string description = "Endpoint family";
    if (const auto w = waves.find(t); w != waves.end())
      description += "; migration wave " + std::to_string(w->second);
    tag_list.push_back({{"name", t}, {"description", description + "."}});
  }

  Json doc = Json::object();
  doc["openapi"] = "3.1.0";
  doc["info"] = {
      {"title", "HTTP surface of " + inv.root},
      {"version", std::string("cutover ") + kCutoverVersion},
      {"description",
       "Read statically by cutover from the source, never run. Each operation's x-cutover says "
       "where its handler is (file:line), its migration status, the adapters its FastAPI port "
       "needs and its wave. Routes that are no operation: x-cutover-partial (not resolved "
       "statically) and x-cutover-left-out (mounts, methods OpenAPI has no field for, a second "
       "route on a method and path)."}};
  doc["servers"] = Json::array({{{"url", options.server_url}}});
  if (!tag_list.empty()) doc["tags"] = std::move(tag_list);
  doc["paths"] = std::move(paths);
  Json schemes = context.schemes();
  if (!schemes.empty()) doc["components"] = {{"securitySchemes", std::move(schemes)}};
  doc["x-cutover-partial"] = std::move(partial);
  doc["x-cutover-left-out"] = std::move(left_out);
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace cutover
