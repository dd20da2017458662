// Parts and prefixes of dotted names.

#include "model/dotted_name.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("dotted name parts", "[unit][dotted_name]") {
  CHECK(top_level_name("a.b.c") == "a");
  CHECK(last_name("a.b.c") == "c");
  CHECK(last_name("a") == "a");
  CHECK(parent_name("a.b.c") == "a.b");
  CHECK(parent_name("a").empty());
}

TEST_CASE("is_within matches whole components", "[unit][dotted_name]") {
  CHECK(is_within("a.b.c", "a.b"));
  CHECK(is_within("a.b", "a.b"));
  CHECK_FALSE(is_within("a.bc", "a.b"));
  CHECK_FALSE(is_within("a", "a.b"));
}

TEST_CASE("is_identifier", "[unit][dotted_name]") {
  CHECK(is_identifier("_shop2"));
  CHECK_FALSE(is_identifier("2shop"));
  CHECK_FALSE(is_identifier("my-app"));
  CHECK_FALSE(is_identifier(""));
}

}  // namespace
}  // namespace cutover
