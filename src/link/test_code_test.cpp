#include "link/test_code.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("test code is told by the test runners' conventions", "[unit][test_code]") {
  CHECK(is_test_path("tests/app.py"));
  CHECK(is_test_path("shop/tests/factories.py"));
  CHECK(is_test_path("shop/test/app.py"));
  CHECK(is_test_path("shop/test_views.py"));
  CHECK(is_test_path("shop/views_test.py"));
  CHECK(is_test_path("shop/tests.py"));
  CHECK(is_test_path("conftest.py"));
  CHECK_FALSE(is_test_path("shop/views.py"));
  CHECK_FALSE(is_test_path("testing_tools/app.py"));
  CHECK_FALSE(is_test_path("shop/contest.py"));
  CHECK_FALSE(is_test_path("latest/app.py"));
  CHECK_FALSE(is_test_path("shop/attest.py"));
}

}  // namespace
}  // namespace cutover
