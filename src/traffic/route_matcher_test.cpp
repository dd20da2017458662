// The router: each framework's matching rules, on routes made by hand.

#include "traffic/route_matcher.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

Route route(std::string framework, std::vector<std::string> methods, std::string path) {
  Route r;
  r.framework = std::move(framework);
  r.methods = std::move(methods);
  r.path = std::move(path);
  return r;
}

// Routes in declaration order; `match` answers the index of the route hit.
struct Router {
  explicit Router(std::vector<Route> given) : routes(std::move(given)) {
    for (std::size_t i = 0; i < routes.size(); ++i)
      routes[i].declared = static_cast<std::uint32_t>(i);
    matcher = std::make_unique<RouteMatcher>(routes, diagnostics);
    scratch = matcher->make_scratch();
  }
  std::int64_t operator()(std::string_view method, std::string_view path) {
    return matcher->match(method, path, *scratch).route;
  }
  bool redirected(std::string_view method, std::string_view path) {
    return matcher->match(method, path, *scratch).slash_redirect;
  }
  std::vector<Route> routes;
  std::vector<Diagnostic> diagnostics;
  std::unique_ptr<RouteMatcher> matcher;
  RouteMatcher::ScratchPtr scratch;
};

TEST_CASE("Flask converters decide what matches", "[unit][traffic][matcher]") {
  Router match({route("flask", {"GET"}, "/p/<int:page>"), route("flask", {"GET"}, "/u/<name>"),
                route("flask", {"GET"}, "/f/<path:rest>"), route("flask", {"GET"}, "/x/<float:v>"),
                route("flask", {"GET"}, "/t/<uuid:token>"),
                route("flask", {"GET"}, "/<any(about, help):page>")});
  CHECK(match("GET", "/p/12") == 0);
  CHECK(match("GET", "/p/abc") == -1);  // <int> takes digits only
  CHECK(match("GET", "/p/-1") == -1);
  CHECK(match("GET", "/u/ann") == 1);
  CHECK(match("GET", "/u/a/b") == -1);  // string: no '/'
  CHECK(match("GET", "/f/a/b/c.txt") == 2);
  CHECK(match("GET", "/x/1.5") == 3);
  CHECK(match("GET", "/x/1") == -1);
  CHECK(match("GET", "/t/0b5a7f40-6c8e-4c5e-9a55-3c1f0cdd3a2f") == 4);
  CHECK(match("GET", "/t/nope") == -1);
  CHECK(match("GET", "/about") == 5);
  CHECK(match("GET", "/contact") == -1);
  CHECK(match("GET", "/p/\xD9\xA3") == 0);  // Python's \d takes Unicode digits
}

TEST_CASE("Flask methods: declared ones, HEAD for GET, OPTIONS always",
          "[unit][traffic][matcher]") {
  Router match({route("flask", {"GET"}, "/items"), route("flask", {"POST"}, "/items"),
                route("flask", {"DELETE"}, "/items/<int:id>")});
  CHECK(match("GET", "/items") == 0);
  CHECK(match("HEAD", "/items") == 0);
  CHECK(match("POST", "/items") == 1);
  CHECK(match("OPTIONS", "/items") == 0);
  CHECK(match("PUT", "/items") == -1);  // werkzeug answers 405
  CHECK(match("DELETE", "/items/3") == 2);
  CHECK(match("GET", "/items/3") == -1);
}

TEST_CASE("werkzeug's order, not the declaration's, picks among Flask rules",
          "[unit][traffic][matcher]") {
  Router match({route("flask", {"GET"}, "/p/<name>"), route("flask", {"GET"}, "/p/<int:id>"),
                route("flask", {"GET"}, "/p/new")});
  CHECK(match("GET", "/p/new") == 2);  // static first
  CHECK(match("GET", "/p/7") == 1);    // int before string
  CHECK(match("GET", "/p/x") == 0);
}

TEST_CASE("Flask branch rules take the path without slash, as a redirect",
          "[unit][traffic][matcher]") {
  Router match({route("flask", {"GET"}, "/admin/users/"), route("flask", {"GET"}, "/leaf")});
  CHECK(match("GET", "/admin/users/") == 0);
  CHECK_FALSE(match.redirected("GET", "/admin/users/"));
  CHECK(match("GET", "/admin/users") == 0);
  CHECK(match.redirected("GET", "/admin/users"));
  CHECK(match("GET", "/leaf/") == -1);  // a leaf rule does not take a slash
}

TEST_CASE("Django: first pattern in urlpatterns order, any method", "[unit][traffic][matcher]") {
  Router match({route("django", {"GET"}, "^articles/(?P<year>[0-9]{4})/$"),
                route("django", {"ANY"}, "^articles/(?P<slug>[-\\w]+)/$"),
                route("django", {"GET"}, "api/reviews/<int:pk>/"),
                route("django", {"GET"}, "api/tags/<slug:slug>/"),
                route("django", {"GET"}, "^(?i)help/$")});
  CHECK(match("GET", "/articles/2003/") == 0);
  CHECK(match("POST", "/articles/2003/") == 0);  // the view answers 405, the URL is resolved
  CHECK(match("GET", "/articles/hello-world/") == 1);
  CHECK(match("GET", "/articles/caf\xC3\xA9/") == 1);  // \w is Unicode in Python 3
  CHECK(match("GET", "/api/reviews/5/") == 2);
  CHECK(match("GET", "/api/reviews/x/") == -1);
  CHECK(match("GET", "/api/reviews/5/extra") == -1);  // path() matches the whole rest
  CHECK(match("GET", "/api/tags/a_b-c/") == 3);
  CHECK(match("GET", "/api/tags/a.b/") == -1);
  CHECK(match("GET", "/HELP/") == 4);
}

TEST_CASE("Django: APPEND_SLASH and routes split by method", "[unit][traffic][matcher]") {
  Router match({route("django", {"GET"}, "^items/$"), route("django", {"POST"}, "^items/$"),
                route("django", {"GET"}, "^exact$")});
  CHECK(match("GET", "/items/") == 0);
  CHECK(match("POST", "/items/") == 1);
  CHECK(match("DELETE", "/items/") == 0);  // one pattern to Django: the first takes the rest
  CHECK(match("GET", "/items") == 0);
  CHECK(match.redirected("GET", "/items"));
  CHECK(match("GET", "/exact/") == -1);  // no slash is ever removed
}

TEST_CASE("FastAPI: registration order, methods, redirect_slashes", "[unit][traffic][matcher]") {
  Router match({route("fastapi", {"GET"}, "/items/{id}"), route("fastapi", {"GET"}, "/items/me"),
                route("fastapi", {"ANY"}, "/static/{path:path}"),
                route("fastapi", {"POST"}, "/orders/")});
  CHECK(match("GET", "/items/me") == 0);  // Starlette: first registered wins
  CHECK(match("HEAD", "/items/1") == -1);
  CHECK(match("GET", "/static/css/a.css") == 2);
  CHECK(match("POST", "/orders") == 3);
  CHECK(match.redirected("POST", "/orders"));
  CHECK(match("GET", "/items/1/") == 0);
  CHECK(match.redirected("GET", "/items/1/"));
}

TEST_CASE("partial routes and bad patterns are left out, with a diagnostic",
          "[unit][traffic][matcher]") {
  Route partial = route("flask", {"GET"}, "/x/…");
  partial.partial = true;
  Router match({partial, route("django", {"GET"}, "^bad(/$"), route("flask", {"GET"}, "/ok")});
  CHECK(match.matcher->unmatchable() == std::vector<std::size_t>{0, 1});
  REQUIRE(match.diagnostics.size() == 1);
  CHECK(match.diagnostics[0].code == "traffic-unmatchable-route");
  CHECK(match("GET", "/ok") == 2);
}

TEST_CASE("the index keeps order across nodes", "[unit][traffic][matcher]") {
  // A catch-all declared first wins over a deeper literal route, as Django would.
  Router match(
      {route("django", {"ANY"}, "^(?P<page>.*)$"), route("django", {"GET"}, "^api/users/$")});
  CHECK(match("GET", "/api/users/") == 0);
  Router later(
      {route("django", {"GET"}, "^api/users/$"), route("django", {"ANY"}, "^(?P<page>.*)$")});
  CHECK(later("GET", "/api/users/") == 0);
  CHECK(later("GET", "/api/other/") == 1);
  CHECK(later("GET", "/") == 1);
}

}  // namespace
}  // namespace cutover

namespace cutover {
namespace {

TEST_CASE("an inline flag stays in its own alternative", "[unit][traffic][matcher]") {
  Router match({route("django", {"GET"}, "^(?i)help/$"), route("django", {"GET"}, "^faq/$")});
  CHECK(match("GET", "/HELP/") == 0);
  CHECK(match("GET", "/faq/") == 1);
  CHECK(match("GET", "/FAQ/") == -1);  // (?i) of the first pattern does not reach the second
}

TEST_CASE("a pattern with a backreference is matched alone, in its rank",
          "[unit][traffic][matcher]") {
  Router match({route("django", {"GET"}, "^d/(?P<a>[a-z]+)-(?P=a)/$"),
                route("django", {"GET"}, "^d/(?P<b>.+)/$")});
  CHECK(match("GET", "/d/ab-ab/") == 0);
  CHECK(match("GET", "/d/ab-cd/") == 1);
}

}  // namespace
}  // namespace cutover
