#pragma once
// The HTTP methods Flask gives a class-based view, computed the way Flask 2
// does at class creation: an explicit `methods` attribute wins; a MethodView
// (Flask-RESTful/RESTX Resource included) gets its bases' methods plus every
// handler (get, post, ...) it has, inherited ones included; a plain View
// inherits `methods` or has none (Flask then serves GET).

#include <optional>
#include <string>
#include <vector>

#include "frameworks/flask/flask_objects.h"
#include "link/name_resolver.h"

namespace cutover {

struct ViewClass {
  std::size_t file = 0;
  const DefinitionFact* definition = nullptr;
};

// nullopt when the class sets no methods (Flask's default, GET, applies).
std::optional<std::vector<std::string>> view_class_methods(const NameResolver& names,
                                                           const FlaskObjects& objects,
                                                           const ViewClass& view);

// The class a name refers to, if it is a class defined in the tree.
std::optional<ViewClass> resolve_class(const NameResolver& names, std::size_t file,
                                       std::string_view scope, std::string_view dotted);

}  // namespace cutover
