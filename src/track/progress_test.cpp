#include "track/progress.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

Route route(std::string framework, std::vector<std::string> methods, std::string path_template,
            std::vector<RouteParam> params = {}, std::string family = "f") {
  Route r{.id = framework + " " + path_template,
          .framework = std::move(framework),
          .methods = std::move(methods),
          .path_template = std::move(path_template),
          .params = std::move(params),
          .family = std::move(family)};
  return r;
}

Inventory legacy_of(std::vector<Route> routes) {
  Inventory inv;
  inv.routes = std::move(routes);
  inv.plan.matrix.resize(inv.routes.size(), MatrixRow{.status = "adapted"});
  return inv;
}

Inventory target_of(std::vector<Route> routes) {
  Inventory inv;
  inv.routes = std::move(routes);
  return inv;
}

const EndpointProgress& only(const Progress& p) {
  REQUIRE(p.endpoints.size() == 1);
  return p.endpoints[0];
}

TEST_CASE("a literal path moves with its method", "[unit][progress]") {
  const Progress p = match_progress(legacy_of({route("flask", {"GET"}, "/healthz")}),
                                    target_of({route("fastapi", {"GET"}, "/healthz")}));
  CHECK(only(p).status == "migrated");
  CHECK(only(p).target_routes == std::vector<std::string>{"fastapi /healthz"});
  CHECK(p.overall.percent == 100);
  CHECK(p.new_routes.empty());
}

TEST_CASE("typed parameters match by position, whatever their names", "[unit][progress]") {
  const Progress p = match_progress(
      legacy_of({route("flask", {"GET"}, "/users/{id}", {{"id", "int"}})}),
      target_of({route("fastapi", {"GET"}, "/users/{user_id}", {{"user_id", "int"}})}));
  CHECK(only(p).status == "migrated");
  CHECK(only(p).mismatches.empty());
  // The rename is listed, not counted against the contract: URLs are the same.
  REQUIRE(only(p).differences.size() == 1);
  CHECK(only(p).differences[0].kind == "param-name");
  CHECK(only(p).differences[0].legacy == "id");
  CHECK(only(p).differences[0].target == "user_id");
  CHECK_FALSE(only(p).differences[0].breaking);
}

TEST_CASE("a text parameter that became a number is refused by FastAPI", "[unit][progress]") {
  const Progress p =
      match_progress(legacy_of({route("django", {"GET"}, "/p/{id}", {{"id", "slug"}})}),
                     target_of({route("fastapi", {"GET"}, "/p/{id}", {{"id", "int"}})}));
  CHECK(only(p).status == "mismatched");
  CHECK(only(p).mismatches ==
        std::vector<std::string>{
            "id: slug → int: requests with values the legacy route served get 422 from FastAPI"});
}

TEST_CASE("a converter that became another type is a contract mismatch", "[unit][progress]") {
  const Progress p =
      match_progress(legacy_of({route("flask", {"GET"}, "/p/{id}", {{"id", "int"}})}),
                     target_of({route("fastapi", {"GET"}, "/p/{id}", {{"id", "str"}})}));
  CHECK(only(p).status == "mismatched");
  CHECK(only(p).mismatches ==
        std::vector<std::string>{
            "id: int → str: the FastAPI route accepts values the legacy one answered with 404"});
  REQUIRE(only(p).differences.size() == 1);
  CHECK(only(p).differences[0].kind == "param-type");
  CHECK(only(p).differences[0].breaking);
  CHECK(p.overall.mismatched == 1);
  // Served all the same: the methods count as moved.
  CHECK(p.overall.percent == 100);
  // string, slug and Django's regex groups are all str.
  CHECK(same_param_type("slug", "str"));
  CHECK(same_param_type("string", "str"));
  CHECK_FALSE(same_param_type("path", "str"));
}

TEST_CASE("a trailing slash difference matches, reported as a mismatch", "[unit][progress]") {
  const Progress p = match_progress(legacy_of({route("django", {"GET"}, "/reports/")}),
                                    target_of({route("fastapi", {"GET"}, "/reports")}));
  CHECK(only(p).status == "mismatched");
  CHECK(only(p).mismatches ==
        std::vector<std::string>{"trailing slash: /reports/ → /reports: requests for the legacy "
                                 "path get a 307 redirect from FastAPI (redirect_slashes) "
                                 "instead of the response"});
}

TEST_CASE("methods split across services", "[unit][progress]") {
  const Progress p = match_progress(legacy_of({route("flask", {"GET", "POST"}, "/login")}),
                                    target_of({route("fastapi", {"GET"}, "/login")}));
  CHECK(only(p).status == "split");
  CHECK(only(p).methods_migrated == std::vector<std::string>{"GET"});
  CHECK(only(p).methods_remaining == std::vector<std::string>{"POST"});
  CHECK(p.overall.percent == 50);
  // A target route serving only methods the legacy endpoint lacks is new.
  const Progress other = match_progress(legacy_of({route("flask", {"GET"}, "/x")}),
                                        target_of({route("fastapi", {"DELETE"}, "/x")}));
  CHECK(only(other).status == "remaining");
  REQUIRE(other.new_routes.size() == 1);
  CHECK(other.new_routes[0].methods == std::vector<std::string>{"DELETE"});
}

TEST_CASE("path converters only match path converters", "[unit][progress]") {
  CHECK(match_key("/files/{p:path}") == "/files/{:path}");
  CHECK(match_key("/files/{p}/") == "/files/{}");
  CHECK(match_key("/") == "/");
  const Progress p = match_progress(legacy_of({route("flask", {"GET"}, "/f/{p:path}")}),
                                    target_of({route("fastapi", {"GET"}, "/f/{p}")}));
  CHECK(only(p).status == "remaining");
}

TEST_CASE("deprecated, remaining and new-only routes; mounts are not endpoints",
          "[unit][progress]") {
  Inventory legacy = legacy_of({route("flask", {"GET"}, "/old", {}, "a"),
                                route("flask", {"GET"}, "/todo", {}, "b"),
                                route("flask", {"GET"}, "/done", {}, "b")});
  legacy.plan.matrix[0].status = "deprecated";
  const Progress p =
      match_progress(legacy, target_of({route("fastapi", {"GET"}, "/done"),
                                        route("fastapi", {"ANY"}, "/static/{path:path}"),
                                        route("fastapi", {"GET"}, "/v2/new")}));
  REQUIRE(p.endpoints.size() == 3);
  CHECK(p.endpoints[0].status == "deprecated");
  CHECK(p.endpoints[1].status == "remaining");
  CHECK(p.endpoints[2].status == "migrated");
  REQUIRE(p.families.size() == 2);
  CHECK(p.families[0].name == "a");
  CHECK(p.families[0].methods_total == 0);  // deprecated: nothing to move
  CHECK(p.families[1].percent == 50);
  CHECK(p.overall.percent == 50);
  REQUIRE(p.new_routes.size() == 2);
  CHECK(p.new_routes[0].path == "/static/{path:path}");
  CHECK(p.new_routes[1].path == "/v2/new");
}

TEST_CASE("a Django view for any method moves when its path is served", "[unit][progress]") {
  const Progress p = match_progress(legacy_of({route("django", {"ANY"}, "/contact/")}),
                                    target_of({route("fastapi", {"GET"}, "/contact/")}));
  CHECK(only(p).status == "migrated");
  CHECK(only(p).methods_migrated == std::vector<std::string>{"ANY"});
}

}  // namespace
}  // namespace cutover
