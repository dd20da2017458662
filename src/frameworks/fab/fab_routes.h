#pragma once
// Flask-AppBuilder routes. Finds the AppBuilder objects (`AppBuilder(app,
// session)`, or `AppBuilder()` and `appbuilder.init_app(app, session)`),
// their `add_view` / `add_view_no_menu` / `add_api` calls (a class or an
// instance, through imports, aliases and literal loops), and turns each
// registered class into the routes FAB gives it (fab_class_routes): one
// blueprint per class, endpoint `Blueprint.method`, URLs joined to
// route_base as Flask joins them. The views AppBuilder registers by itself
// at init_app (index, util, locale, security views and APIs, OpenAPI,
// menu API, the global static folder) are listed too, gated by the config
// switches the tree's config sets (fab_config), with generated_by
// "flask_appbuilder" unless the app substitutes a class of its own
// (indexview=, a security manager's view attributes).

#include <vector>

#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

// `constructions`: find_class_constructions(names).
std::vector<Route> extract_fab_routes(const NameResolver& names,
                                      const std::vector<ClassConstruction>& constructions,
                                      std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
