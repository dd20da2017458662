#include "track/inventory_reader.h"

#include <catch2/catch.hpp>

#include "emit/inventory_json.h"

namespace cutover {
namespace {

TEST_CASE("an inventory cutover wrote reads back", "[unit][inventory_reader]") {
  Inventory inv;
  inv.root = "shop";
  inv.routes.push_back(Route{.id = "r1",
                             .framework = "flask",
                             .methods = {"GET", "POST"},
                             .path = "/u/<int:id>",
                             .path_template = "/u/{id}",
                             .params = {{"id", "int"}},
                             .handler = "shop.views.user",
                             .family = "users",
                             .file = "shop/views.py",
                             .line = 12});
  std::string error;
  const auto read = read_inventory_routes(inventory_to_json(inv), error);
  REQUIRE(read);
  CHECK(error.empty());
  CHECK(read->root == "shop");
  REQUIRE(read->routes.size() == 1);
  const Route& r = read->routes[0];
  CHECK(r.id == "r1");
  CHECK(r.methods == std::vector<std::string>{"GET", "POST"});
  CHECK(r.params.size() == 1);
  CHECK(r.params[0].type == "int");
  CHECK(r.line == 12);
}

TEST_CASE("anything else is an error message, never an exception", "[unit][inventory_reader]") {
  const auto error_of = [](std::string_view text) {
    std::string error;
    CHECK_FALSE(read_inventory_routes(text, error));
    return error;
  };
  CHECK(error_of("") == "not JSON");
  CHECK(error_of("{\"schema_version\": 1, \"routes\": [") == "not JSON");
  CHECK(error_of("[]").starts_with("not an inventory"));
  CHECK(error_of("{\"schema_version\": 99, \"routes\": []}").starts_with("schema_version 99"));
  CHECK(error_of("{\"schema_version\": 1}") == "no routes array");
  CHECK(error_of("{\"schema_version\": 1, \"routes\": [7]}") == "routes[0]: not an object");
  CHECK(error_of("{\"schema_version\": 1, \"routes\": [{\"id\": 1}]}") ==
        "routes[0]: no string 'id'");
  CHECK(error_of(std::string(100000, '[')) == "not JSON");
}

}  // namespace
}  // namespace cutover
