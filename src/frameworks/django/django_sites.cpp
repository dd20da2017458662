#include "frameworks/django/django_sites.h"

#include <algorithm>
#include <map>
#include <optional>

#include "link/django_settings_statement.h"
#include "link/route_id.h"
#include "link/static_eval.h"
#include "link/test_code.h"

namespace cutover {
namespace {

// Where a settings module comes from.
struct Naming {
  enum class Source : std::uint8_t { kEnvironment, kRootUrlconf, kGiven };
  std::string settings;
  std::size_t file = 0;
  std::uint32_t line = 0;
  Source source = Source::kEnvironment;
};

// Every DJANGO_SETTINGS_MODULE the tree's own code sets.
std::vector<Naming> settings_named(const NameResolver& names) {
  std::vector<Naming> out;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (is_test_path(files[f].path)) continue;  // test settings run the test suite, not a site
    const auto add = [&](const PythonValue* value, std::string_view scope, std::uint32_t line) {
      if (!value) return;
      const EvalScope at{.names = &names, .file = f, .scope = scope};
      if (std::optional<std::string> settings = evaluate_string(*value, at))
        out.push_back({std::move(*settings), f, line});
    };
    for (const CallFact& c : files[f].calls)
      add(django_settings_set_by(c), c.scope, c.line);
    for (const AssignmentFact& a : files[f].assignments)
      add(django_settings_set_by(a), a.scope, a.line);
  }
  return out;
}

// Modules outside test code that set ROOT_URLCONF themselves.
std::vector<Naming> settings_with_root_urlconf(const NameResolver& names) {
  std::vector<Naming> out;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (files[f].module.empty() || is_test_path(files[f].path)) continue;
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.scope.empty() && a.target == "ROOT_URLCONF") {
        out.push_back({files[f].module, f, a.line, Naming::Source::kRootUrlconf});
        break;
      }
    }
  }
  return out;
}

// "DJANGO_SETTINGS_MODULE in manage.py:6, proj/wsgi.py:5 (proj.settings.prod)".
std::string described(const std::vector<FileSummary>& files, const std::vector<Naming>& namings,
                      const std::string& chosen) {
  std::string environment;
  std::string own;
  for (const Naming& n : namings) {
    if (n.source == Naming::Source::kGiven) return "--settings";
    std::string place = files[n.file].path + ":" + std::to_string(n.line);
    if (n.settings != chosen) place += " (" + n.settings + ")";
    std::string& list = n.source == Naming::Source::kEnvironment ? environment : own;
    list += (list.empty() ? "" : ", ") + place;
  }
  if (environment.empty())
    return "no DJANGO_SETTINGS_MODULE names it; it sets ROOT_URLCONF at " + own;
  return "DJANGO_SETTINGS_MODULE in " + environment;
}

}  // namespace

DjangoSites find_django_sites(const NameResolver& names, const std::string& given,
                              std::vector<Diagnostic>& diagnostics) {
  const std::vector<FileSummary>& files = names.files();
  DjangoSites out;
  struct Resolved {
    std::size_t urlconf = 0;
    std::string urlconf_name;
    bool test_settings = false;  // the settings module is test code
  };
  // Root URLconf file → how each settings module naming it was found.
  std::map<std::size_t, std::map<std::string, std::vector<Naming>>> by_urlconf;
  std::map<std::size_t, Resolved> urlconfs;
  std::map<std::string, std::optional<Resolved>> seen;  // by settings module
  const auto resolve = [&](const Naming& n) -> const std::optional<Resolved>& {
    auto [it, fresh] = seen.try_emplace(n.settings);
    if (!fresh) return it->second;
    const std::optional<std::size_t> settings_file =
        n.source == Naming::Source::kGiven ? names.module_file(n.settings)
                                           : names.module_file_from(n.settings, n.file);
    const NameTarget t =
        settings_file ? names.resolve(*settings_file, "", "ROOT_URLCONF") : NameTarget{};
    if (t.kind != NameTarget::Kind::kAssignment) return it->second;
    const EvalScope at{.names = &names, .file = t.file, .scope = "", .notes = &diagnostics};
    if (std::optional<std::string> root = evaluate_string(t.assignment->value, at)) {
      if (auto root_file = names.module_file_from(*root, t.file)) {
        it->second = Resolved{*root_file, *root, is_test_path(files[*settings_file].path)};
      } else {
        diagnostics.push_back({files[t.file].path, t.assignment->line, Severity::kWarning,
                               "unresolved-urlconf",
                               "ROOT_URLCONF " + *root + " is not a module of the scanned tree"});
      }
    }
    return it->second;
  };
  const auto add = [&](const Naming& n, const Resolved& r) {
    by_urlconf[r.urlconf][n.settings].push_back(n);
    auto [site, first] = urlconfs.try_emplace(r.urlconf, r);
    if (!first) site->second.test_settings &= r.test_settings;
  };

  std::vector<Naming> named = given.empty()
                                  ? settings_named(names)
                                  : std::vector<Naming>{{given, 0, 0, Naming::Source::kGiven}};
  for (const Naming& n : named) {
    if (const std::optional<Resolved>& r = resolve(n)) {
      add(n, *r);
    } else if (std::find(out.missing.begin(), out.missing.end(), n.settings) == out.missing.end()) {
      out.missing.push_back(n.settings);
    }
  }
  // A settings module that sets ROOT_URLCONF to a URLconf no named one uses
  // is a site of its own (started with the variable set outside the code).
  if (given.empty()) {
    std::vector<std::size_t> served;
    for (const auto& [urlconf, settings] : by_urlconf)
      served.push_back(urlconf);
    for (const Naming& n : settings_with_root_urlconf(names)) {
      if (seen.contains(n.settings)) continue;
      const std::optional<Resolved>& r = resolve(n);
      if (r && std::find(served.begin(), served.end(), r->urlconf) == served.end()) add(n, *r);
    }
  }

  // Test settings run a test suite: a site only when the tree has no other.
  const bool app_site = std::any_of(urlconfs.begin(), urlconfs.end(),
                                    [](const auto& u) { return !u.second.test_settings; });
  std::vector<std::string> descriptions;
  for (const auto& [urlconf, settings] : by_urlconf) {
    if (app_site && urlconfs[urlconf].test_settings) continue;
    // The settings module named most often names the site.
    const auto chosen = std::max_element(settings.begin(), settings.end(), [](auto& a, auto& b) {
      return a.second.size() < b.second.size();
    });
    std::vector<Naming> namings;
    for (const auto& [name, found] : settings)
      namings.insert(namings.end(), found.begin(), found.end());
    out.sites.push_back({.settings = chosen->first,
                         .urlconf = urlconf,
                         .urlconf_name = urlconfs[urlconf].urlconf_name,
                         .found = described(files, namings, chosen->first)});
  }
  std::sort(out.sites.begin(), out.sites.end(),
            [](const DjangoSite& a, const DjangoSite& b) { return a.settings < b.settings; });

  if (!out.sites.empty()) {
    std::string message = out.sites.size() == 1
                              ? "Django site: "
                              : std::to_string(out.sites.size()) +
                                    " Django sites, each route tagged with its settings module: ";
    for (std::size_t i = 0; i < out.sites.size(); ++i) {
      const DjangoSite& s = out.sites[i];
      message +=
          (i ? "; " : "") + s.settings + " (" + s.found + "), ROOT_URLCONF " + s.urlconf_name;
    }
    diagnostics.push_back({"", 0, Severity::kInfo, "django-sites", std::move(message)});
  }
  return out;
}

void tag_site(std::vector<Route>& routes, std::size_t first, const std::string& settings) {
  for (std::size_t i = first; i < routes.size(); ++i) {
    Route& r = routes[i];
    r.site = settings;
    r.id =
        stable_route_id(r.framework, settings + ":" + (r.endpoint.empty() ? r.handler : r.endpoint),
                        r.path_template);
  }
}

}  // namespace cutover
