#pragma once
// FlaskRouteExtractor: the cross-file pass that finds Flask apps and
// blueprints, follows register_blueprint() to compose prefixes and endpoint
// names, and turns @x.route(...) decorators into routes. A decorator whose
// rule, methods or receiver cannot be resolved still yields a route, marked
// partial, with a diagnostic: routes are never dropped silently.

#include <vector>

#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

std::vector<Route> extract_flask_routes(const NameResolver& names,
                                        std::vector<Diagnostic>& diagnostics);

}  // namespace cutover
