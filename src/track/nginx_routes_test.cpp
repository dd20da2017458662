#include "track/nginx_routes.h"

#include <catch2/catch.hpp>

#include "testing/text_count.h"

namespace cutover {
namespace {

EndpointProgress endpoint(std::string path, std::vector<std::string> moved,
                          std::vector<std::string> remaining, std::string family = "f",
                          std::vector<std::string> types = {}) {
  EndpointProgress e{.route_id = "r" + path, .family = std::move(family), .path = std::move(path)};
  e.param_types = std::move(types);
  e.methods_migrated = std::move(moved);
  e.methods_remaining = std::move(remaining);
  return e;
}

TEST_CASE("path templates become anchored regexes by parameter type", "[unit][nginx_routes]") {
  CHECK(nginx_path_regex("/u/{id}/f/{p:path}", {"int", "path"}) == "^/u/[0-9]+/f/.+$");
  CHECK(nginx_path_regex("/t/{token}.json", {"uuid"}) == "^/t/[0-9a-fA-F-]+\\.json$");
  CHECK(nginx_path_regex("/s/{slug}", {}) == "^/s/[^/]+$");
}

TEST_CASE("literal paths are exact, moved methods go to FastAPI", "[unit][nginx_routes]") {
  Progress p;
  p.endpoints = {endpoint("/healthz", {"GET"}, {}), endpoint("/login", {"GET"}, {"POST"}),
                 endpoint("/old", {}, {"GET"}), endpoint("/u/{id}", {"GET"}, {}, "f", {"int"})};
  const std::string conf = nginx_routes_config(p, {});
  CHECK(conf.find("location = \"/healthz\" {\n    proxy_pass http://cutover_fastapi;") !=
        std::string::npos);
  CHECK(conf.find("location = \"/old\" {\n    proxy_pass http://cutover_legacy;") !=
        std::string::npos);
  CHECK(conf.find("if ($request_method ~ ^(GET)$)") != std::string::npos);
  CHECK(conf.find("location ~ \"^/u/[0-9]+$\" {\n    proxy_pass http://cutover_fastapi;") !=
        std::string::npos);
  CHECK(conf.find("location / {\n    proxy_pass http://cutover_legacy;") != std::string::npos);
  CHECK(conf.find("split_clients") == std::string::npos);
  // Exact locations before the regexes, the catch-all last.
  CHECK(conf.find("location = ") < conf.find("location ~ "));
  CHECK(conf.find("location ~ ") < conf.find("location / "));
}

TEST_CASE("regexes are ordered most specific first, path converters last", "[unit][nginx_routes]") {
  Progress p;
  p.endpoints = {endpoint("/f/{p:path}", {"GET"}, {}, "f", {"path"}),
                 endpoint("/f/{id}", {}, {"GET"}, "f", {"int"}),
                 endpoint("/f/{id}/raw", {"GET"}, {}, "f", {"int"})};
  const std::string conf = nginx_routes_config(p, {});
  const std::size_t raw = conf.find("^/f/[0-9]+/raw$");
  const std::size_t id = conf.find("^/f/[0-9]+$");
  const std::size_t path = conf.find("^/f/.+$");
  CHECK(raw < id);
  CHECK(id < path);
}

TEST_CASE("a canary family goes through split_clients on the user key", "[unit][nginx_routes]") {
  Progress p;
  p.endpoints = {endpoint("/c/a", {"GET"}, {}, "cat-alog"), endpoint("/h", {"GET"}, {}, "ops")};
  NginxRoutingOptions o;
  o.canary = {{"cat-alog", 25}, {"ops", 100}};
  const std::string conf = nginx_routes_config(p, o);
  CHECK(conf.find("split_clients \"$http_x_user_id\" $cutover_canary_cat_alog {\n  25% "
                  "cutover_fastapi;\n  * cutover_legacy;\n}") != std::string::npos);
  CHECK(conf.find("proxy_pass http://$cutover_canary_cat_alog;") != std::string::npos);
  CHECK(testing::count(conf, "split_clients") == 1);  // 100%: no split needed
}

TEST_CASE("paths nginx cannot carry safely stay on legacy", "[unit][nginx_routes]") {
  Progress p;
  p.endpoints = {endpoint("/x\"; } server { listen 1; location /y", {"GET"}, {}),
                 endpoint("/a b", {"GET"}, {}), endpoint("/$host", {"GET"}, {})};
  EndpointProgress partial = endpoint("/p", {"GET"}, {});
  partial.partial = true;
  p.endpoints.push_back(partial);
  const std::string conf = nginx_routes_config(p, {});
  CHECK(testing::count(conf, "location ") == 1);  // only the catch-all
  CHECK(testing::count(conf, "stays on legacy") == 4);
  CHECK(conf.find("listen 1;") == std::string::npos);
}

TEST_CASE("upstreams, listen and the canary key are checked", "[unit][nginx_routes]") {
  CHECK(check_nginx_options({}).empty());
  CHECK_FALSE(check_nginx_options({.legacy_upstream = "a; include /etc/passwd"}).empty());
  CHECK_FALSE(check_nginx_options({.listen = ""}).empty());
  CHECK_FALSE(check_nginx_options({.canary_key = "$cookie_id\"; }"}).empty());
  CHECK(check_nginx_options({.canary_key = "$cookie_user$http_x_user"}).empty());
  CHECK_FALSE(check_nginx_options({.canary = {{"f", 101}}}).empty());
}

}  // namespace
}  // namespace cutover
