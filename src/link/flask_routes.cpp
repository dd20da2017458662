#include "link/flask_routes.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "link/flask_rule.h"
#include "link/route_id.h"

namespace cutover {
namespace {

bool is_external(const NameTarget& t, std::initializer_list<std::string_view> names) {
  return t.kind == NameTarget::Kind::kExternal &&
         std::find(names.begin(), names.end(), t.name) != names.end();
}

const std::string* string_arg(const PythonValue& call, std::size_t index, std::string_view kw) {
  const PythonValue* v = call.keyword(kw);
  if (!v) v = call.positional(index);
  return v && v->is_string() ? &v->text : nullptr;
}

struct FlaskObject {
  bool is_app = false;
  std::string name;  // blueprint name
  std::optional<std::string> url_prefix;
  std::size_t file = 0;
  std::uint32_t line = 0;
};

struct Registration {
  const AssignmentFact* parent = nullptr;
  std::optional<std::string> url_prefix;  // given to register_blueprint
  std::optional<std::string> name;        // name= given to register_blueprint
};

// Where a blueprint's routes end up: one per registration path from an app.
struct Mount {
  std::optional<std::string> url_prefix;
  std::string name;  // dotted endpoint prefix ("" for the app)
  bool registered = true;
};

class FlaskLinker {
 public:
  FlaskLinker(const NameResolver& names, std::vector<Diagnostic>& diagnostics)
      : names_(names), files_(names.files()), diagnostics_(diagnostics) {}

  std::vector<Route> run() {
    find_objects();
    find_registrations();
    std::vector<Route> routes;
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const DefinitionFact& def : files_[f].definitions) {
        for (const PythonValue& decorator : def.decorators) {
          if (decorator.kind == PythonValue::Kind::kCall && decorator.text.ends_with(".route")) {
            add_decorator_routes(f, def, decorator, routes);
          }
        }
      }
    }
    return routes;
  }

 private:
  void find_objects() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const AssignmentFact& a : files_[f].assignments) {
        if (a.value.kind != PythonValue::Kind::kCall) continue;
        const NameTarget callee = names_.resolve(f, a.scope, a.value.text);
        FlaskObject object{.file = f, .line = a.line};
        if (is_external(callee, {"flask.Flask", "flask.app.Flask"})) {
          object.is_app = true;
        } else if (is_external(callee, {"flask.Blueprint", "flask.blueprints.Blueprint"})) {
          if (const std::string* name = string_arg(a.value, 0, "name")) object.name = *name;
          if (const std::string* prefix = string_arg(a.value, 99, "url_prefix")) {
            object.url_prefix = *prefix;
          }
        } else {
          continue;
        }
        objects_.emplace(&a, std::move(object));
      }
    }
  }

  // The Flask app or blueprint `dotted` names, following aliases, imports and,
  // for a parameter (`def register(app): app.register_blueprint(...)`), the
  // arguments its callers pass.
  const AssignmentFact* object_at(std::size_t file, std::string_view scope, std::string_view dotted,
                                  int depth = 0) {
    const NameTarget t = names_.resolve(file, scope, dotted);
    if (t.kind == NameTarget::Kind::kAssignment && objects_.contains(t.assignment)) {
      return t.assignment;
    }
    if (t.kind != NameTarget::Kind::kParameter || depth > 8) return nullptr;
    const std::vector<std::string>& params = t.definition->parameters;
    const auto position = std::find(params.begin(), params.end(), t.name) - params.begin();
    for (const auto& [caller_file, call] : call_sites(t.definition)) {
      const PythonValue* arg = call->call.keyword(t.name);
      if (!arg) arg = call->call.positional(static_cast<std::size_t>(position));
      if (!arg || arg->kind != PythonValue::Kind::kName) continue;
      if (const AssignmentFact* found = object_at(caller_file, call->scope, arg->text, depth + 1)) {
        return found;
      }
    }
    return nullptr;
  }

  // Statement calls of `function` anywhere in the tree; indexed on first use.
  const std::vector<std::pair<std::size_t, const CallFact*>>& call_sites(
      const DefinitionFact* function) {
    if (!call_sites_indexed_) {
      call_sites_indexed_ = true;
      for (std::size_t f = 0; f < files_.size(); ++f) {
        for (const CallFact& c : files_[f].calls) {
          const NameTarget callee = names_.resolve(f, c.scope, c.call.text);
          if (callee.kind == NameTarget::Kind::kDefinition) {
            call_sites_[callee.definition].emplace_back(f, &c);
          }
        }
      }
    }
    return call_sites_[function];
  }

  void find_registrations() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const CallFact& c : files_[f].calls) {
        const std::string& callee = c.call.text;
        if (!callee.ends_with(".register_blueprint")) continue;
        const std::string_view receiver =
            std::string_view(callee).substr(0, callee.size() - sizeof(".register_blueprint") + 1);
        const AssignmentFact* parent = object_at(f, c.scope, receiver);
        const PythonValue* arg = c.call.positional(0);
        if (!arg) arg = c.call.keyword("blueprint");
        const AssignmentFact* child = arg && arg->kind == PythonValue::Kind::kName
                                          ? object_at(f, c.scope, arg->text)
                                          : nullptr;
        if (!parent || !child || objects_.at(child).is_app) {
          diagnostics_.push_back({files_[f].path, c.line, Severity::kWarning,
                                  "unresolved-registration",
                                  "cannot tell which blueprint " + callee +
                                      "() registers on which app; its routes may lack a prefix"});
          continue;
        }
        Registration r{.parent = parent};
        if (const PythonValue* p = c.call.keyword("url_prefix"); p && p->is_string()) {
          r.url_prefix = p->text;
        }
        if (const PythonValue* n = c.call.keyword("name"); n && n->is_string()) r.name = n->text;
        registrations_[child].push_back(std::move(r));
      }
    }
  }

  // Flask's Blueprint.register, applied along each registration chain.
  std::vector<Mount> mounts_of(const AssignmentFact* object, int depth = 0) {
    const FlaskObject& self = objects_.at(object);
    if (self.is_app) return {Mount{}};
    if (depth > 16) return {};  // a blueprint registered inside itself
    auto found = registrations_.find(object);
    if (found == registrations_.end()) {
      return {Mount{.url_prefix = self.url_prefix, .name = self.name, .registered = false}};
    }
    std::vector<Mount> out;
    for (const Registration& r : found->second) {
      const std::optional<std::string> own = r.url_prefix ? r.url_prefix : self.url_prefix;
      const std::string& name = r.name ? *r.name : self.name;
      for (const Mount& parent : mounts_of(r.parent, depth + 1)) {
        Mount m{.url_prefix = own, .name = name, .registered = parent.registered};
        if (parent.url_prefix && own) {
          std::string_view outer = *parent.url_prefix, inner = *own;
          while (!outer.empty() && outer.back() == '/')
            outer.remove_suffix(1);
          while (!inner.empty() && inner.front() == '/')
            inner.remove_prefix(1);
          m.url_prefix = std::string(outer) + "/" + std::string(inner);
        } else if (parent.url_prefix) {
          m.url_prefix = parent.url_prefix;
        }
        if (!parent.name.empty()) m.name = parent.name + "." + name;
        out.push_back(std::move(m));
      }
    }
    return out;
  }

  void add_decorator_routes(std::size_t f, const DefinitionFact& def, const PythonValue& decorator,
                            std::vector<Route>& routes) {
    const FileSummary& file = files_[f];
    const std::string receiver = decorator.text.substr(0, decorator.text.size() - 6);
    Route base;
    base.framework = "flask";
    base.handler =
        file.module.empty() ? def.qualified_name : file.module + "." + def.qualified_name;
    base.file = file.path;
    base.line = decorator.line;
    std::vector<std::string> unresolved;

    std::string rule;
    if (const std::string* r = string_arg(decorator, 0, "rule")) {
      rule = *r;
    } else {
      const PythonValue* v = decorator.keyword("rule");
      if (!v) v = decorator.positional(0);
      rule = v ? v->text : "";
      unresolved.push_back("rule " + (v ? v->text : std::string("(missing)")));
    }
    base.methods = {"GET"};
    if (const PythonValue* m = decorator.keyword("methods")) {
      base.methods.clear();
      for (const PythonValue& item : m->items) {
        if (!item.is_string()) continue;
        std::string upper = item.text;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        base.methods.push_back(std::move(upper));
      }
      if (base.methods.empty() || m->items.size() != base.methods.size()) {
        unresolved.push_back("methods " + m->text);
      }
      std::sort(base.methods.begin(), base.methods.end());
      base.methods.erase(std::unique(base.methods.begin(), base.methods.end()), base.methods.end());
    }
    std::string endpoint = def.name;
    if (const PythonValue* e = decorator.keyword("endpoint")) {
      if (e->is_string()) {
        endpoint = e->text;
      } else {
        unresolved.push_back("endpoint " + e->text);
      }
    }

    std::vector<Mount> mounts;
    const AssignmentFact* object = object_at(f, def.scope, receiver);
    if (object) {
      mounts = mounts_of(object);
      for (const Mount& m : mounts) {
        if (!m.registered) {
          unresolved.push_back("blueprint " + objects_.at(object).name +
                               " is not registered on any app found");
          break;
        }
      }
    } else {
      mounts.push_back(Mount{});
      unresolved.push_back("receiver " + receiver + " is not a Flask app or blueprint found");
    }

    for (const Mount& m : mounts) {
      Route route = base;
      route.path = m.url_prefix ? join_url_prefix(*m.url_prefix, rule) : rule;
      route.endpoint = m.name.empty() ? endpoint : m.name + "." + endpoint;
      ConvertedRule converted = convert_flask_rule(route.path);
      route.path_template = std::move(converted.path_template);
      route.params = std::move(converted.params);
      if (!unresolved.empty()) {
        route.partial = true;
        for (const std::string& u : unresolved) {
          route.unresolved += (route.unresolved.empty() ? "" : "; ") + u;
        }
        diagnostics_.push_back(
            {file.path, decorator.line, Severity::kWarning, "partial-route",
             "route of " + base.handler + " not fully resolved: " + route.unresolved});
      }
      route.id = stable_route_id(route.framework, route.endpoint, route.path_template);
      routes.push_back(std::move(route));
    }
  }

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<const AssignmentFact*, FlaskObject> objects_;
  std::map<const AssignmentFact*, std::vector<Registration>> registrations_;
  std::map<const DefinitionFact*, std::vector<std::pair<std::size_t, const CallFact*>>> call_sites_;
  bool call_sites_indexed_ = false;
};

}  // namespace

std::vector<Route> extract_flask_routes(const NameResolver& names,
                                        std::vector<Diagnostic>& diagnostics) {
  return FlaskLinker(names, diagnostics).run();
}

}  // namespace cutover
