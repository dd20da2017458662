#pragma once
// FlaskRouteExtractor: turns the Flask-family facts of the whole tree into
// routes and hooks. Routes come from @x.route / @x.get... decorators,
// x.add_url_rule(...) calls (loops over literal lists expanded), Flask-RESTful
// api.add_resource(...) and Flask-RESTX @ns.route(...) resources; each gets
// the prefix and endpoint name of every app it is mounted in. A route whose
// rule, methods, view or app cannot be resolved statically is still listed,
// marked partial, with a diagnostic: routes are never dropped silently.

#include <vector>

#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

struct FlaskExtraction {
  std::vector<Route> routes;
  std::vector<Hook> hooks;
};

// `constructions`: find_class_constructions(names).
FlaskExtraction extract_flask_routes(const NameResolver& names,
                                     const std::vector<ClassConstruction>& constructions,
                                     std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
