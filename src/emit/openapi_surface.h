#pragma once
// The routes of an inventory as OpenAPI sees an API: path items keyed by a
// template, one operation per method, typed path parameters. Routes that
// cannot be operations (partial ones, mounts, methods OpenAPI 3.1 has no
// field for, a second route on the same method and template) are listed
// with the reason, never dropped silently.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"

namespace cutover {

// A path parameter as a JSON Schema: `converter` is the route's own type
// ("int", "slug", "path", "sha1", ...), the rest what a client must send.
struct ApiParameter {
  std::string name;                     // as in the path item's template
  std::string type;                     // "integer", "number" or "string"
  std::string format;                   // "uuid", or ""
  std::string pattern;                  // slug: "^[-a-zA-Z0-9_]+$", or ""
  std::optional<std::int64_t> minimum;  // Flask and Django number converters refuse a sign
  std::string converter;
  std::string description;  // what the schema cannot say ("may contain '/'")
  // Other routes on the same method and template take other types here
  // (Django's `<int:pk>` beside `<slug:slug>`): the schema is any of them.
  std::vector<ApiParameter> alternatives;
};

struct ApiOperation {
  std::string method;       // lower case, as OpenAPI names the field: "get"
  std::size_t route = 0;    // index into the routes given
  bool any_method = false;  // a view open to any method, listed under the five standard ones
  std::string operation_id;
  std::vector<ApiParameter> parameters;  // in path order
  std::vector<std::size_t> variants;     // routes on the same method and template, other types
};

struct ApiPathItem {
  std::string path;                      // "/users/{id}"
  std::vector<ApiOperation> operations;  // get, put, post, delete, options, head, patch, trace
};

// A (route, method) that is not an operation of the document.
struct ApiLeftOut {
  std::size_t route = 0;
  std::string method;  // as the route has it ("GET", "ANY", "PROPFIND")
  // "partial", "mount", "method"; "duplicate": the same method, template and
  // types as an operation (a second registration); "variant": the same
  // method and template with other parameter types, merged into the
  // operation's schemas.
  std::string reason;
  std::string kept;  // duplicate, variant: the operationId that serves the method and template
};

struct ApiSurface {
  std::vector<ApiPathItem> paths;    // sorted by path
  std::vector<ApiLeftOut> left_out;  // in route order
};

// The operations of `routes` (inventory route order). A Django view open to
// any method ("ANY") becomes get, post, put, patch and delete; a FastAPI
// route of method ANY is a mount, not an operation.
ApiSurface api_surface(const std::vector<Route>& routes);

// "/p/{slug}/f/{rest:path}" → "/p/{slug}/f/{rest}": OpenAPI has no convertors.
std::string openapi_path(std::string_view path_template);

// The schema of a path parameter of `route` of type `type` (RouteParam::type).
ApiParameter api_parameter(const Route& route, std::string_view name, std::string_view type);

// Text as an operationId: letters, digits, '.', '_' and '-' kept, the rest '_'.
std::string operation_id_text(std::string_view text);

}  // namespace cutover
