#pragma once
// Django sites: the settings modules a tree runs with, and each one's root
// URLconf. One tree can hold several (a web site and a worker, each with its
// own manage.py, wsgi.py or celery app, settings module and ROOT_URLCONF):
// each site's routes come from its own root URLconf, so a worker's URLconf
// never stands for the web site.

#include <cstddef>
#include <string>
#include <vector>

#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

struct DjangoSite {
  std::string settings;      // dotted settings module
  std::size_t urlconf = 0;   // the file of its root URLconf
  std::string urlconf_name;  // as ROOT_URLCONF gives it
  std::string found;         // how: "DJANGO_SETTINGS_MODULE in manage.py:6, proj/wsgi.py:5"
};

struct DjangoSites {
  std::vector<DjangoSite> sites;  // by settings module
  // Settings named (or given) that are not modules of the tree, or whose
  // ROOT_URLCONF is not one: the caller falls back to what it can find.
  std::vector<std::string> missing;
};

// With `given` (--settings), that settings module alone. Else every settings
// module DJANGO_SETTINGS_MODULE names outside test code (os.environ.setdefault
// or os.environ[...] = in manage.py, wsgi.py, asgi.py, a celery app, a
// script), resolved from the file that names it, and every module outside
// test code that sets ROOT_URLCONF to a URLconf none of those uses (a site
// started with the variable set outside the code). Settings modules sharing
// a root URLconf are one site, named by the settings module named most
// often; settings that are test code (test_settings.py, tests/settings.py)
// are a site only when no other is. An info diagnostic `django-sites` says
// which and why.
DjangoSites find_django_sites(const NameResolver& names, const std::string& given,
                              std::vector<Diagnostic>& diagnostics);

// Routes [first, end) belong to the site of `settings`: tagged, and their id
// says so (one view may serve two sites).
void tag_site(std::vector<Route>& routes, std::size_t first, const std::string& settings);

}  // namespace cutover
