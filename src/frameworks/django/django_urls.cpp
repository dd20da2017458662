#include "frameworks/django/django_urls.h"
#include "util/ascii_case.h"

#include <algorithm>
#include <set>

#include "frameworks/django/django_pattern.h"
#include "frameworks/django/django_views.h"
#include "frameworks/django/drf_router.h"
#include "link/route_id.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

// Where an entry sits: the joined pattern so far, namespaces, Django 1.x view
// prefix, and whether an `if` guards it.
struct UrlContext {
  std::string prefix;
  std::string namespaces;  // "ns1:ns2:" ready to prepend to a name
  std::string view_prefix;
  bool conditional = false;
  int depth = 0;
  std::size_t module = SIZE_MAX;  // the URLconf whose urlpatterns are being walked
};

bool mentions_urlpatterns(const PythonValue& v, int depth = 0) {
  if (depth > 16) return false;
  if (v.kind == PythonValue::Kind::kName && v.text == "urlpatterns") return true;
  for (const PythonValue& item : v.items) {
    if (mentions_urlpatterns(item, depth + 1)) return true;
  }
  for (const KeywordArgument& k : v.keywords) {
    for (const PythonValue& item : k.value) {
      if (mentions_urlpatterns(item, depth + 1)) return true;
    }
  }
  return false;
}

class DjangoUrlResolver {
 public:
  DjangoUrlResolver(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
                    std::vector<Diagnostic>& diagnostics)
      : names_(names),
        files_(names.files()),
        diagnostics_(diagnostics),
        routers_(names, constructions) {}

  std::vector<Route> run(const DjangoOptions& options) {
    for (std::size_t root : root_urlconfs(options))
      walk_module(root, UrlContext{});
    return std::move(routes_);
  }

 private:
  // ROOT_URLCONF of the settings module; without settings, every urls module
  // that no other module includes.
  std::vector<std::size_t> root_urlconfs(const DjangoOptions& options) {
    std::string settings = options.settings_module;
    for (std::size_t f = 0; f < files_.size() && settings.empty(); ++f) {
      for (const CallFact& c : files_[f].calls) {
        const PythonValue* key = c.call.positional(0);
        const PythonValue* value = c.call.positional(1);
        if (c.call.text.ends_with("environ.setdefault") && key && key->is_string() &&
            key->text == "DJANGO_SETTINGS_MODULE" && value && value->is_string()) {
          settings = value->text;
          break;
        }
      }
    }
    if (!settings.empty()) {
      if (auto file = names_.module_file(settings)) {
        const NameTarget t = names_.resolve(*file, "", "ROOT_URLCONF");
        if (t.kind == NameTarget::Kind::kAssignment) {
          const EvalScope at{.names = &names_, .file = t.file, .scope = "", .notes = &diagnostics_};
          if (auto root = evaluate_string(t.assignment->value, at)) {
            if (auto root_file = names_.module_file(*root)) return {*root_file};
            note(files_[t.file].path, t.assignment->line, Severity::kWarning, "unresolved-urlconf",
                 "ROOT_URLCONF " + *root + " is not a module of the scanned tree");
          }
        }
      }
    }
    std::set<std::string> included;
    std::vector<std::size_t> candidates;
    for (std::size_t f = 0; f < files_.size(); ++f) {
      bool has_patterns = false;
      for (const AssignmentFact& a : files_[f].assignments) {
        has_patterns = has_patterns || (a.scope.empty() && a.target == "urlpatterns");
        collect_include_strings(a.value, included);
      }
      if (has_patterns) candidates.push_back(f);
    }
    std::vector<std::size_t> roots;
    for (std::size_t f : candidates) {
      if (!included.contains(files_[f].module)) roots.push_back(f);
    }
    for (std::size_t f : roots) {
      note(files_[f].path, 0, Severity::kInfo, "assumed-urlconf",
           settings.empty()
               ? "no DJANGO_SETTINGS_MODULE / ROOT_URLCONF found; " + files_[f].module +
                     " is taken as a root URLconf (nothing includes it)"
               : "ROOT_URLCONF of " + settings + " not found; " + files_[f].module +
                     " is taken as a root URLconf (nothing includes it)");
    }
    return roots;
  }

  void collect_include_strings(const PythonValue& v, std::set<std::string>& out) const {
    if (v.kind == PythonValue::Kind::kCall && last_component(v.text) == "include" &&
        !v.items.empty() && v.items[0].is_string()) {
      out.insert(v.items[0].text);
    }
    for (const PythonValue& item : v.items)
      collect_include_strings(item, out);
  }

  void note(const std::string& file, std::uint32_t line, Severity severity, std::string code,
            std::string message) {
    diagnostics_.push_back({file, line, severity, std::move(code), std::move(message)});
  }

  // urlpatterns of a module, in source order: `=`, `+=`, append, extend.
  void walk_module(std::size_t f, UrlContext ctx) {
    if (ctx.depth > 32 || !visiting_.insert(f).second) {
      note(files_[f].path, 0, Severity::kWarning, "include-cycle",
           "URLconf " + files_[f].module + " includes itself; not walked again");
      return;
    }
    struct Step {
      std::uint32_t line;
      const PythonValue* value;
      bool conditional;
      bool extend;  // append adds one entry, the rest add lists
      bool resets;  // `urlpatterns = ...` replaces what came before
    };
    std::vector<Step> steps;
    for (const AssignmentFact& a : files_[f].assignments) {
      if (a.scope.empty() && a.target == "urlpatterns") {
        steps.push_back({a.line, &a.value, a.conditional, true,
                         !a.augmented && !a.conditional && !mentions_urlpatterns(a.value)});
      }
    }
    for (const CallFact& c : files_[f].calls) {
      if (!c.scope.empty() || c.call.items.empty()) continue;
      if (c.call.text == "urlpatterns.append") {
        steps.push_back({c.line, &c.call.items[0], c.conditional, false, false});
      } else if (c.call.text == "urlpatterns.extend") {
        steps.push_back({c.line, &c.call.items[0], c.conditional, true, false});
      }
    }
    std::sort(steps.begin(), steps.end(),
              [](const Step& a, const Step& b) { return a.line < b.line; });
    const std::size_t first_route = routes_.size();
    for (const Step& s : steps) {
      if (s.resets) routes_.resize(first_route);  // a later `urlpatterns = [...]` wins
      UrlContext here = ctx;
      here.conditional = ctx.conditional || s.conditional;
      here.module = f;
      const EvalScope at{.names = &names_, .file = f, .scope = "", .notes = &diagnostics_};
      if (s.extend) {
        walk_list(*s.value, at, here, s.line);
      } else {
        walk_entry(*s.value, at, here, s.line);
      }
    }
    visiting_.erase(f);
  }

  void walk_list(const PythonValue& given, const EvalScope& at, const UrlContext& ctx,
                 std::uint32_t line) {
    // `urlpatterns = format_suffix_patterns(urlpatterns)`: the module's own
    // list so far, already walked.
    if (given.kind == PythonValue::Kind::kName && given.text == "urlpatterns" &&
        at.file == ctx.module && at.scope.empty()) {
      return;
    }
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
    EvalScope where;
    const PythonValue& v = dereference(given, at, &where);
    using Kind = PythonValue::Kind;
    if (v.kind == Kind::kList || v.kind == Kind::kTuple) {
      for (const PythonValue& entry : v.items)
        walk_entry(entry, where, ctx, entry.line);
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
          add_router_route(p, ctx);
        return;
      }
    }
    if (v.kind == Kind::kCall) {
      const std::string_view callee = last_component(v.text);
      if (callee == "patterns" && !v.items.empty()) {  // Django 1.x patterns('prefix', ...)
        UrlContext inner = ctx;
        inner.view_prefix = evaluate_string(v.items[0], where).value_or("");
        for (std::size_t i = 1; i < v.items.size(); ++i) {
          walk_entry(v.items[i], where, inner, v.items[i].line);
        }
        return;
      }
      if (callee == "i18n_patterns" || callee == "format_suffix_patterns") {
        UrlContext inner = ctx;
        if (callee == "i18n_patterns") {
          // LocalePrefixPattern: "<language>/" in front, the active language
          // at request time; the default LANGUAGE_CODE stands for it here.
          inner.conditional = true;
          const std::string code =
              ascii_lower(config_value_of("LANGUAGE_CODE", where).value_or("en-us"));
          const PythonValue* with_default = v.keyword("prefix_default_language");
          if (!with_default || with_default->text != "False") {
            inner.prefix = join_django_pattern(ctx.prefix, code + "/", PatternKind::kRoute);
          }
        }
        for (const PythonValue& item : v.items) {
          if (callee == "format_suffix_patterns") {
            walk_list(item, where, inner, line);
            break;
          }
          walk_entry(item, where, inner, item.line);
        }
        return;
      }
      if (callee == "static") {  // file serving, only when DEBUG: conditional
        add_static_route(v, where, ctx, line);
        return;
      }
      if (callee == "staticfiles_urlpatterns") return;  // django.contrib.staticfiles' own
    }
    unresolved_entry(where, line, "urlpatterns part " + render(v), ctx);
  }

  void walk_entry(const PythonValue& given, const EvalScope& at, const UrlContext& ctx,
                  std::uint32_t line) {
    EvalScope where;
    const PythonValue& v = dereference(given, at, &where);
    if (v.kind != PythonValue::Kind::kCall) {
      walk_list(v, where, ctx, line);
      return;
    }
    const std::string_view callee = last_component(v.text);
    const bool is_route = callee == "path";
    if (!is_route && callee != "re_path" && callee != "url") {
      walk_list(v, where, ctx, line);
      return;
    }
    const PatternKind kind = is_route ? PatternKind::kRoute : PatternKind::kRegex;
    const PythonValue* pattern_value = call_argument(v, 0, is_route ? "route" : "regex");
    const PythonValue* view = call_argument(v, 1, "view");
    std::optional<std::string> pattern =
        pattern_value ? evaluate_string(*pattern_value, where) : std::nullopt;
    const std::string joined = join_django_pattern(
        ctx.prefix, pattern.value_or(pattern_value ? render(*pattern_value) : ""), kind);
    if (!view) return;
    if (view->kind == PythonValue::Kind::kName) {
      const NameTarget t = names_.resolve(where.file, where.scope, view->text);
      if (t.kind == NameTarget::Kind::kExternal && t.name.starts_with("django.contrib.admin")) {
        return;  // path('admin/', admin.site.urls): generated by django.contrib.admin
      }
    }
    if (view->kind == PythonValue::Kind::kCall && last_component(view->text) == "include") {
      UrlContext inner = ctx;
      inner.prefix = joined;
      inner.depth = ctx.depth + 1;
      walk_include(*view, where, inner, line, !pattern.has_value());
      return;
    }
    const PythonValue* name = call_argument(v, 3, "name");
    DjangoView described = describe_django_view(names_, *view, where, ctx.view_prefix);
    Route r;
    r.framework = "django";
    r.path = joined;
    r.methods = std::move(described.methods);
    r.handler = std::move(described.handler);
    r.guards = std::move(described.guards);
    if (name) {
      if (auto text = evaluate_string(*name, where)) r.endpoint = ctx.namespaces + *text;
    }
    std::vector<std::string> unresolved;
    if (!pattern) unresolved.push_back("pattern " + (pattern_value ? render(*pattern_value) : ""));
    if (!described.unresolved.empty()) unresolved.push_back(described.unresolved);
    finish(std::move(r), where.file, line, ctx, unresolved);
  }

  void walk_include(const PythonValue& include, const EvalScope& where, UrlContext inner,
                    std::uint32_t line, bool pattern_unresolved) {
    if (pattern_unresolved) {
      note(files_[where.file].path, line, Severity::kWarning, "partial-route",
           "include() under a pattern that is not static: " + render(include));
    }
    const PythonValue* target = include.positional(0);
    if (!target) target = include.keyword("arg");
    if (!target) return;
    std::optional<std::string> ns;
    if (const PythonValue* n = include.keyword("namespace")) ns = evaluate_string(*n, where);
    EvalScope there;
    const PythonValue* what = &dereference(*target, where, &there);
    if (what->kind == PythonValue::Kind::kTuple &&
        what->items.size() == 2) {  // (patterns, app_name)
      if (!ns) ns = evaluate_string(what->items[1], there);
      what = &what->items[0];
    }
    if (what->kind == PythonValue::Kind::kString || what->kind == PythonValue::Kind::kName) {
      std::optional<std::size_t> module;
      if (what->kind == PythonValue::Kind::kString) {
        module = names_.module_file(what->text);
      } else {
        const NameTarget t = names_.resolve(there.file, there.scope, what->text);
        if (t.kind == NameTarget::Kind::kModule) module = t.file;
        if (t.kind == NameTarget::Kind::kExternal && t.name.starts_with("django.contrib.admin")) {
          return;  // admin.site.urls: generated by django.contrib.admin
        }
      }
      if (module) {
        if (!ns) ns = app_name_of(*module);
        if (ns) inner.namespaces += *ns + ":";
        walk_module(*module, inner);
        return;
      }
      const std::string name = what->kind == PythonValue::Kind::kString ? what->text : [&] {
        const NameTarget t = names_.resolve(there.file, there.scope, what->text);
        return t.kind == NameTarget::Kind::kExternal ? t.name : std::string();
      }();
      if (!name.empty() && !names_.has_top_level(top_level_name(name))) {
        // A third-party URLconf (rest_framework.urls, django.conf.urls.i18n):
        // its routes are that package's, like the admin's.
        note(files_[there.file].path, line, Severity::kInfo, "external-urlconf",
             "routes of " + name + " under " + inner.prefix + " are the package's and not listed");
        return;
      }
      if (what->kind == PythonValue::Kind::kString) {
        unresolved_entry(there, line, "include('" + what->text + "'): not a module of the tree",
                         inner);
        return;
      }
    }
    if (ns) inner.namespaces += *ns + ":";
    walk_list(*what, there, inner, line);
  }

  std::optional<std::string> app_name_of(std::size_t module) const {
    for (const AssignmentFact& a : files_[module].assignments) {
      if (a.scope.empty() && a.target == "app_name" && a.value.is_string()) return a.value.text;
    }
    return std::nullopt;
  }

  void add_router_route(const RouterPattern& p, const UrlContext& ctx) {
    Route r;
    r.framework = "django";
    r.path = join_django_pattern(ctx.prefix, p.regex, PatternKind::kRegex);
    r.methods = p.methods;
    r.actions = p.actions;
    r.handler = p.handler;
    r.endpoint = ctx.namespaces + p.name;
    finish(std::move(r), p.file, p.line, ctx, {});
  }

  // django.conf.urls.static.static(prefix, ...): re_path(r'^<prefix>(?P<path>.*)$', serve)
  // when DEBUG is on and the prefix is a local path.
  void add_static_route(const PythonValue& call, const EvalScope& where, const UrlContext& ctx,
                        std::uint32_t line) {
    const PythonValue* prefix = call_argument(call, 0, "prefix");
    std::optional<std::string> text = prefix ? evaluate_string(*prefix, where) : std::nullopt;
    if (text && text->find("://") != std::string::npos) return;  // Django returns [] for URLs
    UrlContext debug_only = ctx;
    debug_only.conditional = true;
    Route r;
    r.framework = "django";
    r.methods = {"ANY"};
    r.handler = "django.views.static.serve";
    std::string path = text.value_or(prefix ? render(*prefix) : "");
    while (!path.empty() && path.front() == '/')
      path.erase(path.begin());
    r.path = join_django_pattern(ctx.prefix, "^" + path + "(?P<path>.*)$", PatternKind::kRegex);
    std::vector<std::string> unresolved;
    if (!text) unresolved.push_back("static() prefix " + (prefix ? render(*prefix) : ""));
    finish(std::move(r), where.file, line, debug_only, unresolved);
  }

  void unresolved_entry(const EvalScope& where, std::uint32_t line, const std::string& what,
                        const UrlContext& ctx) {
    Route r;
    r.framework = "django";
    r.path = ctx.prefix + "…";
    r.methods = {"ANY"};
    finish(std::move(r), where.file, line, ctx, {what});
  }

  void finish(Route r, std::size_t f, std::uint32_t line, const UrlContext& ctx,
              const std::vector<std::string>& unresolved) {
    r.file = files_[f].path;
    r.line = line;
    r.conditional = ctx.conditional;
    ConvertedRule converted = convert_django_pattern(r.path);
    r.path_template = std::move(converted.path_template);
    r.params = std::move(converted.params);
    for (const std::string& u : unresolved) {
      r.unresolved += (r.unresolved.empty() ? "" : "; ") + u;
    }
    if (!r.unresolved.empty()) {
      r.partial = true;
      note(r.file, line, Severity::kWarning, "partial-route",
           "URL " + r.path + " not fully resolved: " + r.unresolved);
    }
    r.id =
        stable_route_id(r.framework, r.endpoint.empty() ? r.handler : r.endpoint, r.path_template);
    routes_.push_back(std::move(r));
  }

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  DrfRouters routers_;
  std::set<std::size_t> visiting_;
  int walk_depth_ = 0;
  std::vector<Route> routes_;
};

}  // namespace

std::vector<Route> extract_django_routes(const NameResolver& names,
                                         const std::vector<ClassConstruction>& constructions,
                                         const DjangoOptions& options,
                                         std::vector<Diagnostic>& diagnostics) {
  return DjangoUrlResolver(names, constructions, diagnostics).run(options);
}

}  // namespace cutover
