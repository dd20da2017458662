#pragma once
// The walk of a Django project's URLconfs (internal to extract_django_routes):
// entries, include()s and Django's helpers in django_urls.cpp; the lists
// they sit in, evaluated statement by statement, in django_url_lists.cpp.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "frameworks/django/django_admin.h"
#include "frameworks/django/django_app_configs.h"
#include "frameworks/django/django_apps.h"
#include "frameworks/django/django_project.h"
#include "frameworks/django/django_route_list.h"
#include "frameworks/django/django_sites.h"
#include "frameworks/django/drf_router.h"
#include "link/class_hierarchy.h"
#include "link/list_steps.h"
#include "link/static_eval.h"

namespace cutover {

inline constexpr std::uint32_t kListReadAtEnd = UINT32_MAX;  // a list read once its module ran

// A list variable: `name` bound at `scope` of `file`.
struct ListVariable {
  std::size_t file = 0;
  std::string scope;
  std::string name;
  auto operator<=>(const ListVariable&) const = default;
};

class DjangoUrlWalker {
 public:
  DjangoUrlWalker(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
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

  void walk_module(std::size_t f, const UrlContext& ctx);

  // `held`: the list object itself is kept (see walk_variable), not copied.
  void walk_list(const PythonValue& given, const EvalScope& at, const UrlContext& ctx,
                 std::uint32_t line, bool held = false);

  // A call in a list's place: what Django's helpers and the tree's own
  // functions return. False when it is none of those.
  bool walk_call(const PythonValue& v, const EvalScope& where, const UrlContext& ctx,
                 std::uint32_t line);

  // A function of the tree that returns patterns: each return, with the
  // parameters bound to the arguments' static values.
  void walk_returns(const PythonValue& call, std::size_t file, const DefinitionFact& function,
                    const EvalScope& where, const UrlContext& ctx);

  void walk_entry(const PythonValue& given, const EvalScope& where, const UrlContext& ctx,
                  std::uint32_t line);

  void walk_include(const PythonValue& include, const EvalScope& where, UrlContext inner,
                    std::uint32_t line);

  std::optional<std::string> app_name_of(std::size_t module) const;

  // The URLs of an admin site mounted at `prefix`.
  void add_admin_routes(const AdminSiteUrls& site, const std::string& prefix, const UrlContext& ctx,
                        std::size_t file, std::uint32_t line);

  const std::vector<ListStep>& steps_of(const ListVariable& var);

  // The list variable `dotted` names: the binding of the name itself, even
  // when it is an alias (`urlpatterns = front`) its later steps grow.
  std::optional<ListVariable> list_variable(std::string_view dotted, const EvalScope& at);

  // The elements of `var` as read at line `upto`. A copy (`x + y`, `y += x`)
  // holds what the statements up to there made; a reference that holds the
  // list object itself (include(x), `y = x`) also sees the in-place steps
  // (append, extend, +=) after it, up to the next rebinding of x. A module's
  // list read after the module ran also holds what ready() added.
  void walk_variable(const ListVariable& var, std::uint32_t upto, bool held,
                     const Bindings* bindings, const UrlContext& ctx);

  // One statement: once, or once per element of the loop it is in when the
  // loop's list is known (never, for an empty one).
  void walk_step(const ListStep& s, const Bindings* bindings, const UrlContext& ctx,
                 const std::vector<ConditionRef>& conditions);

  void walk_statement(const ListStep& s, const PythonValue& value, const EvalScope& at,
                      const UrlContext& ctx);

  // `[path(p, v) for p, v in PAGES if test]`: the body once per element of a
  // known list that passes the tests; once, with its names unbound, when the
  // list is not known.
  void walk_comprehension(const PythonValue& v, const EvalScope& where, const UrlContext& ctx,
                          std::uint32_t line);

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

}  // namespace cutover
