#include "track/route_diff.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

Route route(std::string id, std::vector<std::string> methods, std::string handler = "v.f") {
  return Route{.id = std::move(id),
               .methods = std::move(methods),
               .path = "/x",
               .handler = std::move(handler)};
}

TEST_CASE("routes are paired by id: added, removed, changed", "[unit][route_diff]") {
  const RouteDiff d =
      diff_routes({route("a", {"GET"}), route("b", {"GET"}), route("c", {"GET"})},
                  {route("a", {"GET"}), route("c", {"GET"}, "v.g"), route("d", {"POST"})});
  REQUIRE(d.added.size() == 1);
  CHECK(d.added[0].id == "d");
  REQUIRE(d.removed.size() == 1);
  CHECK(d.removed[0].id == "b");
  REQUIRE(d.changed.size() == 1);
  CHECK(d.changed[0].after.id == "c");
  REQUIRE(d.changed[0].changes.size() == 1);
  CHECK(d.changed[0].changes[0].field == "handler");
  CHECK(d.changed[0].changes[0].before == "v.f");
  CHECK(d.surface_grew());
}

TEST_CASE("the surface grows with a new route or a new method only", "[unit][route_diff]") {
  CHECK_FALSE(diff_routes({route("a", {"GET", "POST"})}, {route("a", {"GET"})}).surface_grew());
  CHECK_FALSE(diff_routes({route("a", {"GET"}), route("b", {"GET"})}, {route("a", {"GET"})})
                  .surface_grew());
  const RouteDiff more = diff_routes({route("a", {"GET"})}, {route("a", {"GET", "PUT"})});
  CHECK(more.surface_grew());
  REQUIRE(more.changed.size() == 1);
  CHECK(more.changed[0].changes[0].after == "GET PUT");
}

TEST_CASE("parameter types are part of a route's change", "[unit][route_diff]") {
  Route before = route("a", {"GET"});
  Route after = before;
  before.params = {{"id", "int"}};
  after.params = {{"id", "str"}};
  const RouteDiff d = diff_routes({before}, {after});
  REQUIRE(d.changed.size() == 1);
  CHECK(d.changed[0].changes[0].field == "params");
  CHECK(d.changed[0].changes[0].before == "id:int");
  CHECK_FALSE(d.surface_grew());
  CHECK(route_diff_text(d).find("params: id:int -> id:str") != std::string::npos);
  CHECK(route_diff_json(d).find("\"surface_grew\": false") != std::string::npos);
}

}  // namespace
}  // namespace cutover
