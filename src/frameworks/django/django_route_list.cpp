#include "frameworks/django/django_route_list.h"

#include "frameworks/django/django_pattern.h"
#include "link/condition_eval.h"
#include "link/route_id.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

// static(prefix): a prefix that cannot be known is taken at Django's
// convention for the setting it reads (MEDIA_URL: "/media/"), else "/static/".
std::string plausible_static_prefix(const PythonValue& prefix) {
  std::string_view key = last_component(prefix.text);
  if (prefix.kind == PythonValue::Kind::kName && key.ends_with("_URL") && key.size() > 4) {
    return "/" + ascii_lower(key.substr(0, key.size() - 4)) + "/";
  }
  return "/static/";
}

}  // namespace

void DjangoRouteList::add_router_route(const RouterPattern& p, const UrlContext& ctx) {
  Route r;
  r.framework = "django";
  r.path = join_django_pattern(ctx.prefix, p.regex, PatternKind::kRegex);
  r.methods = p.methods;
  r.actions = p.actions;
  r.handler = p.handler;
  r.endpoint = ctx.namespaces + p.name;
  UrlContext registered = ctx;
  if (p.condition >= 0) registered.conditions.push_back({p.file, p.condition});
  add(std::move(r), p.file, p.line, registered, {}, {});
}

void DjangoRouteList::add_static_route(const PythonValue& call, const EvalScope& where,
                                       const UrlContext& ctx, std::uint32_t line) {
  const PythonValue* prefix = call_argument(call, 0, "prefix");
  if (!prefix) return;
  std::vector<RouteAssumption> assumed;
  EvalScope with_assumptions = where;
  with_assumptions.assumptions = &assumed;
  std::optional<std::string> text = evaluate_string(*prefix, with_assumptions);
  if (text && text->find("://") != std::string::npos) return;  // Django returns [] for URLs
  if (!text || text->empty()) {
    text = plausible_static_prefix(*prefix);
    assumed.push_back({render(*prefix), *text, names_.files()[where.file].path, line});
  }
  Route r;
  r.framework = "django";
  r.methods = {"ANY"};
  r.handler = "django.views.static.serve";
  std::string path = *text;
  while (!path.empty() && path.front() == '/')
    path.erase(path.begin());
  r.path = join_django_pattern(ctx.prefix, "^" + path + "(?P<path>.*)$", PatternKind::kRegex);
  r.conditional = true;
  r.condition = "settings.DEBUG";
  r.enabled_by_default = setting_holds("DEBUG", where);
  add(std::move(r), where.file, line, ctx, {}, std::move(assumed));
}

void DjangoRouteList::add_unresolved(const EvalScope& where, std::uint32_t line,
                                     const std::string& what, const UrlContext& ctx) {
  Route r;
  r.framework = "django";
  r.path = ctx.prefix + "…";
  r.methods = {"ANY"};
  add(std::move(r), where.file, line, ctx, {what}, {});
}

void DjangoRouteList::add(Route r, std::size_t f, std::uint32_t line, const UrlContext& ctx,
                          const std::vector<std::string>& unresolved,
                          std::vector<RouteAssumption> assumed) {
  r.file = names_.files()[f].path;
  r.line = line;
  r.condition_refs = ctx.conditions;
  r.assumptions = ctx.assumptions;
  r.assumptions.insert(r.assumptions.end(), std::make_move_iterator(assumed.begin()),
                       std::make_move_iterator(assumed.end()));
  ConvertedRule converted = convert_django_pattern(r.path);
  r.path_template = std::move(converted.path_template);
  r.params = std::move(converted.params);
  for (const std::string& u : unresolved) {
    r.unresolved += (r.unresolved.empty() ? "" : "; ") + u;
  }
  if (!r.unresolved.empty()) {
    r.partial = true;
    diagnostics_.push_back({r.file, line, Severity::kWarning, "partial-route",
                            "URL " + r.path + " not fully resolved: " + r.unresolved});
  }
  r.id = stable_route_id(r.framework, r.endpoint.empty() ? r.handler : r.endpoint, r.path_template);
  routes_.push_back(std::move(r));
}

}  // namespace cutover
