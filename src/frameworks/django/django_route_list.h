#pragma once
// The routes a walk of Django URLconfs finds: the context an entry sits in
// (prefix, namespaces, `if` branches, values assumed for prefixes) and the
// Route each entry, router pattern or static() call makes.

#include <string>
#include <vector>

#include "frameworks/django/drf_router.h"
#include "link/name_resolver.h"
#include "link/static_eval.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

// Where an entry sits: the joined pattern so far, namespaces, Django 1.x view
// prefix, the `if` branches of the entries and include()s above it, and the
// values taken for prefixes that cannot be known.
struct UrlContext {
  std::string prefix;
  std::string namespaces;  // "ns1:ns2:" ready to prepend to a name
  std::string view_prefix;
  std::vector<ConditionRef> conditions;
  std::vector<RouteAssumption> assumptions;
  int depth = 0;
};

class DjangoRouteList {
 public:
  DjangoRouteList(const NameResolver& names, std::vector<Diagnostic>& diagnostics)
      : names_(names), diagnostics_(diagnostics) {}

  // A route declared at `line` of file `f` under `ctx`: partial when
  // `unresolved` says what could not be resolved; `assumed` adds to the
  // context's assumptions.
  void add(Route r, std::size_t f, std::uint32_t line, const UrlContext& ctx,
           const std::vector<std::string>& unresolved, std::vector<RouteAssumption> assumed);
  // A pattern a DRF router generates, under the router's include.
  void add_router_route(const RouterPattern& p, const UrlContext& ctx);
  // django.conf.urls.static.static(prefix, ...): re_path(r'^<prefix>(?P<path>.*)$', serve)
  // when settings.DEBUG is on and the prefix is a local path.
  void add_static_route(const PythonValue& call, const EvalScope& where, const UrlContext& ctx,
                        std::uint32_t line);
  // A part of a list that could not be resolved: one partial route "…".
  void add_unresolved(const EvalScope& where, std::uint32_t line, const std::string& what,
                      const UrlContext& ctx);

  std::size_t size() const { return routes_.size(); }
  std::vector<Route>& routes() { return routes_; }
  std::vector<Route> take() { return std::move(routes_); }

 private:
  const NameResolver& names_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Route> routes_;
};

}  // namespace cutover
