#pragma once
// DjangoUrlResolver: from the root URLconf (see django_project.h), walks
// urlpatterns through include() at any depth — path(), re_path(), url(),
// patterns('prefix', ...), routers, i18n_patterns, static() — and lists each
// URL as a route with its full joined pattern, view, methods, guards and
// namespaced name. Lists are evaluated the way Python builds them (see
// link/list_steps.h), with the `if` branches each entry and each include()
// above it sits in, and what installed apps' AppConfig.ready() adds.

#include <vector>

#include "frameworks/django/django_project.h"
#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

// `constructions`: find_class_constructions(names).
std::vector<Route> extract_django_routes(const NameResolver& names,
                                         const std::vector<ClassConstruction>& constructions,
                                         const DjangoOptions& options,
                                         std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
