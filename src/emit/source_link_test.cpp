#include "emit/source_link.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("source links fill the template", "[unit][source_link]") {
  CHECK(source_href("https://git.example.com/blob/main/{file}#L{line}", "shop/views.py", 12) ==
        "https://git.example.com/blob/main/shop/views.py#L12");
  CHECK(source_href("../legacy/{file}", "a b/c#d?.py", 3) == "../legacy/a%20b/c%23d%3F.py");
  CHECK(source_href("{file}", "views.py", 0) == "views.py");
  CHECK(source_href("x/{file}:{line}", "v.py", 0) == "x/v.py:1");
}

TEST_CASE("no link without a template or a file", "[unit][source_link]") {
  CHECK(source_href("", "views.py", 3).empty());
  CHECK(source_href("{file}", "", 3).empty());
}

TEST_CASE("a file name never becomes a scheme or markup", "[unit][source_link]") {
  CHECK(source_href("{file}", "javascript:alert(1).py", 1) == "javascript%3Aalert%281%29.py");
  CHECK(percent_encode_path("\"><img>") == "%22%3E%3Cimg%3E");
  CHECK(percent_encode_path("caf\xC3\xA9.py") == "caf%C3%A9.py");
}

TEST_CASE("locations are links when there is a template", "[unit][source_link]") {
  CHECK(source_location_html("../src/{file}#L{line}", "a&b.py", 4) ==
        "<a href=\"../src/a%26b.py#L4\">a&amp;b.py:4</a>");
  CHECK(source_location_html("", "a&b.py", 4) == "a&amp;b.py:4");
  CHECK(source_location_html("{file}", "", 4).empty());
}

}  // namespace
}  // namespace cutover
