// Routes' paths as their frameworks' regexes, and werkzeug's rule order.

#include "traffic/route_pattern.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("Flask rules become werkzeug's regexes", "[unit][traffic]") {
  const RoutePattern p = flask_route_pattern("/p/<int:page>");
  CHECK(p.regex == "/p/(?:\\d+)$");
  CHECK(p.literal_prefix == "/p/");
  CHECK_FALSE(p.trailing_slash);
  CHECK(flask_route_pattern("/u/<name>").regex == "/u/(?:[^/]{1,})$");
  CHECK(flask_route_pattern("/u/<string(length=2):c>").regex == "/u/(?:[^/]{2})$");
  CHECK(flask_route_pattern("/f/<path:p>").regex == "/f/(?:[^/].*?)$");
  CHECK(flask_route_pattern("/<any(about, 'help'):page>").regex == "/(?:(?:about|help))$");
  CHECK(flask_route_pattern("/x/<float(signed=True):v>").regex == "/x/(?:-?\\d+\\.\\d+)$");
  CHECK(flask_route_pattern("/x/<list:v>").regex == "/x/(?:[^/]+)$");  // custom: BaseConverter
  CHECK(flask_route_pattern("/r/orders.csv").regex == "/r/orders\\.csv$");
  const RoutePattern branch = flask_route_pattern("/admin/users/");
  CHECK(branch.trailing_slash);
  CHECK(branch.regex == "/admin/users(?<!/)/?$");
  CHECK(branch.literal_prefix == "/admin/users");
  CHECK(flask_route_pattern("/").regex == "/$");
  // strict_slashes=False: with or without the slash, no redirect either way.
  const RoutePattern loose_leaf = flask_route_pattern("/p/<int:page>", false);
  CHECK(loose_leaf.regex == "/p/(?:\\d+)(?<!/)/?$");
  CHECK_FALSE(loose_leaf.trailing_slash);
  const RoutePattern loose_branch = flask_route_pattern("/admin/users/", false);
  CHECK(loose_branch.regex == "/admin/users(?<!/)/?$");
  CHECK_FALSE(loose_branch.trailing_slash);
}

TEST_CASE("werkzeug sorts static rules first, then by static parts and weights",
          "[unit][traffic]") {
  CHECK(werkzeug_sort_key("/p/new") < werkzeug_sort_key("/p/<int:id>"));
  CHECK(werkzeug_sort_key("/p/<int:id>") < werkzeug_sort_key("/p/<id>"));  // int weighs 50
  CHECK(werkzeug_sort_key("/p/<id>") < werkzeug_sort_key("/p/<path:rest>"));
  CHECK(werkzeug_sort_key("/a/<x>/b") < werkzeug_sort_key("/a/<x>"));  // more static parts
  CHECK(werkzeug_sort_key("/x/<c>") < werkzeug_sort_key("/<a>/b"));
  CHECK(werkzeug_sort_key("/a/") == werkzeug_sort_key("/a"));
}

TEST_CASE("Django patterns keep Python regex meaning", "[unit][traffic]") {
  const RoutePattern drf = django_route_pattern("api/products/(?P<pk>[^/.]+)/$");
  CHECK(drf.regex == "/api/products/(?:[^/.]+)/$");
  CHECK(drf.rest == "(?:[^/.]+)/$");
  CHECK(drf.literal_prefix == "/api/products/");
  const RoutePattern route = django_route_pattern("api/reviews/<int:pk>/");
  CHECK(route.regex == "/api/reviews/(?:[0-9]+)/\\z");
  CHECK(django_route_pattern("^accounts$").regex == "/accounts$");
  CHECK(django_route_pattern("^a/(?P<x>.+)\\Z").regex == "/a/(?:.+)\\z");
  CHECK(django_route_pattern("").regex == "/\\z");
  CHECK(django_route_pattern("^a$|^b$").regex == "/(?:a$|b$)");
  CHECK(django_route_pattern("^(?i)help/$").regex == "/(?i)help/$");
  CHECK(django_route_pattern("^(?u)x/$").regex == "/x/$");
  CHECK(django_route_pattern("^a|^b$").literal_prefix == "/");
  CHECK(django_route_pattern("^files/(?P<p>.*)/$").literal_prefix == "/files/");
  CHECK(django_route_pattern("^sitemap\\.xml$").literal_prefix == "/sitemap.xml");
  CHECK(django_route_pattern("^sitemap\\.xml$").regex == "/sitemap\\.xml$");
  CHECK(django_route_pattern("^items?/$").literal_prefix == "/item");
  const RoutePattern backref = django_route_pattern("^(?P<a>x)/(?P=a)/$");
  CHECK(backref.backreference);
  CHECK(backref.regex == "/(?P<a>x)/(?P=a)/$");
  // A converter the tree registers matches its class's regex, not str's.
  const std::map<std::string, std::string> registered = {{"yyyy", "[0-9]{4}"}};
  CHECK(django_route_pattern("sales/<yyyy:year>/", &registered).regex == "/sales/(?:[0-9]{4})/\\z");
  CHECK(django_route_pattern("sales/<yyyy:year>/").regex == "/sales/(?:[^/]+)/\\z");
}

TEST_CASE("FastAPI paths become Starlette's regexes", "[unit][traffic]") {
  CHECK(fastapi_route_pattern("/items/{id}").regex == "/items/(?:[^/]+)$");
  CHECK(fastapi_route_pattern("/items/{id:int}").regex == "/items/(?:[0-9]+)$");
  CHECK(fastapi_route_pattern("/static/{path:path}").regex == "/static/(?:.*)$");
  CHECK(fastapi_route_pattern("/static/{path:path}").literal_prefix == "/static/");
}

}  // namespace
}  // namespace cutover
