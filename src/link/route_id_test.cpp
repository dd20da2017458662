// Route ids: stable for the same route, different when what identifies it differs.

#include "link/route_id.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace cutover {
namespace {

TEST_CASE("route ids are stable across calls and well formed", "[unit][route_id]") {
  const std::string id = stable_route_id("flask", "users.show", "/users/{id}");
  CHECK(id == stable_route_id("flask", "users.show", "/users/{id}"));
  REQUIRE(id.size() == 17);
  CHECK(id[0] == 'r');
  CHECK(id.find_first_not_of("0123456789abcdef", 1) == std::string::npos);
}

TEST_CASE("route ids do not change between releases", "[unit][route_id]") {
  // FNV-1a 64 over each field followed by a 0xff separator; pinned so a
  // change of algorithm (which would break `diff` across runs) is noticed.
  CHECK(stable_route_id("flask", "index", "/") == "rc6d8414e13a9aca8");
}

TEST_CASE("route ids differ when endpoint, template or framework differs", "[unit][route_id]") {
  const std::set<std::string> ids = {
      stable_route_id("flask", "users.show", "/users/{id}"),
      stable_route_id("flask", "users.edit", "/users/{id}"),
      stable_route_id("flask", "users.show", "/users/{id}/edit"),
      stable_route_id("django", "users.show", "/users/{id}"),
  };
  CHECK(ids.size() == 4);
}

TEST_CASE("field boundaries matter in route ids", "[unit][route_id]") {
  CHECK(stable_route_id("flask", "ab", "c") != stable_route_id("flask", "a", "bc"));
  CHECK(stable_route_id("flask", "", "/x") != stable_route_id("flask", "/x", ""));
}

}  // namespace
}  // namespace cutover
