#include "frameworks/django/django_urls.h"

#include <algorithm>
#include <map>
#include <set>

#include "frameworks/django/django_admin.h"
#include "frameworks/django/django_app_configs.h"
#include "frameworks/django/django_apps.h"
#include "frameworks/django/django_pattern.h"
#include "frameworks/django/django_project.h"
#include "frameworks/django/django_route_list.h"
#include "frameworks/django/django_sites.h"
#include "frameworks/django/django_views.h"
#include "frameworks/django/drf_router.h"
#include "link/condition_eval.h"
#include "link/list_steps.h"
#include "link/route_id.h"
#include "link/static_eval.h"
#include "link/static_sequence.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

constexpr std::uint32_t kEnd = UINT32_MAX;  // a list read once its module has run

// A list variable: `name` bound at `scope` of `file`.
struct ListVariable {
  std::size_t file = 0;
  std::string scope;
  std::string name;
  auto operator<=>(const ListVariable&) const = default;
};

class DjangoUrlResolver {
 public:
  DjangoUrlResolver(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
                    std::vector<Diagnostic>& diagnostics)
      : names_(names),
        files_(names.files()),
        diagnostics_(diagnostics),
        constructions_(constructions),
        routers_(names, constructions),
        routes_(names, diagnostics) {}

  // Each site (settings module) from its own root URLconf, with its own
  // INSTALLED_APPS: their admin registrations and AppConfig.ready() steps.
  std::vector<Route> run(const DjangoOptions& options) {
    const DjangoSites found = find_django_sites(names_, options.settings_module, diagnostics_);
    for (const DjangoSite& site : found.sites) {
      read_project(site.settings);
      const std::size_t first = routes_.size();
      walk_module(site.urlconf, UrlContext{});
      if (found.sites.size() > 1) tag_site(routes_.routes(), first, site.settings);
    }
    if (found.sites.empty()) {
      read_project(options.settings_module);
      for (std::size_t root : find_django_project(names_, options, diagnostics_).root_urlconfs)
        walk_module(root, UrlContext{});
    }
    return routes_.take();
  }

 private:
  void read_project(const std::string& settings) {
    project_ = read_django_project(names_, settings);
    admin_.emplace(names_, constructions_, project_, diagnostics_);
    late_steps_.clear();
    for (ReadyListStep& s : ready_list_steps(names_, project_.settings_file)) {
      late_steps_[ListVariable{s.file, "", s.name}].push_back(std::move(s));
    }
  }

  void note(const std::string& file, std::uint32_t line, Severity severity, std::string code,
            std::string message) {
    diagnostics_.push_back({file, line, severity, std::move(code), std::move(message)});
  }

  EvalScope scope_at(std::size_t file, std::string_view scope, const Bindings* bindings = nullptr) {
    return EvalScope{.names = &names_,
                     .file = file,
                     .scope = scope,
                     .bindings = bindings,
                     .notes = &diagnostics_};
  }

  // A string, taking plausible values for what only the running app knows.
  std::optional<std::string> evaluate(const PythonValue& v, const EvalScope& where,
                                      std::vector<RouteAssumption>& assumed) {
    EvalScope at = where;
    at.assumptions = &assumed;
    return evaluate_string(v, at);
  }

  const std::vector<ListStep>& steps_of(const ListVariable& var) {
    auto it = steps_.find(var);
    if (it == steps_.end()) {
      it = steps_.emplace(var, list_steps(files_[var.file], var.file, var.scope, var.name)).first;
    }
    return it->second;
  }

  // The list variable `dotted` names: the binding of the name itself, even
  // when it is an alias (`urlpatterns = front`) its later steps grow.
  std::optional<ListVariable> list_variable(std::string_view dotted, const EvalScope& at) {
    const NameTarget t = names_.resolve(at.file, at.scope, dotted);
    if (t.kind != NameTarget::Kind::kAssignment ||
        t.assignment->target.find('.') != std::string::npos) {
      return std::nullopt;
    }
    const std::size_t dot = dotted.rfind('.');
    const std::string last(dot == std::string_view::npos ? dotted : dotted.substr(dot + 1));
    if (t.assignment->target != last) {
      if (dot != std::string_view::npos) {
        const NameTarget module = names_.resolve(at.file, at.scope, dotted.substr(0, dot));
        if (module.kind == NameTarget::Kind::kModule) {
          ListVariable own{module.file, "", last};
          if (!steps_of(own).empty()) return own;
        }
      } else {
        for (std::string_view s = at.scope;; s = parent_name(s)) {
          ListVariable own{at.file, std::string(s), last};
          if (!steps_of(own).empty()) return own;
          if (s.empty()) break;
        }
      }
    }
    return ListVariable{t.file, t.assignment->scope, t.assignment->target};
  }

  void walk_module(std::size_t f, const UrlContext& ctx) {
    if (ctx.depth > 32 || !visiting_.insert(f).second) {
      note(files_[f].path, 0, Severity::kWarning, "include-cycle",
           "URLconf " + files_[f].module + " includes itself; not walked again");
      return;
    }
    walk_variable(ListVariable{f, "", "urlpatterns"}, kEnd, true, nullptr, ctx);
    visiting_.erase(f);
  }

  // The elements of `var` as read at line `upto`. A copy (`x + y`, `y += x`)
  // holds what the statements up to there made; a reference that holds the
  // list object itself (include(x), `y = x`) also sees the in-place steps
  // (append, extend, +=) after it, up to the next rebinding of x. A module's
  // list read after the module ran also holds what ready() added.
  void walk_variable(const ListVariable& var, std::uint32_t upto, bool held,
                     const Bindings* bindings, const UrlContext& ctx) {
    // `x = x + [...]`, `format_suffix_patterns(urlpatterns)`: the value so
    // far, which the walk of x has listed already.
    if (std::find(walking_.begin(), walking_.end(), var) != walking_.end()) return;
    if (walking_.size() > 48) {
      note(files_[var.file].path, 0, Severity::kWarning, "partial-route",
           "lists built from lists nest too deep; " + var.name + " not expanded");
      return;
    }
    walking_.push_back(var);
    const std::vector<ListStep>& steps = steps_of(var);
    bool rebound = false;
    for (std::size_t i = first_live_step(steps, var.name, upto); i < steps.size(); ++i) {
      const ListStep& s = steps[i];
      if (s.line > upto) {
        if (!held || (s.kind == ListStep::Kind::kAssign && s.condition < 0)) {
          rebound = true;
          break;
        }
        if (s.kind == ListStep::Kind::kAssign) continue;  // a new object, maybe
      }
      walk_step(s, bindings, ctx, {});
    }
    if (!rebound && (held || upto == kEnd) && var.scope.empty()) {
      if (auto late = late_steps_.find(var); late != late_steps_.end()) {
        for (const ReadyListStep& s : late->second)
          walk_step(s.step, nullptr, ctx, s.conditions);
      }
    }
    walking_.pop_back();
  }

  // One statement: once, or once per element of the loop it is in when the
  // loop's list is known (never, for an empty one).
  void walk_step(const ListStep& s, const Bindings* bindings, const UrlContext& ctx,
                 const std::vector<ConditionRef>& conditions) {
    UrlContext here = ctx;
    here.conditions.insert(here.conditions.end(), conditions.begin(), conditions.end());
    if (s.condition >= 0) here.conditions.push_back({s.file, s.condition});
    const EvalScope at = scope_at(s.file, s.scope, bindings);
    std::optional<std::vector<Bindings>> iterations;
    if (s.loop >= 0) {
      iterations =
          known_loop_iterations(files_[s.file].loops[static_cast<std::size_t>(s.loop)], at);
    }
    if (!iterations) {
      walk_statement(s, *s.value, at, here);
      return;
    }
    for (const Bindings& each : *iterations) {  // the loop's names stand for each element
      walk_statement(s, substitute_names(*s.value, each), scope_at(s.file, s.scope, &each), here);
    }
  }

  void walk_statement(const ListStep& s, const PythonValue& value, const EvalScope& at,
                      const UrlContext& ctx) {
    if (s.kind == ListStep::Kind::kAppend) {
      walk_entry(value, at, ctx, s.line);
    } else {
      // `y = x` makes y the list x is; `y += x` copies x's elements.
      walk_list(value, at, ctx, s.line, s.kind == ListStep::Kind::kAssign);
    }
  }

  // `[path(p, v) for p, v in PAGES if test]`: the body once per element of a
  // known list that passes the tests; once, with its names unbound, when the
  // list is not known.
  void walk_comprehension(const PythonValue& v, const EvalScope& where, const UrlContext& ctx,
                          std::uint32_t line) {
    LoopFact loop{.iterable = v.items[1]};
    for (const PythonValue& target : v.items[2].items)
      loop.targets.push_back(target.text);
    const std::optional<std::vector<Bindings>> iterations = known_loop_iterations(loop, where);
    if (!iterations) {
      walk_entry(v.items[0], where, ctx, line);
      return;
    }
    for (const Bindings& each : *iterations) {
      const EvalScope at = scope_at(where.file, where.scope, &each);
      bool passes = true;
      for (std::size_t i = 3; i < v.items.size(); ++i) {
        passes = passes && condition_holds(substitute_names(v.items[i], each), at) != false;
      }
      if (passes) walk_entry(substitute_names(v.items[0], each), at, ctx, line);
    }
  }

  // `held`: the list object itself is kept (see walk_variable), not copied.
  void walk_list(const PythonValue& given, const EvalScope& at, const UrlContext& ctx,
                 std::uint32_t line, bool held = false) {
    if (++walk_depth_ > 256) {  // an expression that refers to itself
      --walk_depth_;
      note(files_[at.file].path, line, Severity::kWarning, "partial-route",
           "urlpatterns expression too deep or self-referential; not expanded");
      return;
    }
    struct Leave {
      int& depth;
      ~Leave() { --depth; }
    } leave{walk_depth_};
    using Kind = PythonValue::Kind;
    const bool bound =
        at.bindings && at.bindings->contains(std::string(top_level_name(given.text)));
    if (given.kind == Kind::kName && !bound && !given.text.ends_with(".urls")) {
      if (std::optional<ListVariable> var = list_variable(given.text, at)) {
        const bool here = var->file == at.file && var->scope == at.scope;
        walk_variable(*var, here ? line : kEnd, held, here ? at.bindings : nullptr, ctx);
        return;
      }
    }
    EvalScope where;
    const PythonValue& v = dereference(given, at, &where);
    if (v.kind == Kind::kList || v.kind == Kind::kTuple) {
      for (const PythonValue& entry : v.items)
        walk_entry(entry, where, ctx, entry.line);
      return;
    }
    if (v.kind == Kind::kComprehension && v.items.size() >= 3) {
      walk_comprehension(v, where, ctx, line);
      return;
    }
    if (v.kind == Kind::kBinary && v.text == "+" && v.items.size() == 2) {
      walk_list(v.items[0], where, ctx, line);
      walk_list(v.items[1], where, ctx, line);
      return;
    }
    if (v.kind == Kind::kName && v.text.ends_with(".urls")) {
      if (auto router = routers_.patterns(where.file, where.scope,
                                          std::string_view(v.text).substr(0, v.text.size() - 5))) {
        for (const RouterPattern& p : *router)
          routes_.add_router_route(p, ctx);
        return;
      }
    }
    if (v.kind == Kind::kCall && walk_call(v, where, ctx, line)) return;
    routes_.add_unresolved(where, line, "urlpatterns part " + render(v), ctx);
  }

  // A call in a list's place: what Django's helpers and the tree's own
  // functions return. False when it is none of those.
  bool walk_call(const PythonValue& v, const EvalScope& where, const UrlContext& ctx,
                 std::uint32_t line) {
    const std::string_view callee = last_component(v.text);
    if (callee == "path" || callee == "re_path" || callee == "url") {
      walk_entry(v, where, ctx, line);  // `x = path(...)`, then `[x]`
      return true;
    }
    if (callee == "patterns" && !v.items.empty()) {  // Django 1.x patterns('prefix', ...)
      UrlContext inner = ctx;
      inner.view_prefix = evaluate_string(v.items[0], where).value_or("");
      for (std::size_t i = 1; i < v.items.size(); ++i)
        walk_entry(v.items[i], where, inner, v.items[i].line);
      return true;
    }
    if (callee == "format_suffix_patterns") {
      if (!v.items.empty()) walk_list(v.items[0], where, ctx, line);
      return true;
    }
    if (callee == "i18n_patterns") {
      // LocalePrefixPattern: "<language>/" in front, the active language at
      // request time, in every configuration; the default LANGUAGE_CODE
      // stands for it here.
      UrlContext inner = ctx;
      const std::string code =
          ascii_lower(config_value_of("LANGUAGE_CODE", where).value_or("en-us"));
      const PythonValue* with_default = v.keyword("prefix_default_language");
      if (!with_default || with_default->text != "False") {
        inner.prefix = join_django_pattern(ctx.prefix, code + "/", PatternKind::kRoute);
      }
      for (const PythonValue& item : v.items)
        walk_entry(item, where, inner, item.line);
      return true;
    }
    if (callee == "static") {  // file serving, only when DEBUG
      routes_.add_static_route(v, where, ctx, line);
      return true;
    }
    if (callee == "staticfiles_urlpatterns") return true;  // django.contrib.staticfiles' own
    const NameTarget t = names_.resolve(where.file, where.scope, v.text);
    if (t.kind == NameTarget::Kind::kDefinition &&
        t.definition->kind == DefinitionFact::Kind::kFunction) {
      walk_returns(v, t.file, *t.definition, where, ctx);
      return true;
    }
    return false;
  }

  // A function of the tree that returns patterns: each return, with the
  // parameters bound to the arguments' static values.
  void walk_returns(const PythonValue& call, std::size_t file, const DefinitionFact& function,
                    const EvalScope& where, const UrlContext& ctx) {
    if (std::find(calling_.begin(), calling_.end(), &function) != calling_.end()) return;
    Bindings bound;
    for (std::size_t i = 0; i < function.parameters.size(); ++i) {
      const std::string& param = function.parameters[i];
      const PythonValue* arg = call.keyword(param);
      if (!arg) arg = call.positional(i);
      if (!arg) continue;
      if (std::optional<std::string> text = evaluate_string(*arg, where)) {
        bound.emplace(param, PythonValue{.kind = PythonValue::Kind::kString, .text = *text});
      }
    }
    calling_.push_back(&function);
    for (const ReturnFact& r : files_[file].returns) {
      if (r.scope == function.qualified_name) {
        walk_list(r.value, scope_at(file, r.scope, &bound), ctx, r.line);
      }
    }
    calling_.pop_back();
  }

  void walk_entry(const PythonValue& given, const EvalScope& where, const UrlContext& ctx,
                  std::uint32_t line) {
    const PythonValue& v = given;
    const std::string_view callee = last_component(v.text);
    const bool is_route = callee == "path";
    if (v.kind != PythonValue::Kind::kCall ||
        (!is_route && callee != "re_path" && callee != "url")) {
      walk_list(v, where, ctx, line);
      return;
    }
    const PatternKind kind = is_route ? PatternKind::kRoute : PatternKind::kRegex;
    const PythonValue* pattern_value = call_argument(v, 0, is_route ? "route" : "regex");
    const PythonValue* view = call_argument(v, 1, "view");
    if (!view) return;
    std::vector<RouteAssumption> assumed;
    const std::optional<std::string> pattern =
        pattern_value ? evaluate(*pattern_value, where, assumed) : std::nullopt;
    if (view->kind == PythonValue::Kind::kName) {
      if (auto site = admin_->site_urls(where.file, where.scope, view->text)) {
        // Like an include(): under a prefix that cannot be known, at "".
        UrlContext inner = ctx;
        if (!pattern && pattern_value) {
          assumed.push_back({render(*pattern_value), "", files_[where.file].path, line});
          note(files_[where.file].path, line, Severity::kWarning, "partial-route",
               "admin site URLs under a pattern that is not static: " + render(*pattern_value) +
                   " taken as \"\"");
        }
        inner.assumptions.insert(inner.assumptions.end(), assumed.begin(), assumed.end());
        add_admin_routes(*site, join_django_pattern(ctx.prefix, pattern.value_or(""), kind), inner,
                         where.file, line);
        return;
      }
      const NameTarget t = names_.resolve(where.file, where.scope, view->text);
      if (t.kind == NameTarget::Kind::kExternal && t.name.starts_with("django.contrib.admin")) {
        return;  // path('admin/', admin.site.urls): generated by django.contrib.admin
      }
    }
    if (view->kind == PythonValue::Kind::kCall && last_component(view->text) == "include") {
      // An include under a prefix that cannot be known: its routes, at an
      // empty prefix (what a value read at run time most often is).
      UrlContext inner = ctx;
      if (!pattern && pattern_value) {
        assumed.push_back({render(*pattern_value), "", files_[where.file].path, line});
        note(files_[where.file].path, line, Severity::kWarning, "partial-route",
             "include() under a pattern that is not static: " + render(*pattern_value) +
                 " taken as \"\"");
      }
      inner.prefix = join_django_pattern(ctx.prefix, pattern.value_or(""), kind);
      inner.assumptions.insert(inner.assumptions.end(), assumed.begin(), assumed.end());
      inner.depth = ctx.depth + 1;
      walk_include(*view, where, inner, line);
      return;
    }
    const PythonValue* name = call_argument(v, 3, "name");
    DjangoView described = describe_django_view(names_, *view, where, ctx.view_prefix);
    Route r;
    r.framework = "django";
    r.path = join_django_pattern(ctx.prefix, pattern.value_or("…"), kind);
    r.methods = std::move(described.methods);
    r.handler = std::move(described.handler);
    r.guards = std::move(described.guards);
    if (name) {
      if (auto text = evaluate_string(*name, where)) r.endpoint = ctx.namespaces + *text;
    }
    std::vector<std::string> unresolved;
    if (!pattern) unresolved.push_back("pattern " + (pattern_value ? render(*pattern_value) : ""));
    if (!described.unresolved.empty()) unresolved.push_back(described.unresolved);
    routes_.add(std::move(r), where.file, line, ctx, unresolved, std::move(assumed));
  }

  void walk_include(const PythonValue& include, const EvalScope& where, UrlContext inner,
                    std::uint32_t line) {
    const PythonValue* what = include.positional(0);
    if (!what) what = include.keyword("arg");
    if (!what) return;
    std::optional<std::string> ns;
    if (const PythonValue* n = include.keyword("namespace")) ns = evaluate_string(*n, where);
    EvalScope there = where;
    if (what->kind == PythonValue::Kind::kName) {  // a name for a module path or a pair
      EvalScope found;
      const PythonValue& value = dereference(*what, where, &found);
      if (value.kind == PythonValue::Kind::kString ||
          (value.kind == PythonValue::Kind::kTuple && value.items.size() == 2)) {
        what = &value;
        there = found;
      }
    }
    if (what->kind == PythonValue::Kind::kTuple && what->items.size() == 2) {
      if (!ns) ns = evaluate_string(what->items[1], there);  // (patterns, app_name)
      what = &what->items[0];
    }
    if (what->kind == PythonValue::Kind::kString || what->kind == PythonValue::Kind::kName) {
      std::optional<std::size_t> module;
      std::string external;
      if (what->kind == PythonValue::Kind::kString) {
        module = names_.module_file(what->text);
        external = what->text;
      } else {
        if (auto site = admin_->site_urls(there.file, there.scope, what->text)) {
          add_admin_routes(*site, inner.prefix, inner, there.file,
                           line);  // include(admin.site.urls)
          return;
        }
        const NameTarget t = names_.resolve(there.file, there.scope, what->text);
        if (t.kind == NameTarget::Kind::kModule) module = t.file;
        if (t.kind == NameTarget::Kind::kExternal) {
          if (t.name.starts_with("django.contrib.admin")) return;  // admin.site.urls
          external = t.name;
        }
      }
      if (module) {
        if (!ns) ns = app_name_of(*module);
        if (ns) inner.namespaces += *ns + ":";
        walk_module(*module, inner);
        return;
      }
      if (!external.empty() && !names_.has_top_level(top_level_name(external))) {
        // A third-party URLconf (rest_framework.urls, django.conf.urls.i18n):
        // its routes are that package's, like the admin's.
        note(files_[there.file].path, line, Severity::kInfo, "external-urlconf",
             "routes of " + external + " under " + inner.prefix +
                 " are the package's and not listed");
        return;
      }
      if (what->kind == PythonValue::Kind::kString) {
        routes_.add_unresolved(there, line,
                               "include('" + what->text + "'): not a module of the tree", inner);
        return;
      }
    }
    if (ns) inner.namespaces += *ns + ":";
    walk_list(*what, there, inner, line, true);
  }

  std::optional<std::string> app_name_of(std::size_t module) const {
    for (const AssignmentFact& a : files_[module].assignments) {
      if (a.scope.empty() && a.target == "app_name" && a.value.is_string()) return a.value.text;
    }
    return std::nullopt;
  }

  // The URLs of an admin site mounted at `prefix`.
  void add_admin_routes(const AdminSiteUrls& site, const std::string& prefix, const UrlContext& ctx,
                        std::size_t file, std::uint32_t line) {
    for (const AdminRoute& a : site.routes) {
      Route r;
      r.framework = "django";
      r.path = join_django_pattern(prefix, a.pattern,
                                   a.regex ? PatternKind::kRegex : PatternKind::kRoute);
      r.methods = a.methods;
      r.handler = a.handler;
      if (!a.name.empty()) r.endpoint = ctx.namespaces + site.namespace_name + ":" + a.name;
      r.generated_by = "django.contrib.admin";
      UrlContext registered = ctx;  // and the `if` branches of the model's registration
      registered.conditions.insert(registered.conditions.end(), a.condition_refs.begin(),
                                   a.condition_refs.end());
      routes_.add(std::move(r), file, line, registered, {}, {});
    }
  }

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  const std::vector<ClassConstruction>& constructions_;
  DrfRouters routers_;
  DjangoProject project_;
  std::optional<DjangoAdmin> admin_;  // built in run(), once the settings are known
  std::map<ListVariable, std::vector<ReadyListStep>> late_steps_;
  std::map<ListVariable, std::vector<ListStep>> steps_;
  std::set<std::size_t> visiting_;              // URLconf modules being walked
  std::vector<ListVariable> walking_;           // list variables being walked
  std::vector<const DefinitionFact*> calling_;  // functions whose returns are being walked
  int walk_depth_ = 0;
  DjangoRouteList routes_;
};

}  // namespace

std::vector<Route> extract_django_routes(const NameResolver& names,
                                         const std::vector<ClassConstruction>& constructions,
                                         const DjangoOptions& options,
                                         std::vector<Diagnostic>& diagnostics) {
  return DjangoUrlResolver(names, constructions, diagnostics).run(options);
}

}  // namespace cutover
