// Django URL patterns: path() converters, re_path()/url() regexes, and the
// joins include() makes, turned into FastAPI templates and typed params.

#include "frameworks/django/django_pattern.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace cutover {
namespace {

// "name:type" for each param, in order.
std::vector<std::string> typed_params(const ConvertedRule& rule) {
  std::vector<std::string> out;
  for (const RouteParam& p : rule.params)
    out.push_back(p.name + ":" + p.type);
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("path() converters become typed params", "[unit][django]") {
  SECTION("int") {
    const ConvertedRule r = convert_django_pattern("users/<int:pk>/");
    CHECK(r.path_template == "/users/{pk}/");
    CHECK(typed_params(r) == Strings{"pk:int"});
  }
  SECTION("slug, uuid and str keep their converter name") {
    const ConvertedRule r = convert_django_pattern("posts/<slug:s>/<uuid:u>/<str:x>/");
    CHECK(r.path_template == "/posts/{s}/{u}/{x}/");
    CHECK(typed_params(r) == Strings{"s:slug", "u:uuid", "x:str"});
  }
  SECTION("path gets the :path template suffix") {
    const ConvertedRule r = convert_django_pattern("files/<path:p>");
    CHECK(r.path_template == "/files/{p:path}");
    CHECK(typed_params(r) == Strings{"p:path"});
  }
  SECTION("a plain <x> is a str") {
    const ConvertedRule r = convert_django_pattern("tags/<name>/");
    CHECK(r.path_template == "/tags/{name}/");
    CHECK(typed_params(r) == Strings{"name:str"});
  }
  SECTION("a registered converter keeps its name") {
    const ConvertedRule r = convert_django_pattern("archive/<yyyy:year>/");
    CHECK(r.path_template == "/archive/{year}/");
    CHECK(typed_params(r) == Strings{"year:yyyy"});
  }
  SECTION("a route with no params") {
    const ConvertedRule r = convert_django_pattern("about/");
    CHECK(r.path_template == "/about/");
    CHECK(r.params.empty());
  }
}

TEST_CASE("regex named groups become typed params", "[unit][django]") {
  SECTION("\\d+ is an int") {
    const ConvertedRule r = convert_django_pattern(R"(^users/(?P<pk>\d+)/$)");
    CHECK(r.path_template == "/users/{pk}/");
    CHECK(typed_params(r) == Strings{"pk:int"});
  }
  SECTION("[0-9]+ is an int, anything narrower or wider a str") {
    const ConvertedRule r =
        convert_django_pattern(R"(^(?P<year>[0-9]{4})/(?P<id>[0-9]+)/(?P<slug>[-\w]+)/$)");
    CHECK(r.path_template == "/{year}/{id}/{slug}/");
    CHECK(typed_params(r) == Strings{"year:str", "id:int", "slug:str"});
  }
  SECTION(".+ and .* are paths") {
    const ConvertedRule r = convert_django_pattern(R"(^media/(?P<path>.*)$)");
    CHECK(r.path_template == "/media/{path:path}");
    CHECK(typed_params(r) == Strings{"path:path"});
  }
  SECTION("a character class holding ')' does not end the group") {
    const ConvertedRule r = convert_django_pattern(R"(^x/(?P<v>[)a]+)/y/$)");
    CHECK(r.path_template == "/x/{v}/y/");
    CHECK(typed_params(r) == Strings{"v:str"});
  }
  SECTION("nested groups stay inside their named group") {
    const ConvertedRule r = convert_django_pattern(R"(^d/(?P<date>(\d+)-(\d+))/$)");
    CHECK(r.path_template == "/d/{date}/");
    CHECK(typed_params(r) == Strings{"date:str"});
  }
}

TEST_CASE("regex unnamed groups are numbered positional params", "[unit][django]") {
  const ConvertedRule r = convert_django_pattern(R"(^archive/(\d+)/([a-z]+)/$)");
  CHECK(r.path_template == "/archive/{arg0}/{arg1}/");
  CHECK(typed_params(r) == Strings{"arg0:int", "arg1:str"});
}

TEST_CASE("regex escapes, anchors and the leading slash", "[unit][django]") {
  CHECK(convert_django_pattern(R"(^feed\.xml$)").path_template == "/feed.xml");
  CHECK(convert_django_pattern(R"(^robots\.txt$)").params.empty());
  CHECK(convert_django_pattern("^$").path_template == "/");
  CHECK(convert_django_pattern("").path_template == "/");
  CHECK(convert_django_pattern("^about/$").path_template == "/about/");
  CHECK(convert_django_pattern("/already/").path_template == "/already/");
  // an optional trailing slash carries no path text
  CHECK(convert_django_pattern("^items/?$").path_template == "/items/");
  // a non-capturing group neither adds a param nor text
  const ConvertedRule flags = convert_django_pattern("^(?i)shop/$");
  CHECK(flags.path_template == "/shop/");
  CHECK(flags.params.empty());
}

TEST_CASE("join_django_pattern joins include prefixes as Django does", "[unit][django]") {
  SECTION("route + route concatenates") {
    const std::string joined = join_django_pattern("api/", "users/<int:pk>/", PatternKind::kRoute);
    CHECK(joined == "api/users/<int:pk>/");
    CHECK(convert_django_pattern(joined).path_template == "/api/users/{pk}/");
  }
  SECTION("regex + regex drops the inner ^") {
    const std::string joined =
        join_django_pattern("^api/", R"(^users/(?P<pk>\d+)/$)", PatternKind::kRegex);
    CHECK(joined == R"(^api/users/(?P<pk>\d+)/$)");
    const ConvertedRule r = convert_django_pattern(joined);
    CHECK(r.path_template == "/api/users/{pk}/");
    CHECK(typed_params(r) == Strings{"pk:int"});
  }
  SECTION("a regex with no prefix keeps its ^") {
    CHECK(join_django_pattern("", "^users/$", PatternKind::kRegex) == "^users/$");
  }
  SECTION("a route prefix over a regex") {
    const std::string joined = join_django_pattern("api/", "^users/$", PatternKind::kRegex);
    CHECK(joined == "api/users/$");
    CHECK(convert_django_pattern(joined).path_template == "/api/users/");
  }
  SECTION("a regex prefix over a route") {
    const std::string joined = join_django_pattern("^api/", "<slug:s>/", PatternKind::kRoute);
    CHECK(joined == "^api/<slug:s>/");
    const ConvertedRule r = convert_django_pattern(joined);
    CHECK(r.path_template == "/api/{s}/");
    CHECK(typed_params(r) == Strings{"s:slug"});
  }
  SECTION("three levels compose") {
    const std::string two = join_django_pattern("^a/", "^b/(?P<x>\\d+)/", PatternKind::kRegex);
    const std::string three = join_django_pattern(two, "^c/$", PatternKind::kRegex);
    CHECK(three == "^a/b/(?P<x>\\d+)/c/$");
    CHECK(convert_django_pattern(three).path_template == "/a/b/{x}/c/");
  }
}

}  // namespace
}  // namespace cutover
