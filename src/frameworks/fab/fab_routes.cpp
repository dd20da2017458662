#include "frameworks/fab/fab_routes.h"

#include <algorithm>
#include <set>

#include "frameworks/fab/fab_class_routes.h"
#include "frameworks/fab/fab_config.h"
#include "frameworks/flask/flask_rule.h"
#include "link/route_id.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

constexpr std::string_view kGeneratedBy = "flask_appbuilder";

// A statement that registers something, and the `if` branches it sits in.
struct Site {
  std::size_t file = 0;
  std::uint32_t line = 0;
  std::vector<ConditionRef> conditions;
};

struct Builder {
  std::size_t file = 0;
  const AssignmentFact* assignment = nullptr;
  Site made;
  // Where it gets its app and registers its own views: the construction
  // with an app, or the first init_app(app, ...) call.
  std::optional<Site> init;
};

struct Registration {
  std::optional<std::size_t> builder;
  Site site;
  FabClassNode cls;
  std::optional<std::string> endpoint;  // add_view_no_menu(endpoint=)
  std::optional<std::string> static_folder;
  bool generated = false;  // AppBuilder's own registration of one of FAB's classes
  std::vector<RouteAssumption> assumptions;
};

std::pair<std::string_view, std::string_view> split_method(std::string_view callee) {
  const std::size_t dot = callee.rfind('.');
  if (dot == std::string_view::npos) return {{}, callee};
  return {callee.substr(0, dot), callee.substr(dot + 1)};
}

Site site_of(std::size_t file, std::uint32_t line, std::int32_t condition) {
  Site s{.file = file, .line = line};
  if (condition >= 0) s.conditions.push_back({file, condition});
  return s;
}

class FabExtractor {
 public:
  FabExtractor(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
               std::vector<Diagnostic>& diagnostics)
      : names_(names),
        files_(names.files()),
        diagnostics_(diagnostics),
        classes_(names),
        config_(names, diagnostics) {
    for (const ClassConstruction& c : constructions) {
      const bool is_builder =
          std::any_of(c.external_ancestors.begin(), c.external_ancestors.end(),
                      [](const std::string& a) { return fab_symbol(a) == "AppBuilder"; });
      if (!is_builder) continue;
      Builder b{.file = c.file,
                .assignment = c.assignment,
                .made = site_of(c.file, c.assignment->line, c.assignment->condition)};
      const PythonValue* app = call_argument(c.assignment->value, 0, "app");
      if (app && app->kind != PythonValue::Kind::kNone) b.init = b.made;
      builders_.push_back(std::move(b));
    }
  }

  std::vector<Route> run() {
    std::vector<std::pair<std::size_t, const CallFact*>> calls;
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const CallFact& call : files_[f].calls) {
        const auto [receiver, method] = split_method(call.call.text);
        if (receiver.empty()) continue;
        if (method == "init_app") {
          const std::optional<std::size_t> b = builder_named(f, call.scope, receiver);
          if (b && !builders_[*b].init) {
            Site s = site_of(f, call.line, call.condition);
            s.conditions.insert(s.conditions.end(), builders_[*b].made.conditions.begin(),
                                builders_[*b].made.conditions.end());
            builders_[*b].init = std::move(s);
          }
        } else if (method == "add_view" || method == "add_view_no_menu" || method == "add_api") {
          calls.emplace_back(f, &call);
        }
      }
    }
    for (std::size_t b = 0; b < builders_.size(); ++b) {
      if (builders_[b].init) builtin_views(b);
    }
    for (const auto& [f, call] : calls)
      on_registration(f, *call);
    for (const Registration& r : registrations_)
      emit(r);
    return std::move(out_);
  }

 private:
  std::optional<std::size_t> builder_named(std::size_t f, std::string_view scope,
                                           std::string_view dotted) const {
    const NameTarget t = names_.resolve(f, scope, dotted);
    if (t.kind != NameTarget::Kind::kAssignment) return std::nullopt;
    for (std::size_t b = 0; b < builders_.size(); ++b) {
      if (builders_[b].assignment == t.assignment) return b;
    }
    return std::nullopt;
  }

  // The class a registration's argument is: a class, an instance `C()`,
  // or a name bound to either.
  std::optional<FabClassNode> class_of(const PythonValue& arg, const EvalScope& at) const {
    EvalScope there;
    const PythonValue& v = dereference(arg, at, &there);
    if (v.kind != PythonValue::Kind::kName && v.kind != PythonValue::Kind::kCall) {
      return std::nullopt;
    }
    return classes_.resolve(there.file, there.scope, v.text);
  }

  // A class named by a dotted path in config (FAB_INDEX_VIEW, FAB_SECURITY_MANAGER_CLASS).
  std::optional<FabClassNode> class_at_path(const std::string& dotted) const {
    const std::size_t dot = dotted.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::optional<std::size_t> f = names_.module_file(dotted.substr(0, dot));
    if (!f) return std::nullopt;
    return classes_.resolve(*f, "", dotted.substr(dot + 1));
  }

  void on_registration(std::size_t f, const CallFact& call) {
    const auto [receiver, method] = split_method(call.call.text);
    std::optional<std::size_t> builder = builder_named(f, call.scope, receiver);
    const EvalScope base{.names = &names_, .file = f, .scope = call.scope};
    std::vector<Bindings> iterations{Bindings{}};
    if (call.loop >= 0) {
      iterations = loop_iterations(files_[f].loops[static_cast<std::size_t>(call.loop)], base);
    }
    for (const Bindings& bindings : iterations) {
      EvalScope at = base;
      at.bindings = &bindings;
      const PythonValue* arg = call_argument(call.call, 0, "baseview");
      std::optional<FabClassNode> cls = arg ? class_of(*arg, at) : std::nullopt;
      const bool is_fab = cls && cls->found() && classes_.routes(*cls).kind != FabClassKind::kOther;
      if (!builder && !is_fab) continue;  // another library's add_view (Flask-Admin's)
      if (!is_fab) {
        diagnostics_.push_back({files_[f].path, call.line, Severity::kWarning,
                                "fab-unresolved-view",
                                std::string(method) + "(" + (arg ? render(*arg) : "") +
                                    "): not a Flask-AppBuilder view or API class found in the "
                                    "tree; its routes are not listed"});
        continue;
      }
      // A receiver that is not an AppBuilder found (self.appbuilder in an
      // addon manager, a parameter): the tree's only AppBuilder, if one.
      if (!builder && builders_.size() == 1) builder = 0;
      Registration r{
          .builder = builder, .site = site_of(f, call.line, call.condition), .cls = *cls};
      if (builder) {
        const Site& made = builders_[*builder].made;
        r.site.conditions.insert(r.site.conditions.end(), made.conditions.begin(),
                                 made.conditions.end());
      }
      if (method == "add_view_no_menu") {
        // add_view_no_menu(baseview, endpoint=None, static_folder=None)
        for (auto [index, keyword, target] : {std::tuple(1, "endpoint", &r.endpoint),
                                              std::tuple(2, "static_folder", &r.static_folder)}) {
          const PythonValue* v = call_argument(call.call, index, keyword);
          if (!v || v->kind == PythonValue::Kind::kNone) continue;
          *target = evaluate_string(*v, at);
          if (!*target) {
            diagnostics_.push_back({files_[f].path, call.line, Severity::kWarning, "partial-route",
                                    std::string(keyword) + " " + render(*v) + " is not static"});
          }
        }
      }
      registrations_.push_back(std::move(r));
    }
  }

  // The security manager AppBuilder builds: FAB_SECURITY_MANAGER_CLASS,
  // else security_manager_class=, else FAB's SQLAlchemy SecurityManager.
  std::optional<FabClassNode> security_manager(const Builder& b) {
    if (const auto path = config_.text("FAB_SECURITY_MANAGER_CLASS")) {
      if (auto cls = class_at_path(*path)) return cls;
    }
    const EvalScope at{.names = &names_, .file = b.file, .scope = b.assignment->scope};
    const PythonValue* given = call_argument(b.assignment->value, 7, "security_manager_class");
    if (given && given->kind != PythonValue::Kind::kNone) return class_of(*given, at);
    return std::nullopt;  // FAB's own
  }

  // The class a security-manager attribute names (nullopt: None, or not found).
  std::optional<FabClassNode> security_view(const std::optional<FabClassNode>& manager,
                                            std::string_view attribute) {
    if (manager) {
      for (const FabClassNode& c : classes_.mro(*manager)) {
        const auto a = classes_.tree_attribute(c, attribute);
        if (!a) continue;
        if (a->value->kind == PythonValue::Kind::kNone) return std::nullopt;
        return class_of(*a->value, a->at);
      }
    }
    const std::optional<std::string_view> fab_default = fab_security_view_default(attribute);
    if (!fab_default) return std::nullopt;
    return FabClassResolver::fab(*fab_default);
  }

  static bool is_sqla_manager(const std::vector<FabClassNode>& mro) {
    return std::any_of(mro.begin(), mro.end(), [](const FabClassNode& c) {
      return c.external.starts_with("flask_appbuilder.") &&
             c.external.ends_with(".SecurityManager") &&
             c.external.find(".mongoengine.") == std::string::npos;
    });
  }

  void builtin_views(std::size_t b) {
    const Builder& builder = builders_[b];
    const std::optional<FabClassNode> manager = security_manager(builder);
    const bool sqla = !manager || is_sqla_manager(classes_.mro(*manager));
    const FabConfig::AuthType auth = config_.auth_type();
    for (const FabBuiltinView& step : fab_builtin_views()) {
      Registration r{.builder = b, .site = *builder.init};
      bool enabled = !step.sqla_security_manager || sqla;
      for (const FabSwitch& key : step.when) {
        const FabConfig::Flag flag = config_.flag(key);
        enabled = enabled && flag.value;
        if (flag.assumption) r.assumptions.push_back(*flag.assumption);
      }
      if (!step.auth_types.empty()) {
        enabled = enabled && std::find(step.auth_types.begin(), step.auth_types.end(),
                                       auth.value) != step.auth_types.end();
        if (auth.assumption) r.assumptions.push_back(*auth.assumption);
      }
      if (!enabled) continue;
      std::optional<FabClassNode> cls;
      switch (step.source) {
        case FabViewSource::kIndexView:
          cls = index_view(builder);
          break;
        case FabViewSource::kClass:
          cls = FabClassResolver::fab(step.view);
          break;
        case FabViewSource::kSecurityManager:
          cls = security_view(manager, step.view);
          break;
      }
      if (!cls || !cls->found()) continue;
      r.cls = std::move(*cls);
      r.generated = r.cls.fab != nullptr;
      registrations_.push_back(std::move(r));
    }
    static_route(builder);
  }

  FabClassNode index_view(const Builder& b) {
    if (const auto path = config_.text("FAB_INDEX_VIEW")) {
      if (auto cls = class_at_path(*path)) return *cls;
    }
    const EvalScope at{.names = &names_, .file = b.file, .scope = b.assignment->scope};
    const PythonValue* given = call_argument(b.assignment->value, 3, "indexview");
    if (given && given->kind != PythonValue::Kind::kNone) {
      if (auto cls = class_of(*given, at); cls && cls->found()) return *cls;
    }
    return FabClassResolver::fab("IndexView");
  }

  // The global "appbuilder" blueprint's static folder (base.py:306-315).
  void static_route(const Builder& b) {
    std::optional<std::string> url_path = config_.text("FAB_STATIC_URL_PATH");
    if (!url_path) {
      const EvalScope at{.names = &names_, .file = b.file, .scope = b.assignment->scope};
      const PythonValue* given = call_argument(b.assignment->value, 6, "static_url_path");
      url_path = given ? evaluate_string(*given, at) : std::nullopt;
    }
    Route r = base_route(*b.init, std::string(kFabStaticBlueprint), "static");
    r.path =
        join_url_prefix(kFabStaticPrefix, url_path.value_or(std::string(kFabDefaultStaticUrlPath)) +
                                              "/<path:filename>");
    r.handler = "flask.Blueprint.send_static_file";
    r.auto_kind = "static";
    r.generated_by = kGeneratedBy;
    finish(std::move(r));
  }

  Route base_route(const Site& site, const std::string& blueprint, std::string_view method) const {
    Route r;
    r.framework = "flask";
    r.methods = {"GET"};
    r.blueprint = blueprint;
    r.endpoint = blueprint + "." + std::string(method);
    r.file = files_[site.file].path;
    r.line = site.line;
    r.condition_refs = site.conditions;
    return r;
  }

  std::string qualified(const FabClassNode& c) const {
    if (c.tree) {
      const std::string& module = files_[c.file].module;
      return module.empty() ? c.tree->qualified_name : module + "." + c.tree->qualified_name;
    }
    if (c.fab) return std::string(c.fab->module) + "." + std::string(c.fab->name);
    return c.external;
  }

  void emit(const Registration& reg) {
    // add_view* of a class already registered on that AppBuilder adds no
    // routes (base.py:443, 560, 711-715).
    if (!registered_[reg.builder].insert(reg.cls.key()).second) return;
    const FabClassRoutes routes = classes_.routes(reg.cls);
    const std::string blueprint = reg.endpoint.value_or(reg.cls.name());
    const std::string handler_class = qualified(reg.cls);
    for (const FabMethodRoute& m : routes.routes) {
      Route r = base_route(reg.site, blueprint, m.method);
      r.methods = m.http;
      r.path = join_url_prefix(routes.route_base, m.url);
      r.handler = handler_class + "." + m.method;
      r.guards = m.guards;
      if (m.definition) {
        r.handler_file = files_[m.file].path;
        r.handler_line = m.definition->first_line;
      } else if (reg.cls.tree) {
        r.handler_file = files_[reg.cls.file].path;
        r.handler_line = reg.cls.tree->first_line;
      }
      std::vector<std::string> unresolved = routes.unresolved;
      unresolved.insert(unresolved.end(), m.unresolved.begin(), m.unresolved.end());
      if (!unresolved.empty()) {
        r.partial = true;
        for (const std::string& u : unresolved)
          r.unresolved += (r.unresolved.empty() ? "" : "; ") + u;
      }
      r.assumptions = reg.assumptions;
      if (reg.generated) r.generated_by = kGeneratedBy;
      finish(std::move(r));
    }
    if (reg.static_folder) {  // add_view_no_menu(static_folder=): the blueprint's static route
      std::string folder = *reg.static_folder;
      while (!folder.empty() && folder.back() == '/')
        folder.pop_back();
      Route r = base_route(reg.site, blueprint, "static");
      r.path = join_url_prefix(routes.route_base,
                               "/" + folder.substr(folder.rfind('/') + 1) + "/<path:filename>");
      r.handler = "flask.Blueprint.send_static_file";
      r.auto_kind = "static";
      finish(std::move(r));
    }
  }

  void finish(Route r) {
    // A URL that is not static is left out of `path` (never Python text there).
    if (r.partial) {
      diagnostics_.push_back({r.file, r.line, Severity::kWarning, "partial-route",
                              "route of " + r.handler + " not fully resolved: " + r.unresolved});
    }
    ConvertedRule converted = convert_flask_rule(r.path);
    r.path_template = std::move(converted.path_template);
    r.params = std::move(converted.params);
    r.id = stable_route_id(r.framework, r.endpoint, r.path_template);
    out_.push_back(std::move(r));
  }

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  FabClassResolver classes_;
  FabConfig config_;
  std::vector<Builder> builders_;
  std::vector<Registration> registrations_;
  std::map<std::optional<std::size_t>, std::set<decltype(FabClassNode{}.key())>> registered_;
  std::vector<Route> out_;
};

}  // namespace

std::vector<Route> extract_fab_routes(const NameResolver& names,
                                      const std::vector<ClassConstruction>& constructions,
                                      std::vector<Diagnostic>& diagnostics) {
  return FabExtractor(names, constructions, diagnostics).run();
}

}  // namespace cutover
