// Access logs of known content over the samples, through the cutover binary:
// exact counts per route and method, converters honoured, unmatched
// templates and statuses, never-hit routes, malformed lines; the same
// counts from plain, gzip, JSON lines, an nginx log_format, a counts
// aggregate, and any thread count; bad logs reported while the run goes on.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "testing/gzipped.h"

namespace cutover {
namespace {

using testing::gzipped;

using Json = nlohmann::json;
using testing::run_cutover;
using testing::ScratchTree;
using testing::source_dir;

struct Request {
  std::string method, target;
  int status;
  int times;
};

// legacy_shop (Flask): what each request must count for.
const std::vector<Request> kShopRequests = {
    {"GET", "/catalog/products/12", 200, 5},
    {"HEAD", "/catalog/products/12", 200, 1},
    {"GET", "/catalog/products/abc", 404, 2},  // <int:product_id> takes digits only
    {"GET", "/catalog/products/page/3?sort=price&q=secret", 200, 3},
    {"POST", "/orders/42/cancel", 302, 4},
    {"GET", "/orders/42/cancel", 405, 1},  // POST only
    {"GET", "/admin/users", 308, 2},       // werkzeug's strict-slash redirect
    {"GET", "/admin/users/", 200, 3},
    {"GET", "/notifications/unsubscribe/0b5a7f40-6c8e-4c5e-9a55-3c1f0cdd3a2f", 200, 1},
    {"GET", "/notifications/unsubscribe/not-a-uuid", 404, 1},
    {"GET", "/catalog/categories/garden/tools/rakes", 200, 2},  // <path:category_path>
    {"GET", "/catalog/under/9.99", 200, 1},
    {"GET", "/catalog/under/9", 404, 1},  // <float> needs a dot
    {"GET", "/catalog/p/caf%C3%A9", 200, 1},
    {"GET", "/legacy/export/2024/77", 200, 3},  // served, but no route: the scan missed it?
    {"GET", "/wp-login.php", 404, 2},
    {"GET", "/static/css/site.css", 200, 4},  // Flask's own static route (auto)
};
constexpr int kMalformed = 3;

std::string clf_line(const Request& r, int second, int duration_ms = -1) {
  char stamp[64];
  std::snprintf(stamp, sizeof stamp, "10/Oct/2026:13:%02d:%02d +0200", second / 60 % 60,
                second % 60);
  std::string line = "203.0.113." + std::to_string(second % 250) + " - alice [" + stamp + "] \"" +
                     r.method + " " + r.target + " HTTP/1.1\" " + std::to_string(r.status) +
                     " 512 \"-\" \"Mozilla/5.0\"";
  if (duration_ms >= 0)
    line += " " + std::to_string(duration_ms / 1000) + "." +
            std::string(3 - std::to_string(duration_ms % 1000).size(), '0') +
            std::to_string(duration_ms % 1000);
  return line + "\n";
}

std::string combined_log(const std::vector<Request>& requests, bool durations = false) {
  std::string out;
  int second = 0;
  for (const Request& r : requests) {
    for (int i = 0; i < r.times; ++i, ++second)
      out += clf_line(r, second, durations ? 10 + second : -1);
    if (second == 8) out += "this line is not in any log format\n";
  }
  out += "\n";  // blank lines are not malformed
  out += "203.0.113.9 - - [10/Oct/2026:13:55:36 +0200] \"GET /x HTTP/1.1\" abc 1 \"-\" \"-\"\n";
  out += "{\"method\": \"GET\"}\n";
  return out;
}

std::string json_log(const std::vector<Request>& requests) {
  std::string out;
  int second = 0;
  for (const Request& r : requests) {
    for (int i = 0; i < r.times; ++i, ++second) {
      out += Json{{"ts", "2026-10-10T11:" + std::string(second < 10 ? "00:0" : "00:") +
                             std::to_string(second) + "Z"},
                  {"req", {{"method", r.method}, {"uri", r.target}}},
                  {"status", r.status}}
                 .dump() +
             "\n";
    }
  }
  return out + "not json\n{\"req\": {}}\n[1]\n";
}

Json scan_with(const ScratchTree& tree, const std::string& sample, const std::string& flags,
               const std::string& out = "out", std::string* output = nullptr) {
  const std::string dir = (tree.root() / out).string();
  std::string text;
  const int code = run_cutover("scan " + (source_dir() / sample).string() + " -o " + dir +
                                   " --no-cache --format json " + flags,
                               &text);
  if (output) *output = text;
  REQUIRE(code == 0);
  return Json::parse(testing::read_text(tree.root() / out / "inventory.json"));
}

// Route id of the route declared with `path` (and `method`, when several share it).
std::string route_id(const Json& inv, const std::string& path, const std::string& method = "") {
  for (const Json& r : inv["routes"]) {
    if (r["path"] != path) continue;
    if (method.empty()) return r["id"];
    for (const Json& m : r["methods"]) {
      if (m == method) return r["id"];
    }
  }
  FAIL("no route " << path);
  return "";
}

const Json* traffic_of(const Json& inv, const std::string& id) {
  for (const Json& r : inv["traffic"]["routes"]) {
    if (r["route"] == id) return &r;
  }
  return nullptr;
}

// The traffic section without what names the files read.
Json counts_only(Json traffic) {
  traffic.erase("log_files");
  traffic.erase("formats");
  return traffic;
}

TEST_CASE("a combined log over a Flask app: counts, converters, unmatched, never hit",
          "[e2e][traffic]") {
  const ScratchTree tree;
  const auto log = tree.write("access.log", combined_log(kShopRequests));
  const Json inv = scan_with(tree, "samples/legacy_shop", "--access-log " + log.string());
  const Json& t = inv["traffic"];
  int requests = 0;
  for (const Request& r : kShopRequests)
    requests += r.times;
  CHECK(t["requests"] == requests);
  CHECK(t["lines"] == requests + kMalformed);
  CHECK(t["malformed"] == kMalformed);
  CHECK(t["formats"] == Json::array({"combined"}));
  CHECK(t["window"]["first"] == "2026-10-10T11:00:00Z");  // +0200 → UTC

  const auto hits = [&](const std::string& path, const std::string& method = "") {
    const Json* r = traffic_of(inv, route_id(inv, path, method));
    return r ? (*r)["hits"].get<int>() : 0;
  };
  const Json* product = traffic_of(inv, route_id(inv, "/catalog/products/<int:product_id>"));
  REQUIRE(product);
  CHECK((*product)["hits"] == 6);
  CHECK((*product)["methods"] == Json{{"GET", 5}, {"HEAD", 1}});
  CHECK((*product)["status"] == Json{{"2xx", 6}});
  CHECK(hits("/catalog/products/page/<int:page>") == 3);
  CHECK(hits("/orders/<int:order_id>/cancel") == 4);
  const Json* users = traffic_of(inv, route_id(inv, "/admin/users/"));
  REQUIRE(users);
  CHECK((*users)["hits"] == 5);
  CHECK((*users)["slash_redirects"] == 2);
  CHECK((*users)["status"] == Json{{"2xx", 3}, {"3xx", 2}});
  CHECK(hits("/notifications/unsubscribe/<uuid:token>") == 1);
  CHECK(hits("/catalog/categories/<path:category_path>") == 2);
  CHECK(hits("/catalog/under/<float:max_price>") == 1);
  CHECK(hits("/catalog/p/<slug>") == 1);
  CHECK(t["matched"] == 6 + 3 + 4 + 5 + 1 + 2 + 1 + 1 + 4);
  CHECK(t["auto_hits"] == 4);  // in no route's figures, and not unmatched
  CHECK(t["routes"].size() == 8);

  std::map<std::string, Json> unmatched;
  for (const Json& u : t["unmatched"])
    unmatched[u["method"].get<std::string>() + " " + u["path_template"].get<std::string>() + " " +
              std::to_string(u["status"].get<int>())] = u;
  CHECK(unmatched.size() == 6);
  CHECK(unmatched.at("GET /catalog/products/abc 404")["hits"] == 2);
  CHECK(unmatched.at("GET /orders/{id}/cancel 405")["hits"] == 1);
  CHECK(unmatched.at("GET /notifications/unsubscribe/not-a-uuid 404")["hits"] == 1);
  CHECK(unmatched.at("GET /catalog/under/{id} 404")["hits"] == 1);
  CHECK(unmatched.at("GET /wp-login.php 404")["hits"] == 2);
  const Json& served = unmatched.at("GET /legacy/export/{id}/{id} 200");
  CHECK(served["hits"] == 3);
  CHECK(served["diagnostic"] == "served-but-not-in-inventory");
  CHECK_FALSE(unmatched.at("GET /wp-login.php 404").contains("diagnostic"));

  // Every app route not hit is listed never-hit, and proposed for deprecation.
  CHECK(t["never_hit"].size() + t["routes"].size() + t["unmatchable"].size() +
            t["disabled_by_default"].size() ==
        inv["summary"]["routes"].get<std::size_t>());
  const std::string never = t["never_hit"][0];
  bool proposed = false;
  for (const Json& row : inv["matrix"]) {
    if (row["route"] == never) proposed = row.contains("proposed_deprecation");
    if (row["route"] == route_id(inv, "/admin/users/"))
      CHECK_FALSE(row.contains("proposed_deprecation"));
  }
  CHECK(proposed);
  // Privacy: no address, user or query string anywhere in the output.
  const std::string text = inv.dump();
  CHECK(text.find("203.0.113") == std::string::npos);
  CHECK(text.find("alice") == std::string::npos);
  CHECK(text.find("secret") == std::string::npos);
  // One diagnostic for the file, naming the first bad line.
  bool malformed_reported = false;
  for (const Json& d : inv["diagnostics"]) {
    if (d["code"] != "traffic-malformed-lines") continue;
    malformed_reported = true;
    CHECK(d["line"] == 9);
    CHECK(d["message"].get<std::string>().find("3 of") == 0);
  }
  CHECK(malformed_reported);
}

TEST_CASE("gzip, JSON lines, an nginx log_format, counts and thread counts agree",
          "[e2e][traffic]") {
  const ScratchTree tree;
  const std::string plain = combined_log(kShopRequests);
  const auto log = tree.write("access.log", plain);
  const auto gz = tree.write("rotated/access.log.1.gz", gzipped(plain));
  const Json reference =
      scan_with(tree, "samples/legacy_shop", "--access-log " + log.string() + " -j 1");
  const Json from_gz = scan_with(tree, "samples/legacy_shop", "--access-log " + gz.string(), "gz");
  CHECK(counts_only(from_gz["traffic"]) == counts_only(reference["traffic"]));
  const Json two_jobs =
      scan_with(tree, "samples/legacy_shop", "--access-log " + log.string() + " -j 2", "j2");
  CHECK(two_jobs == reference);

  // JSON lines: fields named by --log-field, nested.
  const auto json = tree.write("access.jsonl", json_log(kShopRequests));
  const Json from_json = scan_with(tree, "samples/legacy_shop",
                                   "--access-log " + json.string() +
                                       " --log-format json --log-field method=req.method "
                                       "--log-field path=req.uri --log-field time=ts",
                                   "json");
  CHECK(from_json["traffic"]["routes"] == reference["traffic"]["routes"]);
  CHECK(from_json["traffic"]["unmatched"] == reference["traffic"]["unmatched"]);
  CHECK(from_json["traffic"]["malformed"] == 3);

  // nginx log_format with $request_time: the same counts, and durations.
  const auto timed = tree.write("timed.log", combined_log(kShopRequests, true));
  const Json from_nginx = scan_with(
      tree, "samples/legacy_shop",
      "--access-log " + timed.string() +
          " --log-format 'nginx:$remote_addr - $remote_user [$time_local] \"$request\" $status "
          "$body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time'",
      "nginx");
  CHECK(from_nginx["traffic"]["never_hit"] == reference["traffic"]["never_hit"]);
  CHECK(from_nginx["traffic"]["unmatched"] == reference["traffic"]["unmatched"]);
  const Json* product =
      traffic_of(from_nginx, route_id(from_nginx, "/catalog/products/<int:product_id>"));
  REQUIRE(product);
  CHECK((*product)["hits"] == 6);
  CHECK((*product)["p50_ms"].get<double>() == Approx(12.0).epsilon(1.0 / 64));  // 10..15 ms
  CHECK((*product)["p95_ms"].get<double>() == Approx(15.0).epsilon(1.0 / 64));

  // A log platform's aggregate: the same counts per route.
  std::string csv = "method,path,status,count,first_seen,last_seen\n";
  for (const Request& r : kShopRequests) {
    csv += r.method + ",\"" + r.target.substr(0, r.target.find('?')) + "\"," +
           std::to_string(r.status) + "," + std::to_string(r.times) +
           ",2026-10-10 11:00:00,2026-10-10 11:00:40\n";
  }
  const auto counts = tree.write("counts.csv", csv);
  const Json from_counts =
      scan_with(tree, "samples/legacy_shop", "--access-log " + counts.string(), "counts");
  CHECK(from_counts["traffic"]["formats"] == Json::array({"counts"}));
  CHECK(from_counts["traffic"]["requests"] == reference["traffic"]["requests"]);
  CHECK(from_counts["traffic"]["never_hit"] == reference["traffic"]["never_hit"]);
  CHECK(from_counts["traffic"]["unmatched"] == reference["traffic"]["unmatched"]);
  for (std::size_t i = 0; i < reference["traffic"]["routes"].size(); ++i) {
    CHECK(from_counts["traffic"]["routes"][i]["hits"] == reference["traffic"]["routes"][i]["hits"]);
    CHECK(from_counts["traffic"]["routes"][i]["methods"] ==
          reference["traffic"]["routes"][i]["methods"]);
  }
}

TEST_CASE("a Django app: urlpatterns order, path() converters, APPEND_SLASH", "[e2e][traffic]") {
  const ScratchTree tree;
  const std::vector<Request> requests = {
      {"GET", "/api/products/5/", 200, 4},
      {"PATCH", "/api/products/5/", 200, 1},
      {"GET", "/api/reviews/12/", 200, 2},
      {"GET", "/api/reviews/abc/", 404, 1},  // <int:pk>
      {"GET", "/api/tags/spring_sale-2/", 200, 1},
      {"GET", "/api/tags/a.b/", 404, 1},  // <slug:slug>
      {"DELETE", "/api/tokens/0b5a7f40-6c8e-4c5e-9a55-3c1f0cdd3a2f/", 204, 1},
      {"GET", "/api/products", 301, 2},  // APPEND_SLASH
      {"GET", "/accounts/7", 200, 1},    // DRF router without trailing slash
  };
  const auto log = tree.write("access.log", combined_log(requests));
  const Json inv = scan_with(tree, "samples/drf_api", "--access-log " + log.string());
  const auto hits = [&](const std::string& path) {
    const Json* r = traffic_of(inv, route_id(inv, path));
    return r ? (*r)["hits"].get<int>() : 0;
  };
  CHECK(hits("api/products/(?P<pk>[^/.]+)/$") == 5);
  CHECK(hits("api/reviews/<int:pk>/") == 2);
  CHECK(hits("api/tags/<slug:slug>/") == 1);
  CHECK(hits("api/tokens/<uuid:token>/") == 1);
  CHECK(hits("api/products/$") == 2);
  CHECK(hits("^accounts/(?P<pk>[^/.]+)$") == 1);
  CHECK(inv["traffic"]["unmatched"].size() == 2);
}

TEST_CASE("bad logs: truncated gzip, binary junk, long lines, unknown formats; the run goes on",
          "[e2e][traffic]") {
  const ScratchTree tree;
  std::string many;
  for (int i = 0; i < 2000; ++i)
    many += clf_line(kShopRequests[0], i);
  const std::string gz = gzipped(many);
  const auto truncated = tree.write("cut.log.gz", gz.substr(0, gz.size() / 2));
  const auto junk = tree.write("junk.bin", std::string("\x7f"
                                                       "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
                                                       18) +
                                               std::string(4096, '\0'));
  const auto syslog =
      tree.write("syslog", "Oct 10 13:55:36 host kernel: eth0 up\nOct 10 13:55:37 host cron: ok\n");
  const auto long_line =
      tree.write("long.log", clf_line(kShopRequests[0], 1) + std::string(100 * 1024, 'x') + "\n" +
                                 clf_line(kShopRequests[0], 2));
  std::string output;
  const Json inv =
      scan_with(tree, "samples/legacy_shop",
                "--access-log " + truncated.string() + " --access-log " + junk.string() +
                    " --access-log " + syslog.string() + " --access-log " + long_line.string() +
                    " --access-log " + (tree.root() / "missing*.log").string(),
                "out", &output);
  const Json& t = inv["traffic"];
  CHECK(t["malformed"].get<int>() >= 1);  // the 100 KB line, and the gzip's cut last line
  CHECK(t["requests"].get<int>() >= 2);
  std::map<std::string, int> codes;
  for (const Json& d : inv["diagnostics"])
    ++codes[d["code"]];
  CHECK(codes["traffic-truncated-log"] == 1);
  CHECK(codes["traffic-unreadable-log"] == 3);  // junk, syslog, a glob matching nothing
  bool long_line_reported = false;
  for (const Json& d : inv["diagnostics"]) {
    if (d["code"] == "traffic-malformed-lines" && d["file"] == long_line.string()) {
      long_line_reported = true;
      CHECK(d["line"] == 2);
    }
  }
  CHECK(long_line_reported);
  CHECK(output.find("binary data, not a text log") != std::string::npos);
  CHECK(output.find("unknown format") != std::string::npos);
  CHECK(output.find("gzip stream truncated") != std::string::npos);
  CHECK(output.find("line longer than 65536 bytes") != std::string::npos);
  CHECK(run_cutover("scan x --log-format apache") == 2);
  CHECK(run_cutover("scan x --log-field colour=x") == 2);
}

TEST_CASE("plan and progress read the logs too", "[e2e][traffic]") {
  const ScratchTree tree;
  const auto log = tree.write("access.log", combined_log(kShopRequests));
  std::string output;
  REQUIRE(run_cutover("plan " + (source_dir() / "samples/legacy_shop").string() + " --access-log " +
                          log.string(),
                      &output) == 0);
  CHECK(output.find("cutover: traffic: 37 requests") != std::string::npos);
  CHECK(output.find("endpoints (4 to routes the framework adds)") != std::string::npos);
  CHECK(output.find("of requests (") != std::string::npos);
  const std::string out = (tree.root() / "progress").string();
  REQUIRE(run_cutover("progress " + (source_dir() / "samples/legacy_shop").string() + " --target " +
                          (source_dir() / "samples/shop_fastapi").string() + " -o " + out +
                          " --no-cache --access-log " + log.string(),
                      &output) == 0);
  CHECK(output.find("% of traffic moved") != std::string::npos);
  const Json progress = Json::parse(testing::read_text(tree.root() / "progress" / "progress.json"));
  // /catalog/products/<int> moved (6 requests), /admin/users/ and the orders did not.
  CHECK(progress["overall"]["requests"] == 23);  // every matched request: none deprecated
  CHECK(progress["overall"]["requests_moved"] == 13);
  CHECK(progress["overall"]["traffic_percent"] == Approx(56.52));
}

}  // namespace
}  // namespace cutover
