#include "frameworks/django/django_sites.h"

#include <algorithm>
#include <map>
#include <optional>

#include "link/route_id.h"
#include "link/static_eval.h"
#include "link/test_code.h"

namespace cutover {
namespace {

constexpr std::string_view kSettingsVariable = "DJANGO_SETTINGS_MODULE";

struct Naming {
  std::string settings;
  std::size_t file = 0;
  std::uint32_t line = 0;
  bool given = false;
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
    for (const CallFact& c : files[f].calls) {
      const PythonValue* key = c.call.positional(0);
      if (c.call.text.ends_with("environ.setdefault") && key && key->is_string() &&
          key->text == kSettingsVariable) {
        add(c.call.positional(1), c.scope, c.line);
      }
    }
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.target.ends_with("environ[" + std::string(kSettingsVariable) + "]"))
        add(&a.value, a.scope, a.line);
    }
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
        out.push_back({files[f].module, f, a.line});
        break;
      }
    }
  }
  return out;
}

std::string where(const std::vector<FileSummary>& files, const Naming& n) {
  return n.given ? "--settings" : files[n.file].path + ":" + std::to_string(n.line);
}

}  // namespace

DjangoSites find_django_sites(const NameResolver& names, const std::string& given,
                              std::vector<Diagnostic>& diagnostics) {
  const std::vector<FileSummary>& files = names.files();
  std::vector<Naming> named =
      given.empty() ? settings_named(names) : std::vector<Naming>{{given, 0, 0, true}};
  DjangoSites out;
  struct Resolved {
    std::size_t urlconf = 0;
    std::string urlconf_name;
    bool test_settings = false;  // the settings module is test code
  };
  // Root URLconf file → the settings modules naming it, with where.
  std::map<std::size_t, std::map<std::string, std::vector<std::string>>> by_urlconf;
  std::map<std::size_t, Resolved> urlconfs;
  const auto resolve = [&](const std::vector<Naming>& namings) {
    std::map<std::string, std::optional<Resolved>> seen;
    for (const Naming& n : namings) {
      auto [it, fresh] = seen.try_emplace(n.settings);
      if (fresh) {
        const std::optional<std::size_t> settings_file =
            n.given ? names.module_file(n.settings) : names.module_file_from(n.settings, n.file);
        const NameTarget t =
            settings_file ? names.resolve(*settings_file, "", "ROOT_URLCONF") : NameTarget{};
        if (t.kind == NameTarget::Kind::kAssignment) {
          const EvalScope at{.names = &names, .file = t.file, .scope = "", .notes = &diagnostics};
          if (std::optional<std::string> root = evaluate_string(t.assignment->value, at)) {
            if (auto root_file = names.module_file_from(*root, t.file)) {
              it->second = Resolved{*root_file, *root, is_test_path(files[*settings_file].path)};
            } else {
              diagnostics.push_back(
                  {files[t.file].path, t.assignment->line, Severity::kWarning, "unresolved-urlconf",
                   "ROOT_URLCONF " + *root + " is not a module of the scanned tree"});
            }
          }
        }
        if (!it->second) out.missing.push_back(n.settings);
      }
      if (!it->second) continue;
      by_urlconf[it->second->urlconf][n.settings].push_back(where(files, n));
      auto [site, first] = urlconfs.try_emplace(it->second->urlconf, *it->second);
      if (!first) site->second.test_settings &= it->second->test_settings;
    }
  };
  resolve(named);
  const bool from_root_urlconf = by_urlconf.empty() && given.empty();
  if (from_root_urlconf) resolve(settings_with_root_urlconf(names));

  // Test settings run a test suite: a site only when the tree has no other.
  const bool app_site = std::any_of(urlconfs.begin(), urlconfs.end(),
                                    [](const auto& u) { return !u.second.test_settings; });
  for (const auto& [urlconf, settings] : by_urlconf) {
    if (app_site && urlconfs[urlconf].test_settings) continue;
    // The settings module named most often names the site.
    const auto chosen = std::max_element(settings.begin(), settings.end(), [](auto& a, auto& b) {
      return a.second.size() < b.second.size();
    });
    DjangoSite site{.settings = chosen->first,
                    .urlconf = urlconf,
                    .urlconf_name = urlconfs[urlconf].urlconf_name};
    for (const auto& [name, places] : settings) {
      for (const std::string& place : places)
        site.named_in.push_back(name == chosen->first ? place : place + " (" + name + ")");
    }
    out.sites.push_back(std::move(site));
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
      std::string places;
      for (const std::string& p : s.named_in)
        places += (places.empty() ? "" : ", ") + p;
      message += (i ? "; " : "") + s.settings + " (" +
                 (from_root_urlconf ? "assigns ROOT_URLCONF; no DJANGO_SETTINGS_MODULE names a "
                                      "settings module of the tree"
                  : given.empty()   ? "DJANGO_SETTINGS_MODULE in " + places
                                    : places) +
                 "), ROOT_URLCONF " + s.urlconf_name;
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
