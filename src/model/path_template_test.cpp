#include "model/path_template.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("path templates split into literals and parameters", "[unit][path_template]") {
  const auto parts = split_path_template("/u/{id}/f/{p:path}");
  REQUIRE(parts.size() == 4);
  CHECK(parts[0].literal == "/u/");
  CHECK(parts[1].parameter);
  CHECK(parts[1].name == "id");
  CHECK(parts[1].convertor.empty());
  CHECK(parts[2].literal == "/f/");
  CHECK(parts[3].name == "p");
  CHECK(parts[3].convertor == "path");
  CHECK(split_path_template("").empty());
  const auto open = split_path_template("/a{b");
  REQUIRE(open.size() == 1);
  CHECK(open[0].literal == "/a{b");
  CHECK(split_path_template("{x}{y}").size() == 2);
}

}  // namespace
}  // namespace cutover
