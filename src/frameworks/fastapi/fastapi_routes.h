#pragma once
// FastApiRouteExtractor: the routes of a FastAPI tree (the migration target),
// read like the legacy ones so `progress` can match the two. Apps are
// `FastAPI()` calls, routers `APIRouter(prefix=)`; `include_router(r,
// prefix=)` and `app.mount(path, sub_app)` attach them at any depth, across
// modules. Routes come from `@x.get/post/put/patch/delete/head/options/
// trace/api_route(methods=)/websocket(...)` and `x.add_api_route(...)`;
// path parameter types from the handler's annotations. A mount of anything
// but a FastAPI app (StaticFiles, WSGIMiddleware around the legacy app) is
// one route of method ANY over the mounted path, named by `mount(name=)`. As for Flask, a route
// whose path or router cannot be resolved is listed, partial.

#include <vector>

#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

// `constructions`: find_class_constructions(names).
std::vector<Route> extract_fastapi_routes(const NameResolver& names,
                                          const std::vector<ClassConstruction>& constructions,
                                          std::vector<Diagnostic>& diagnostics);

// A path parameter's type from its annotation as written: "int", "float",
// "uuid" (uuid.UUID), "path" for `{p:path}`, else "str".
std::string fastapi_param_type(std::string_view annotation, std::string_view convertor);

}  // namespace cutover
