#pragma once
// Flask's automatic routes (Flask 2.2, flask/app.py and flask/blueprints.py):
// - Flask(...) adds `<static_url_path>/<path:filename>`, endpoint `static`,
//   unless static_folder=None; static_url_path defaults to '/' + the
//   folder's basename, '/static'. (With host_matching the rule also carries
//   static_host; a route has no host here, so that changes nothing listed.)
// - A Blueprint adds the same rule, endpoint `<bp>.static`, at every
//   registration, under its prefix, only when given a static_folder.
// - Flask-RESTX (Flask-RESTPlus) registers its Swagger UI blueprint
//   `restx_doc` (`restplus_doc`), static at /swaggerui, once on every app an
//   Api is bound to.

#include <optional>
#include <string>
#include <vector>

#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/inventory.h"

namespace cutover {

struct StaticFolder {
  bool serves = false;                  // the object adds a static route
  std::optional<std::string> url_path;  // "/static", "" for the root; nullopt: not static
  RouteAssumption assumption;           // when url_path is not static: the value taken
};

// The static folder a Flask(...) or Blueprint(...) construction configures:
// its arguments, and for a subclass of Flask what the subclass's __init__
// sets (kwargs.update({...}), kwargs.setdefault(...), super().__init__(...)).
StaticFolder static_folder_of(const NameResolver& names, const ClassConstruction& construction,
                              bool blueprint);

class FlaskObjects;

// The static routes of every app and blueprint, and Flask-RESTX's Swagger UI
// assets, marked auto_kind "static".
std::vector<Route> flask_automatic_routes(FlaskObjects& objects,
                                          const std::vector<FileSummary>& files);

}  // namespace cutover
