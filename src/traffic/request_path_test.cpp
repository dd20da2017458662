// Request lines, paths as the server hands them to the app, unmatched templates.

#include "traffic/request_path.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("request lines split into method and target", "[unit][traffic]") {
  auto r = split_request_line("GET /a/b?x=1 HTTP/1.1");
  REQUIRE(r);
  CHECK(r->method == "GET");
  CHECK(r->target == "/a/b?x=1");
  CHECK(split_request_line("GET /a")->target == "/a");  // HTTP/0.9
  CHECK_FALSE(split_request_line("-"));
  CHECK_FALSE(split_request_line(""));
  CHECK_FALSE(split_request_line("\x16\x03\x01\x02\x00\x01 x"));
  CHECK_FALSE(split_request_line("GET /a garbage"));
}

TEST_CASE("the path drops query, fragment and an absolute form's authority", "[unit][traffic]") {
  CHECK(target_path("/a/b?x=1&y=2") == "/a/b");
  CHECK(target_path("/a#frag") == "/a");
  CHECK(target_path("http://example.com/a/b?q") == "/a/b");
  CHECK(target_path("https://example.com") == "/");
  CHECK(target_path("*").empty());
}

TEST_CASE("percent escapes decode as PATH_INFO does", "[unit][traffic]") {
  std::string buffer;
  CHECK(decode_path("/plain/path", buffer) == "/plain/path");
  CHECK(decode_path("/a%2Fb", buffer) == "/a/b");      // WSGI decodes %2F too
  CHECK(decode_path("/a+b%20c", buffer) == "/a+b c");  // '+' is not a space in a path
  CHECK(decode_path("/caf%C3%A9", buffer) == "/caf\xC3\xA9");
  CHECK(decode_path("/bad%FFbyte", buffer) == "/bad%FFbyte");  // re-escaped, as Django does
  CHECK(decode_path("/raw\xFF", buffer) == "/raw%FF");
  CHECK(decode_path("/100%", buffer) == "/100%");
  CHECK(decode_path("/%zz", buffer) == "/%zz");
}

TEST_CASE("the mount prefix is SCRIPT_NAME", "[unit][traffic]") {
  CHECK(strip_mount_prefix("/app/users/1", "/app") == "/users/1");
  CHECK(strip_mount_prefix("/app", "/app/") == "/");
  CHECK_FALSE(strip_mount_prefix("/application/x", "/app"));
  CHECK_FALSE(strip_mount_prefix("/other", "/app"));
  CHECK(strip_mount_prefix("/x", "") == "/x");
}

TEST_CASE("unmatched paths group into templates without identifiers", "[unit][traffic]") {
  CHECK(unmatched_template("/users/1234/orders") == "/users/{id}/orders");
  CHECK(unmatched_template("/t/0b5a7f40-6c8e-4c5e-9a55-3c1f0cdd3a2f") == "/t/{id}");
  CHECK(unmatched_template("/commit/9fceb02d0ae598e95dc970b74767f19372d61af8") == "/commit/{id}");
  CHECK(unmatched_template("/export/42.json") == "/export/{id}.json");
  CHECK(unmatched_template("/u/jane@example.com/x") == "/u/{email}/x");
  CHECK(unmatched_template("/reset/MTIzNDU2Nzg5MA-abc123def456ghi") == "/reset/{id}");
  CHECK(unmatched_template("/wp-login.php") == "/wp-login.php");
  CHECK(unmatched_template("/") == "/");
  CHECK(unmatched_template("/a b") == "/a%20b");
  const std::string deep = unmatched_template("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o");
  CHECK(deep == "/a/b/c/d/e/f/g/h/i/j/k/l/…");
  CHECK(unmatched_template("/" + std::string(500, 'x')).size() < 210);
}

}  // namespace
}  // namespace cutover
