#include "frameworks/django/django_urls.h"

#include <algorithm>

#include "frameworks/django/django_converters.h"
#include "frameworks/django/django_pattern.h"
#include "frameworks/django/django_url_walker.h"
#include "frameworks/django/django_views.h"
#include "link/condition_eval.h"
#include "link/route_id.h"
#include "link/static_sequence.h"
#include "util/ascii_case.h"

namespace cutover {

void DjangoUrlWalker::walk_module(std::size_t f, const UrlContext& ctx) {
  if (ctx.depth > 32 || !visiting_.insert(f).second) {
    note(files_[f].path, 0, Severity::kWarning, "include-cycle",
         "URLconf " + files_[f].module + " includes itself; not walked again");
    return;
  }
  walk_variable(ListVariable{f, "", "urlpatterns"}, kListReadAtEnd, true, nullptr, ctx);
  visiting_.erase(f);
}

void DjangoUrlWalker::walk_list(const PythonValue& given, const EvalScope& at,
                                const UrlContext& ctx, std::uint32_t line, bool held) {
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
  const bool bound = at.bindings && at.bindings->contains(std::string(top_level_name(given.text)));
  if (given.kind == Kind::kName && !bound && !given.text.ends_with(".urls")) {
    if (std::optional<ListVariable> var = list_variable(given.text, at)) {
      const bool here = var->file == at.file && var->scope == at.scope;
      walk_variable(*var, here ? line : kListReadAtEnd, held, here ? at.bindings : nullptr, ctx);
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

bool DjangoUrlWalker::walk_call(const PythonValue& v, const EvalScope& where, const UrlContext& ctx,
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
    const std::string code = ascii_lower(config_value_of("LANGUAGE_CODE", where).value_or("en-us"));
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

void DjangoUrlWalker::walk_returns(const PythonValue& call, std::size_t file,
                                   const DefinitionFact& function, const EvalScope& where,
                                   const UrlContext& ctx) {
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

void DjangoUrlWalker::walk_entry(const PythonValue& given, const EvalScope& where,
                                 const UrlContext& ctx, std::uint32_t line) {
  const PythonValue& v = given;
  const std::string_view callee = last_component(v.text);
  const bool is_route = callee == "path";
  if (v.kind != PythonValue::Kind::kCall || (!is_route && callee != "re_path" && callee != "url")) {
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

void DjangoUrlWalker::walk_include(const PythonValue& include, const EvalScope& where,
                                   UrlContext inner, std::uint32_t line) {
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
      note(
          files_[there.file].path, line, Severity::kInfo, "external-urlconf",
          "routes of " + external + " under " + inner.prefix + " are the package's and not listed");
      return;
    }
    if (what->kind == PythonValue::Kind::kString) {
      routes_.add_unresolved(there, line, "include('" + what->text + "'): not a module of the tree",
                             inner);
      return;
    }
  }
  if (ns) inner.namespaces += *ns + ":";
  walk_list(*what, there, inner, line, true);
}

std::optional<std::string> DjangoUrlWalker::app_name_of(std::size_t module) const {
  for (const AssignmentFact& a : files_[module].assignments) {
    if (a.scope.empty() && a.target == "app_name" && a.value.is_string()) return a.value.text;
  }
  return std::nullopt;
}

void DjangoUrlWalker::add_admin_routes(const AdminSiteUrls& site, const std::string& prefix,
                                       const UrlContext& ctx, std::size_t file,
                                       std::uint32_t line) {
  for (const AdminRoute& a : site.routes) {
    Route r;
    r.framework = "django";
    r.path =
        join_django_pattern(prefix, a.pattern, a.regex ? PatternKind::kRegex : PatternKind::kRoute);
    r.methods = a.methods;
    r.handler = a.handler;
    r.view_class = a.admin_class;
    if (!a.name.empty()) r.endpoint = ctx.namespaces + site.namespace_name + ":" + a.name;
    r.generated_by = "django.contrib.admin";
    UrlContext registered = ctx;  // and the `if` branches of the model's registration
    registered.conditions.insert(registered.conditions.end(), a.condition_refs.begin(),
                                 a.condition_refs.end());
    routes_.add(std::move(r), file, line, registered, {}, {});
  }
}

std::vector<Route> extract_django_routes(const NameResolver& names,
                                         const std::vector<ClassConstruction>& constructions,
                                         const DjangoOptions& options,
                                         std::vector<Diagnostic>& diagnostics) {
  std::vector<Route> routes = DjangoUrlWalker(names, constructions, diagnostics).run(options);
  apply_registered_converters(routes, registered_converters(names));
  return routes;
}

}  // namespace cutover
