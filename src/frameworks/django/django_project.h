#pragma once
// Where a Django project starts: the settings module DJANGO_SETTINGS_MODULE
// names (in manage.py, wsgi.py, asgi.py, or given) and the root URLconf its
// ROOT_URLCONF names; without them, every urls module nothing includes.

#include <optional>
#include <string>
#include <vector>

#include "link/name_resolver.h"
#include "model/diagnostic.h"

namespace cutover {

struct DjangoOptions {
  std::string settings_module;  // overrides what manage.py / wsgi.py say
};

struct DjangoEntryPoints {
  std::optional<std::size_t> settings;  // the settings module's file, when in the tree
  std::vector<std::size_t> root_urlconfs;
};

DjangoEntryPoints find_django_project(const NameResolver& names, const DjangoOptions& options,
                                      std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
