#pragma once
// DjangoUrlResolver: finds the root URLconf (ROOT_URLCONF of the settings
// module named by DJANGO_SETTINGS_MODULE in manage.py/wsgi.py/asgi.py, or
// given), walks urlpatterns through include() at any depth — path(),
// re_path(), url(), patterns('prefix', ...), `+=`, append/extend, routers,
// `if settings.DEBUG:` blocks — and lists each URL as a route with its full
// joined pattern, view, methods, guards and namespaced name.

#include <string>
#include <vector>

#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

struct DjangoOptions {
  std::string settings_module;  // overrides what manage.py / wsgi.py say
};

// `constructions`: find_class_constructions(names).
std::vector<Route> extract_django_routes(const NameResolver& names,
                                         const std::vector<ClassConstruction>& constructions,
                                         const DjangoOptions& options,
                                         std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
