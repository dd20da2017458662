// Routes as OpenAPI operations: one path item per template, one operation
// per method, typed parameters, and nothing dropped without a reason.

#include "emit/openapi_surface.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

Route route(std::string framework, std::vector<std::string> methods, std::string path_template,
            std::vector<RouteParam> params = {}, std::string endpoint = "") {
  return Route{.id = path_template,
               .framework = std::move(framework),
               .methods = std::move(methods),
               .path = path_template,
               .path_template = std::move(path_template),
               .params = std::move(params),
               .handler = "app.views." + (endpoint.empty() ? std::string("view") : endpoint),
               .endpoint = std::move(endpoint)};
}

const ApiPathItem& item(const ApiSurface& s, std::string_view path) {
  for (const ApiPathItem& i : s.paths) {
    if (i.path == path) return i;
  }
  FAIL("no path item " << path);
  throw;
}

TEST_CASE("each method of a route is an operation with typed path parameters", "[unit][openapi]") {
  const ApiSurface s = api_surface({route("flask", {"GET", "PUT"}, "/p/{id}/f/{rest:path}",
                                          {{"id", "int"}, {"rest", "path"}}, "shop.product")});
  REQUIRE(s.paths.size() == 1);
  const ApiPathItem& p = s.paths[0];
  CHECK(p.path == "/p/{id}/f/{rest}");
  REQUIRE(p.operations.size() == 2);
  CHECK(p.operations[0].method == "get");
  CHECK(p.operations[1].method == "put");
  CHECK(p.operations[0].operation_id == "shop.product_get");
  CHECK(p.operations[1].operation_id == "shop.product_put");
  const std::vector<ApiParameter>& params = p.operations[0].parameters;
  REQUIRE(params.size() == 2);
  CHECK(params[0].name == "id");
  CHECK(params[0].type == "integer");
  CHECK(params[0].minimum == 0);  // Werkzeug's int converter takes digits only
  CHECK(params[1].type == "string");
  CHECK(params[1].description.find("'/'") != std::string::npos);
  CHECK(s.left_out.empty());
}

TEST_CASE("converter and annotation types map to JSON Schema", "[unit][openapi]") {
  const Route flask = route("flask", {"GET"}, "/x");
  const Route fastapi = route("fastapi", {"GET"}, "/x");
  CHECK(api_parameter(flask, "a", "float").type == "number");
  CHECK(api_parameter(flask, "a", "float").minimum == 0);
  CHECK_FALSE(api_parameter(fastapi, "a", "int").minimum);  // an int annotation takes a sign
  CHECK(api_parameter(fastapi, "a", "int").type == "integer");
  CHECK(api_parameter(flask, "a", "uuid").type == "string");
  CHECK(api_parameter(flask, "a", "uuid").format == "uuid");
  CHECK(api_parameter(flask, "a", "slug").pattern == "^[-a-zA-Z0-9_]+$");
  CHECK(api_parameter(flask, "a", "str").description.empty());
  CHECK(api_parameter(flask, "a", "sha1").type == "string");
  CHECK(api_parameter(flask, "a", "sha1").description.find("sha1") != std::string::npos);
  CHECK(api_parameter(flask, "a", "sha1").pattern.empty());
  // A converter the tree registers (Django's register_converter) brings its regex.
  const Route django =
      route("django", {"GET"}, "/c/{a}", {{.name = "a", .type = "sha1", .regex = "[A-z0-9]{40}"}});
  CHECK(api_parameter(django, "a", "sha1").pattern == "^(?:[A-z0-9]{40})$");
  const Route python_only =
      route("django", {"GET"}, "/c/{a}", {{.name = "a", .type = "x", .regex = "(?P<y>a)"}});
  CHECK(api_parameter(python_only, "a", "x").pattern.empty());
}

TEST_CASE("a Django view open to any method is the five standard operations", "[unit][openapi]") {
  const ApiSurface s = api_surface(
      {route("django", {"ANY"}, "/a/", {}, "a"), route("django", {"POST"}, "/a/", {}, "a2")});
  const ApiPathItem& a = item(s, "/a/");
  std::vector<std::string> methods;
  for (const ApiOperation& op : a.operations)
    methods.push_back(op.method + (op.any_method ? "*" : ""));
  // The route that names POST owns it; the view open to any method serves the rest.
  CHECK(methods == std::vector<std::string>{"get*", "put*", "post", "delete*", "patch*"});
  REQUIRE(s.left_out.size() == 1);
  CHECK(s.left_out[0].reason == "duplicate");
  CHECK(s.left_out[0].route == 0);
  CHECK(s.left_out[0].kept == "a2_post");
}

TEST_CASE("one path item per template whatever the parameter names", "[unit][openapi]") {
  const ApiSurface s =
      api_surface({route("flask", {"GET"}, "/u/{id}", {{"id", "int"}}, "show"),
                   route("flask", {"DELETE"}, "/u/{user_id}", {{"user_id", "int"}}, "drop")});
  REQUIRE(s.paths.size() == 1);
  REQUIRE(s.paths[0].operations.size() == 2);
  CHECK(s.paths[0].operations[1].method == "delete");
  CHECK(s.paths[0].operations[1].parameters[0].name == "id");  // the path item's name
}

TEST_CASE("routes of one method and template with other types merge into one operation",
          "[unit][openapi]") {
  // Django tries `<int:pk>` then `<slug:slug>`: one path to OpenAPI, two types.
  const ApiSurface s =
      api_surface({route("django", {"GET"}, "/p/{pk}/", {{"pk", "int"}}, "by-pk"),
                   route("django", {"GET"}, "/p/{slug}/", {{"slug", "slug"}}, "by-slug"),
                   route("django", {"GET"}, "/p/{x}/", {{"x", "int"}}, "again")});
  REQUIRE(s.paths.size() == 1);
  const ApiOperation& op = s.paths[0].operations.at(0);
  CHECK(op.parameters[0].type == "integer");
  REQUIRE(op.parameters[0].alternatives.size() == 1);
  CHECK(op.parameters[0].alternatives[0].converter == "slug");
  CHECK(op.parameters[0].alternatives[0].name == "pk");
  CHECK(op.variants == std::vector<std::size_t>{1});
  REQUIRE(s.left_out.size() == 2);
  CHECK(s.left_out[0].reason == "variant");
  CHECK(s.left_out[1].reason == "duplicate");  // an int again: nothing new
}

TEST_CASE("partial routes, mounts and methods OpenAPI lacks are listed, not operations",
          "[unit][openapi]") {
  Route partial = route("flask", {"GET"}, "/x", {}, "dyn");
  partial.partial = true;
  const ApiSurface s = api_surface({partial, route("fastapi", {"ANY"}, "/static/{path:path}"),
                                    route("flask", {"PROPFIND", "GET"}, "/dav", {}, "dav"),
                                    route("flask", {"GET"}, "/dav", {}, "dav")});
  REQUIRE(s.left_out.size() == 4);
  CHECK(s.left_out[0].reason == "partial");
  CHECK(s.left_out[1].reason == "mount");
  CHECK(s.left_out[2].reason == "method");
  CHECK(s.left_out[2].method == "PROPFIND");
  CHECK(s.left_out[3].reason == "duplicate");
  REQUIRE(s.paths.size() == 1);
  CHECK(s.paths[0].path == "/dav");
}

TEST_CASE("operationIds are unique and URL-safe", "[unit][openapi]") {
  const ApiSurface s = api_surface({route("django", {"GET"}, "/a", {}, "api:thing list"),
                                    route("django", {"GET"}, "/b", {}, "api:thing list")});
  REQUIRE(s.paths.size() == 2);
  CHECK(s.paths[0].operations[0].operation_id == "api_thing_list_get");
  CHECK(s.paths[1].operations[0].operation_id == "api_thing_list_get_2");
  CHECK(openapi_path("") == "/");
}

}  // namespace
}  // namespace cutover
