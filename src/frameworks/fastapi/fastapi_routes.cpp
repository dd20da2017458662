#include "frameworks/fastapi/fastapi_routes.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "link/class_hierarchy.h"
#include "link/route_id.h"
#include "link/static_eval.h"
#include "link/value_flow.h"
#include "model/dotted_name.h"
#include "model/path_template.h"

namespace cutover {
namespace {

const std::initializer_list<std::string_view> kApp = {"fastapi.FastAPI",
                                                      "fastapi.applications.FastAPI"};
const std::initializer_list<std::string_view> kRouter = {"fastapi.APIRouter",
                                                         "fastapi.routing.APIRouter"};

// Decorator or method name → the methods it serves ("" for api_route:
// `methods=`, default GET).
const std::map<std::string_view, std::string_view> kRouteMethods = {
    {"get", "GET"},         {"post", "POST"},           {"put", "PUT"},
    {"patch", "PATCH"},     {"delete", "DELETE"},       {"head", "HEAD"},
    {"options", "OPTIONS"}, {"trace", "TRACE"},         {"api_route", ""},
    {"add_api_route", ""},  {"websocket", "WEBSOCKET"}, {"add_api_websocket_route", "WEBSOCKET"}};

using ObjectId = const AssignmentFact*;

struct FastApiObject {
  bool app = false;
  std::string prefix;      // APIRouter(prefix=)
  std::string unresolved;  // what about it is not static
};

// Where an object is attached: include_router(obj, prefix=) or
// mount(path, obj) on `parent`.
struct Attachment {
  ObjectId parent = nullptr;
  std::string prefix;
  std::string unresolved;
};

// A full prefix an object's routes get in some root app.
struct Placement {
  std::string prefix;
  std::string unresolved;
  bool attached = true;  // false: the chain never reaches an app
};

class FastApiRouteExtractor {
 public:
  FastApiRouteExtractor(const NameResolver& names, std::vector<Diagnostic>& diagnostics)
      : names_(names), files_(names.files()), diagnostics_(diagnostics), flow_(names) {}

  std::vector<Route> run(const std::vector<ClassConstruction>& constructions) {
    find_objects(constructions);
    if (objects_.empty()) return {};
    // Attachments first: a route registered above the include_router that
    // places its router still gets the prefix.
    for (bool routes : {false, true}) {
      for (std::size_t f = 0; f < files_.size(); ++f) {
        for (const CallFact& c : files_[f].calls)
          on_call(f, c, routes);
      }
    }
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const DefinitionFact& def : files_[f].definitions) {
        for (const PythonValue& d : def.decorators)
          on_decorator(f, def, d);
      }
    }
    add_mount_routes();
    return std::move(routes_);
  }

 private:
  // Parameters evaluate through their calls: a router factory's
  // `def make_router(prefix="/api")` gives the prefix its calls agree on.
  EvalScope where(std::size_t f, std::string_view scope) {
    return EvalScope{
        .names = &names_, .file = f, .scope = scope, .notes = &diagnostics_, .flow = &flow_};
  }

  void find_objects(const std::vector<ClassConstruction>& constructions) {
    for (const ClassConstruction& c : constructions) {
      const bool app = has_ancestor(c.external_ancestors, kApp);
      if (!app && !has_ancestor(c.external_ancestors, kRouter)) continue;
      const AssignmentFact& a = *c.assignment;
      FastApiObject object{.app = app};
      if (const PythonValue* prefix = a.value.keyword("prefix")) {
        const std::optional<std::string> text = evaluate_string(*prefix, where(c.file, a.scope));
        object.prefix = text.value_or("");
        if (!text) object.unresolved = "router prefix " + render(*prefix);
      }
      objects_.emplace(&a, std::move(object));
    }
  }

  // The object a name stands for, through aliases, imports and factories
  // (`router = make_router()`).
  ObjectId object_at(std::size_t f, std::string_view scope, std::string_view dotted,
                     int depth = 0) const {
    const NameTarget t = names_.resolve(f, scope, dotted);
    if (t.kind != NameTarget::Kind::kAssignment) return nullptr;
    if (objects_.contains(t.assignment)) return t.assignment;
    return object_of(t.file, t.assignment->scope, t.assignment->value, depth + 1);
  }

  // The same for an expression: a name, or a call of a function of the tree
  // whose return is an object.
  ObjectId object_of(std::size_t f, std::string_view scope, const PythonValue& value,
                     int depth = 0) const {
    if (depth > 8) return nullptr;
    if (value.kind == PythonValue::Kind::kName) return object_at(f, scope, value.text, depth + 1);
    if (value.kind != PythonValue::Kind::kCall) return nullptr;
    const NameTarget callee = names_.resolve(f, scope, value.text);
    if (callee.kind != NameTarget::Kind::kDefinition) return nullptr;
    for (const ReturnFact& r : files_[callee.file].returns) {
      if (r.scope != callee.definition->qualified_name) continue;
      if (const ObjectId found = object_of(callee.file, r.scope, r.value, depth + 1)) return found;
    }
    return nullptr;
  }

  // include_router / mount / add_api_route calls.
  void on_call(std::size_t f, const CallFact& c, bool routes) {
    const PythonValue& call = c.call;
    if (call.kind != PythonValue::Kind::kCall) return;
    const std::string_view method = last_name(call.text);
    const std::string_view receiver = parent_name(call.text);
    if (receiver.empty()) return;
    if (!routes && (method == "include_router" || method == "mount")) {
      const ObjectId parent = object_at(f, c.scope, receiver);
      if (!parent) return;
      const bool mount = method == "mount";
      const PythonValue* child =
          mount ? call_argument(call, 1, "app") : call_argument(call, 0, "router");
      const PythonValue* prefix = mount ? call_argument(call, 0, "path") : call.keyword("prefix");
      Attachment attachment{.parent = parent};
      if (prefix) {
        const std::optional<std::string> text = evaluate_string(*prefix, where(f, c.scope));
        attachment.prefix = text.value_or("");
        if (!text) attachment.unresolved = std::string(method) + " prefix " + render(*prefix);
      }
      const ObjectId target = child ? object_of(f, c.scope, *child) : nullptr;
      if (target) {
        attachments_[target].push_back(std::move(attachment));
      } else if (mount && child) {
        const PythonValue* name = call.keyword("name");
        mounts_.push_back({f, &c, parent, std::move(attachment),
                           child->kind == PythonValue::Kind::kCall ? child->text : render(*child),
                           name ? evaluate_string(*name, where(f, c.scope)).value_or("") : ""});
      }
      return;
    }
    if (routes && kRouteMethods.contains(method) && method.starts_with("add_")) {
      const ObjectId owner = object_at(f, c.scope, receiver);
      if (!owner) return;
      const PythonValue* endpoint = call_argument(call, 1, "endpoint");
      std::string handler;
      std::string param_scope;
      const DefinitionFact* def = nullptr;
      if (endpoint && endpoint->kind == PythonValue::Kind::kName) {
        const NameTarget t = names_.resolve(f, c.scope, endpoint->text);
        if (t.kind == NameTarget::Kind::kDefinition) {
          def = t.definition;
          handler = qualified(t.file, *def);
        }
      }
      add_route(f, c.scope, owner, call, method, def, handler, c.line);
    }
  }

  void on_decorator(std::size_t f, const DefinitionFact& def, const PythonValue& d) {
    if (d.kind != PythonValue::Kind::kCall) return;
    const std::string_view method = last_name(d.text);
    if (!kRouteMethods.contains(method) || method.starts_with("add_")) return;
    const ObjectId owner = object_at(f, def.scope, parent_name(d.text));
    if (!owner) return;  // `.get` is too common a name to claim unresolved
    add_route(f, def.scope, owner, d, method, &def, qualified(f, def), d.line);
  }

  std::string qualified(std::size_t f, const DefinitionFact& def) const {
    return files_[f].module + "." + def.qualified_name;
  }

  void add_route(std::size_t f, std::string_view scope, ObjectId owner, const PythonValue& call,
                 std::string_view method, const DefinitionFact* def, const std::string& handler,
                 std::uint32_t line) {
    std::vector<std::string> unresolved;
    const PythonValue* path_arg = call_argument(call, 0, "path");
    std::optional<std::string> path = path_arg ? evaluate_string(*path_arg, where(f, scope)) : "";
    if (!path) unresolved.push_back("path " + render(*path_arg));
    std::vector<std::string> methods;
    if (const std::string_view fixed = kRouteMethods.at(method); !fixed.empty()) {
      methods.emplace_back(fixed);
    } else if (const PythonValue* given = call.keyword("methods")) {
      const auto list = evaluate_string_list(*given, where(f, scope));
      if (list) methods = *list;
      if (!list) unresolved.push_back("methods " + render(*given));
    }
    if (methods.empty()) methods = {"GET"};
    for (std::string& m : methods)
      std::transform(m.begin(), m.end(), m.begin(),
                     [](unsigned char c) { return std::toupper(c); });
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    std::string endpoint = def ? def->name : "";
    if (const PythonValue* name = call.keyword("name")) {
      endpoint = evaluate_string(*name, where(f, scope)).value_or(endpoint);
    }
    const FastApiObject& object = objects_.at(owner);
    for (const Placement& p : placements(owner, 0)) {
      Route r{.framework = "fastapi", .methods = methods, .handler = handler, .endpoint = endpoint};
      r.path = p.prefix + (object.app ? "" : object.prefix) + (path ? *path : "{?}");
      r.file = files_[f].path;
      r.line = line;
      std::vector<std::string> why = unresolved;
      if (!object.unresolved.empty()) why.push_back(object.unresolved);
      if (!p.unresolved.empty()) why.push_back(p.unresolved);
      if (!p.attached) why.push_back("router never included in a FastAPI app found");
      finish(r, def, why);
    }
  }

  // Template, parameters, id, and the partial mark with its diagnostic.
  void finish(Route& r, const DefinitionFact* def, const std::vector<std::string>& why) {
    r.path_template = r.path;
    for (const TemplatePart& part : split_path_template(r.path)) {
      if (!part.parameter) continue;
      std::string annotation;
      if (def) {
        for (std::size_t i = 0; i < def->parameters.size() && i < def->parameter_types.size(); ++i)
          if (def->parameters[i] == part.name) annotation = def->parameter_types[i];
      }
      r.params.push_back({std::string(part.name), fastapi_param_type(annotation, part.convertor)});
    }
    for (const std::string& w : why)
      r.unresolved += (r.unresolved.empty() ? "" : "; ") + w;
    r.partial = !why.empty();
    if (r.partial) {
      diagnostics_.push_back({r.file, r.line, Severity::kWarning, "partial-route",
                              "route of " + (r.handler.empty() ? "?" : r.handler) +
                                  " not fully resolved: " + r.unresolved});
    }
    r.id = stable_route_id(r.framework, r.endpoint, r.path_template);
    routes_.push_back(std::move(r));
  }

  // Every prefix `id`'s routes get: one per chain of attachments up to an
  // app that nothing attaches (a root). Cycles are cut at `depth`.
  std::vector<Placement> placements(ObjectId id, int depth) const {
    const auto parents = attachments_.find(id);
    if (parents == attachments_.end() || depth > 16) {
      return {Placement{.attached = objects_.at(id).app}};
    }
    std::vector<Placement> out;
    for (const Attachment& a : parents->second) {
      const FastApiObject& parent = objects_.at(a.parent);
      for (Placement p : placements(a.parent, depth + 1)) {
        p.prefix += (parent.app ? "" : parent.prefix) + a.prefix;
        if (!parent.unresolved.empty()) p.unresolved += parent.unresolved;
        if (!a.unresolved.empty())
          p.unresolved += (p.unresolved.empty() ? "" : "; ") + a.unresolved;
        out.push_back(std::move(p));
      }
    }
    return out;
  }

  // Mounts of something other than a FastAPI app, as routes.
  void add_mount_routes() {
    for (const ForeignMount& m : mounts_) {
      const FastApiObject& parent = objects_.at(m.parent);
      for (const Placement& p : placements(m.parent, 0)) {
        Route r{.framework = "fastapi",
                .methods = {"ANY"},
                .handler = m.what,
                .endpoint = m.name.empty() ? "mount" : m.name};
        r.path =
            p.prefix + (parent.app ? "" : parent.prefix) + m.attachment.prefix + "/{path:path}";
        r.file = files_[m.file].path;
        r.line = m.call->line;
        std::vector<std::string> why;
        if (!m.attachment.unresolved.empty()) why.push_back(m.attachment.unresolved);
        if (!p.unresolved.empty()) why.push_back(p.unresolved);
        finish(r, nullptr, why);
      }
    }
  }

 private:
  struct ForeignMount {
    std::size_t file = 0;
    const CallFact* call = nullptr;
    ObjectId parent = nullptr;
    Attachment attachment;
    std::string what;  // the mounted callee (StaticFiles), or the expression as written
    std::string name;  // mount(name=)
  };

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  ValueFlow flow_;
  std::map<ObjectId, FastApiObject> objects_;
  std::map<ObjectId, std::vector<Attachment>> attachments_;
  std::vector<ForeignMount> mounts_;
  std::vector<Route> routes_;
};

}  // namespace

std::string fastapi_param_type(std::string_view annotation, std::string_view convertor) {
  if (convertor == "path") return "path";
  std::string_view type = annotation;
  if (type.starts_with("Annotated[")) {  // Annotated[int, Path(ge=1)]
    type.remove_prefix(10);
    type = type.substr(0, std::min(type.find(','), type.find(']')));
  }
  while (!type.empty() && type.back() == ' ')
    type.remove_suffix(1);
  if (type == "int" || type == "float" || type == "str") return std::string(type);
  if (type == "UUID" || type == "uuid.UUID") return "uuid";
  if (!convertor.empty()) return std::string(convertor);
  return "str";
}

std::vector<Route> extract_fastapi_routes(const NameResolver& names,
                                          const std::vector<ClassConstruction>& constructions,
                                          std::vector<Diagnostic>& diagnostics) {
  FastApiRouteExtractor extractor(names, diagnostics);
  return extractor.run(constructions);
}

}  // namespace cutover
