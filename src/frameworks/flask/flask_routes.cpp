#include "frameworks/flask/flask_routes.h"
#include "util/ascii_case.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "frameworks/flask/flask_conventions.h"
#include "frameworks/flask/flask_objects.h"
#include "frameworks/flask/flask_rule.h"
#include "frameworks/flask/flask_static.h"
#include "frameworks/flask/registration_helpers.h"
#include "frameworks/flask/view_methods.h"
#include "link/route_id.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

constexpr std::string_view kShortcuts[] = {"get", "post", "put", "patch", "delete"};
constexpr std::string_view kHooks[] = {"before_request",
                                       "after_request",
                                       "teardown_request",
                                       "teardown_appcontext",
                                       "errorhandler",
                                       "app_errorhandler",
                                       "context_processor",
                                       "app_context_processor",
                                       "url_value_preprocessor",
                                       "app_url_value_preprocessor",
                                       "url_defaults",
                                       "app_url_defaults",
                                       "before_app_request",
                                       "after_app_request",
                                       "teardown_app_request",
                                       "before_first_request",
                                       "before_app_first_request",
                                       "register_error_handler"};

// Splits "a.b.method" into receiver "a.b" and method; empty receiver if no dot.
std::pair<std::string_view, std::string_view> split_method(std::string_view callee) {
  const std::size_t dot = callee.rfind('.');
  if (dot == std::string_view::npos) return {{}, callee};
  return {callee.substr(0, dot), callee.substr(dot + 1)};
}

// One route as declared, before it is mounted into apps.
struct DeclaredRoute {
  FlaskObjectId owner = nullptr;
  struct Rule {
    std::optional<std::string> value;  // nullopt: not static
    std::string source;
  };
  std::vector<Rule> rules;  // several for add_resource(R, '/a', '/b'): one endpoint, many URLs
  std::vector<std::string> methods;
  std::string endpoint;  // as given or derived, without blueprint prefix
  bool endpoint_given = false;
  std::string view_class;  // class name, for Flask-RESTX default endpoints
  std::string handler;
  std::size_t file = 0;
  std::uint32_t line = 0;
  std::vector<std::string> unresolved;
  std::vector<std::string> guards;
  bool api_style = false;                // Flask-RESTful/RESTX: prefixes concatenate
  bool strict_slashes = true;            // false: the rule says strict_slashes=False
  std::vector<ConditionRef> conditions;  // the `if` branches the declaration sits in
};

std::vector<ConditionRef> condition_at(std::size_t file, std::int32_t condition) {
  if (condition < 0) return {};
  return {ConditionRef{.file = file, .index = condition}};
}

class FlaskRouteExtractor {
 public:
  FlaskRouteExtractor(const NameResolver& names,
                      const std::vector<ClassConstruction>& constructions,
                      std::vector<Diagnostic>& diagnostics)
      : names_(names),
        files_(names.files()),
        diagnostics_(diagnostics),
        objects_(names, constructions, diagnostics),
        helpers_(names, objects_, diagnostics) {}

  FlaskExtraction run() {
    wrappers_ = find_registration_wrappers(names_, diagnostics_);
    converters_ = registered_converters(files_);
    for (const InlinedRegistration& r : helpers_.registrations()) {
      const auto [receiver, method] = split_method(r.call.text);
      on_registration(r.file, r.scope, r.line, r.call, receiver, method, &r.bindings, r.conditions,
                      &r);
    }
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const DefinitionFact& def : files_[f].definitions) {
        // Bottom-up, the order Python applies them in: stacked Flask-RESTX
        // routes take their default endpoint names in that order.
        for (auto d = def.decorators.rbegin(); d != def.decorators.rend(); ++d) {
          on_decorator(f, def, *d);
        }
      }
      for (const CallFact& call : files_[f].calls)
        on_call(f, call);
    }
    for (Route& r : flask_automatic_routes(objects_, files_))
      out_.routes.push_back(std::move(r));
    return std::move(out_);
  }

 private:
  EvalScope where(std::size_t f, std::string_view scope, const Bindings* b = nullptr) const {
    return EvalScope{
        .names = &names_, .file = f, .scope = scope, .bindings = b, .notes = &diagnostics_};
  }

  std::string qualified(std::size_t f, const DefinitionFact& def) const {
    const std::string& module = files_[f].module;
    return module.empty() ? def.qualified_name : module + "." + def.qualified_name;
  }

  void read_rule(DeclaredRoute& r, const PythonValue* value, const EvalScope& at) {
    if (!value) {
      r.unresolved.push_back("rule (missing)");
      r.rules.push_back({std::nullopt, ""});
      return;
    }
    r.rules.push_back({evaluate_string(*value, at), render(*value)});
    if (!r.rules.back().value) r.unresolved.push_back("rule " + render(*value));
  }

  // methods=[...] if given; `fallback` otherwise.
  void read_methods(DeclaredRoute& r, const PythonValue& call, const EvalScope& at,
                    std::vector<std::string> fallback) {
    r.methods = std::move(fallback);
    const PythonValue* m = call.keyword("methods");
    if (!m || m->kind == PythonValue::Kind::kNone) return;
    if (auto list = evaluate_string_list(*m, at)) {
      r.methods.clear();
      for (std::string& method : *list)
        r.methods.push_back(ascii_upper(std::move(method)));
    } else {
      r.unresolved.push_back("methods " + render(*m));
    }
  }

  void read_endpoint(DeclaredRoute& r, const PythonValue* value, const EvalScope& at) {
    if (!value || value->kind == PythonValue::Kind::kNone) return;
    if (auto text = evaluate_string(*value, at)) {
      r.endpoint = std::move(*text);
      r.endpoint_given = true;
    } else {
      r.unresolved.push_back("endpoint " + render(*value));
    }
  }

  static void read_strict_slashes(DeclaredRoute& r, const PythonValue* value) {
    if (value && value->text == "False") r.strict_slashes = false;
  }

  // Auth and CSRF decorators on a view: login_required, roles_required(...),
  // any *_required, csrf.exempt.
  static std::vector<std::string> guards_of(const DefinitionFact& def) {
    std::vector<std::string> guards;
    for (const PythonValue& d : def.decorators) {
      const std::string_view name = split_method(d.text).second;
      if (name.ends_with("_required") || name == "exempt" || name == "csrf_exempt") {
        guards.emplace_back(d.text);
      }
    }
    return guards;
  }

  void on_decorator(std::size_t f, const DefinitionFact& def, const PythonValue& decorator) {
    const bool is_call = decorator.kind == PythonValue::Kind::kCall;
    if (!is_call && decorator.kind != PythonValue::Kind::kName) return;
    const auto [receiver, method] = split_method(decorator.text);
    if (receiver.empty()) return;
    if (std::find(std::begin(kHooks), std::end(kHooks), method) != std::end(kHooks)) {
      add_hook(f, def.scope, receiver, method, is_call ? &decorator : nullptr, qualified(f, def),
               decorator.line);
      return;
    }
    if (!is_call) return;
    const bool is_shortcut =
        std::find(std::begin(kShortcuts), std::end(kShortcuts), method) != std::end(kShortcuts);
    if (method != "route" && !is_shortcut) return;
    std::vector<FlaskObjectId> owners = objects_.objects_at(f, def.scope, receiver);
    if (owners.empty()) {
      if (is_shortcut) return;  // `.get` is too common a name to claim unresolved
      owners.push_back(nullptr);
    }
    for (FlaskObjectId owner : owners)
      on_route_decorator(f, def, decorator, owner, receiver, method, is_shortcut);
  }

  // `@owner.route(...)` / `@owner.get(...)` on `def`.
  void on_route_decorator(std::size_t f, const DefinitionFact& def, const PythonValue& decorator,
                          FlaskObjectId owner, std::string_view receiver, std::string_view method,
                          bool is_shortcut) {
    const EvalScope at = where(f, def.scope);
    DeclaredRoute r{.owner = owner,
                    .handler = qualified(f, def),
                    .file = f,
                    .line = decorator.line,
                    .conditions = condition_at(f, def.condition)};
    if (!owner) r.unresolved.push_back("receiver " + std::string(receiver));
    read_rule(r, call_argument(decorator, 0, "rule"), at);
    read_endpoint(r, decorator.keyword("endpoint"), at);
    read_strict_slashes(r, decorator.keyword("strict_slashes"));
    const bool restx_resource = owner && def.kind == DefinitionFact::Kind::kClass &&
                                (objects_.object(owner).kind == FlaskObjectKind::kNamespace ||
                                 objects_.object(owner).kind == FlaskObjectKind::kRestxApi);
    if (restx_resource) {
      r.api_style = true;
      r.view_class = def.name;
      const ViewClass view{.file = f, .definition = &def};
      r.methods =
          view_class_methods(names_, objects_, view).value_or(std::vector<std::string>{"GET"});
      for (std::size_t i = 1; i < decorator.items.size(); ++i) {  // @ns.route('/a', '/b')
        read_rule(r, &decorator.items[i], at);
      }
      emit(r);
      return;
    }
    if (is_shortcut) {
      r.methods = {ascii_upper(std::string(method))};
    } else {
      read_methods(r, decorator, at, {"GET"});
    }
    if (!r.endpoint_given) r.endpoint = def.name;
    r.guards = guards_of(def);
    emit(r);
  }

  void on_call(std::size_t f, const CallFact& call) {
    auto [receiver, method] = split_method(call.call.text);
    if (receiver.empty()) return;
    if (auto wrapper = wrappers_.find(std::string(method)); wrapper != wrappers_.end()) {
      method = wrapper->second;
    }
    if (method == "add_url_rule" || method == "add_resource") {
      if (helpers_.read_at_call_sites(call)) return;
      const std::vector<ConditionRef> conditions = condition_at(f, call.condition);
      if (call.loop >= 0) {  // once per element the loop can walk
        for (const Bindings& bindings :
             loop_iterations(objects_.flow(), files_[f].loops[static_cast<std::size_t>(call.loop)],
                             where(f, call.scope))) {
          on_registration(f, call.scope, call.line, call.call, receiver, method, &bindings,
                          conditions);
        }
        return;
      }
      on_registration(f, call.scope, call.line, call.call, receiver, method, nullptr, conditions);
    } else if (std::find(std::begin(kHooks), std::end(kHooks), method) != std::end(kHooks)) {
      const PythonValue* fn = call.call.positional(method == "register_error_handler" ? 1 : 0);
      if (!fn) return;
      const NameTarget target = names_.resolve(f, call.scope, fn->text);
      const std::string handler = target.kind == NameTarget::Kind::kDefinition
                                      ? qualified(target.file, *target.definition)
                                      : render(*fn);
      add_hook(f, call.scope, receiver, method, &call.call, handler, call.line);
    }
  }

  void on_registration(std::size_t f, std::string_view scope, std::uint32_t line,
                       const PythonValue& call, std::string_view receiver, std::string_view method,
                       const Bindings* bindings, const std::vector<ConditionRef>& conditions,
                       const InlinedRegistration* inlined = nullptr) {
    const PythonValue receiver_name{.kind = PythonValue::Kind::kName,
                                    .text = std::string(receiver)};
    std::vector<FlaskObjectId> owners = objects_.objects_of(f, scope, receiver_name, bindings);
    if (owners.empty()) owners.push_back(nullptr);
    for (FlaskObjectId owner : owners) {
      register_on(owner, f, scope, line, call, receiver, method, bindings, conditions, inlined);
    }
  }

  // add_url_rule / add_resource on one object the receiver can be.
  void register_on(FlaskObjectId owner, std::size_t f, std::string_view scope, std::uint32_t line,
                   const PythonValue& call, std::string_view receiver, std::string_view method,
                   const Bindings* bindings, const std::vector<ConditionRef>& conditions,
                   const InlinedRegistration* inlined) {
    const EvalScope at = where(f, scope, bindings);
    DeclaredRoute r{.owner = owner, .file = f, .line = line, .conditions = conditions};
    if (!owner) r.unresolved.push_back("receiver " + std::string(receiver));
    if (method == "add_resource") {
      on_add_resource(r, call, at);
      return;
    }
    // add_url_rule(rule, endpoint=None, view_func=None, **options)
    read_rule(r, call_argument(call, 0, "rule"), at);
    read_endpoint(r, call_argument(call, 1, "endpoint"), at);
    read_strict_slashes(r, call.keyword("strict_slashes"));
    std::vector<std::string> view_methods = {"GET"};
    if (const PythonValue* view = call_argument(call, 2, "view_func")) {
      describe_view(r, *view, at, &view_methods, inlined);
    } else {
      // Legal in Flask: the rule exists (url_for can build it) but no view
      // serves it until one is attached to the endpoint elsewhere.
      diagnostics_.push_back({files_[f].path, line, Severity::kInfo, "rule-without-view",
                              "add_url_rule() without view_func: the endpoint has no view here"});
    }
    read_methods(r, call, at, std::move(view_methods));
    emit(r);
  }

  // view_func=function, =SomeView.as_view('name'), or a name bound to either.
  void describe_view(DeclaredRoute& r, const PythonValue& view, const EvalScope& at,
                     std::vector<std::string>* methods, const InlinedRegistration* inlined) {
    EvalScope there;
    const PythonValue& value = dereference(view, at, &there);
    if (value.kind == PythonValue::Kind::kCall && value.text.ends_with(".as_view")) {
      const std::string cls_name = value.text.substr(0, value.text.size() - 8);
      if (!r.endpoint_given) {
        const PythonValue* name = call_argument(value, 0, "name");
        if (auto text = name ? evaluate_string(*name, there) : std::nullopt) r.endpoint = *text;
      }
      if (auto cls = resolve_class(names_, there.file, there.scope, cls_name)) {
        r.handler = qualified(cls->file, *cls->definition);
        if (auto m = view_class_methods(names_, objects_, *cls)) *methods = std::move(*m);
      } else {
        r.handler = cls_name;
        r.unresolved.push_back("view class " + cls_name);
      }
      return;
    }
    NameTarget t = value.kind == PythonValue::Kind::kName
                       ? names_.resolve(there.file, there.scope, value.text)
                       : NameTarget{};
    if (t.kind == NameTarget::Kind::kUnknown && inlined && value.kind == PythonValue::Kind::kName) {
      t = names_.resolve(inlined->helper_file, inlined->helper_scope, value.text);
    }
    if (t.kind == NameTarget::Kind::kDefinition) {
      r.handler = qualified(t.file, *t.definition);
      if (!r.endpoint_given) r.endpoint = t.definition->name;
      return;
    }
    r.handler = value.text;
    if (!r.endpoint_given) {
      r.endpoint = value.text.substr(value.text.rfind('.') + 1);  // Flask uses __name__
    }
    if (t.kind != NameTarget::Kind::kExternal) r.unresolved.push_back("view_func " + value.text);
  }

  // api.add_resource(Resource, *urls, endpoint=None, ...)
  void on_add_resource(DeclaredRoute& r, const PythonValue& call, const EvalScope& at) {
    r.api_style = true;
    const PythonValue* given = call.positional(0);
    if (!given) return;
    EvalScope there;
    const PythonValue* resource = &dereference(*given, at, &there);
    std::vector<std::string> methods = {"GET"};
    if (auto cls = resolve_class(names_, there.file, there.scope, resource->text)) {
      r.handler = qualified(cls->file, *cls->definition);
      r.view_class = cls->definition->name;
      if (auto m = view_class_methods(names_, objects_, *cls)) methods = std::move(*m);
    } else {
      r.handler = resource->text;
      r.view_class = resource->text.substr(resource->text.rfind('.') + 1);
      r.unresolved.push_back("resource " + resource->text);
    }
    r.methods = std::move(methods);
    read_endpoint(r, call.keyword("endpoint"), at);
    const bool restx = r.owner && objects_.object(r.owner).kind != FlaskObjectKind::kRestfulApi;
    if (!r.endpoint_given && !restx) r.endpoint = ascii_lower(r.view_class);
    if (call.items.size() < 2) read_rule(r, nullptr, at);
    for (std::size_t i = 1; i < call.items.size(); ++i)
      read_rule(r, &call.items[i], at);
    emit(r);
  }

  void emit(const DeclaredRoute& r) {
    const std::vector<Mount> mounts =
        r.owner ? objects_.mounts(r.owner) : std::vector<Mount>{Mount{.attached = false}};
    std::string unresolved;
    for (const std::string& u : r.unresolved)
      unresolved += (unresolved.empty() ? "" : "; ") + u;
    for (const Mount& m : mounts) {
      std::string why = unresolved;
      if (!m.attached && r.owner)
        why += (why.empty() ? "" : "; ") + std::string("not registered on any app found");
      if (!m.unresolved.empty()) {
        why += (why.empty() ? "" : "; ") + m.unresolved;
      }
      const std::string endpoint = endpoint_in(r, m);
      for (const DeclaredRoute::Rule& rule : r.rules) {
        Route route;
        route.framework = "flask";
        const std::string& text = rule.value ? *rule.value : rule.source;
        if (r.api_style) {
          // Flask-RESTful/RESTX build blueprint prefix + api prefix + url by concatenation.
          route.path = m.url_prefix.value_or("") + m.api_prefix + text;
        } else {
          route.path = m.url_prefix ? join_url_prefix(*m.url_prefix, text) : text;
        }
        route.endpoint = m.blueprint.empty() ? endpoint : m.blueprint + "." + endpoint;
        route.blueprint = m.blueprint;
        route.methods = r.methods;
        std::sort(route.methods.begin(), route.methods.end());
        route.methods.erase(std::unique(route.methods.begin(), route.methods.end()),
                            route.methods.end());
        route.handler = r.handler;
        route.guards = r.guards;
        route.strict_slashes = r.strict_slashes;
        route.condition_refs = r.conditions;
        route.condition_refs.insert(route.condition_refs.end(), m.conditions.begin(),
                                    m.conditions.end());
        route.file = files_[r.file].path;
        route.line = r.line;
        ConvertedRule converted = convert_flask_rule(route.path);
        for (const RouteParam& param : converted.params) {
          if (is_builtin_converter_type(param.type) || converters_.contains(param.type)) continue;
          diagnostics_.push_back({files_[r.file].path, r.line, Severity::kWarning,
                                  "unknown-converter",
                                  "converter <" + param.type + ":" + param.name +
                                      "> is neither built in nor registered on a url_map found"});
        }
        route.path_template = std::move(converted.path_template);
        route.params = std::move(converted.params);
        if (!why.empty()) {
          route.partial = true;
          route.unresolved = why;
          diagnostics_.push_back({route.file, route.line, Severity::kWarning, "partial-route",
                                  "route of " + (r.handler.empty() ? "?" : r.handler) +
                                      " not fully resolved: " + why});
        }
        route.id = stable_route_id(route.framework, route.endpoint, route.path_template);
        out_.routes.push_back(std::move(route));
      }
    }
  }

  // The endpoint before the blueprint prefix. Flask-RESTX's default_endpoint is
  // namespace_class_name, suffixed _2, _3... when a resource registered earlier
  // took the name.
  std::string endpoint_in(const DeclaredRoute& r, const Mount& m) {
    if (!r.api_style || r.endpoint_given || !r.endpoint.empty()) return r.endpoint;
    std::string endpoint = camel_to_dash(r.view_class);
    if (m.in_restx_namespace && m.namespace_name != "default") {
      endpoint = m.namespace_name + "_" + endpoint;
    }
    const std::string base = endpoint;
    for (int suffix = 2; !restx_endpoints_.insert(m.blueprint + "." + endpoint).second; ++suffix) {
      endpoint = base + "_" + std::to_string(suffix);
    }
    return endpoint;
  }

  void add_hook(std::size_t f, std::string_view scope, std::string_view receiver,
                std::string_view method, const PythonValue* call, std::string handler,
                std::uint32_t line) {
    const std::vector<FlaskObjectId> owners = objects_.objects_at(f, scope, receiver);
    // None: `before_request` on something that is not Flask's.
    std::string kind(method);
    if ((method == "errorhandler" || method == "app_errorhandler" ||
         method == "register_error_handler") &&
        call && !call->items.empty()) {
      kind += "(" + call->items[0].text + ")";
    }
    for (FlaskObjectId owner : owners) {
      for (const Mount& m : objects_.mounts(owner)) {
        out_.hooks.push_back(Hook{.framework = "flask",
                                  .kind = kind,
                                  .blueprint = m.blueprint,
                                  .handler = handler,
                                  .file = files_[f].path,
                                  .line = line});
      }
    }
  }

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  FlaskObjects objects_;
  RegistrationHelpers helpers_;
  FlaskExtraction out_;
  std::set<std::string> restx_endpoints_;
  std::map<std::string, std::string_view> wrappers_;
  std::set<std::string> converters_;
};

}  // namespace

FlaskExtraction extract_flask_routes(const NameResolver& names,
                                     const std::vector<ClassConstruction>& constructions,
                                     std::vector<Diagnostic>& diagnostics) {
  return FlaskRouteExtractor(names, constructions, diagnostics).run();
}

}  // namespace cutover
