// endpoints.csv: RFC 4180 quoting and no formula from scanned text.

#include "emit/endpoints_csv.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("fields are quoted as RFC 4180 says", "[unit][csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("cells a spreadsheet would evaluate are neutralised", "[unit][csv]") {
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("/a=b") == "/a=b");            // only a leading character counts
  CHECK(csv_field("a\xff") == "a\xEF\xBF\xBD");  // not UTF-8: replaced
}

TEST_CASE("one row per endpoint with the plan's columns", "[unit][csv]") {
  Inventory inv;
  inv.routes = {Route{.id = "r1",
                      .methods = {"GET", "POST"},
                      .path = "/a",
                      .endpoint = "=cmd|' /C calc'!A0",
                      .family = "f",
                      .file = "a.py",
                      .line = 3,
                      .handler_file = "a.py",
                      .handler_line = 4},
                Route{.id = "r2", .path = "/b", .file = "b.py", .line = 1}};
  inv.plan.matrix = {MatrixRow{.route_id = "r1",
                               .status = "blocked",
                               .adapters = {Adapter{.id = "session"}, Adapter{.id = "session"},
                                            Adapter{.id = "templates"}},
                               .blockers = {"print statement at a.py:9", "unresolved x"},
                               .effort = EndpointEffort{.effort = "M"}},
                     MatrixRow{.route_id = "r2", .status = "unchanged"}};
  inv.plan.families = {FamilyPlan{.name = "f", .wave = 3}};
  const std::string csv = endpoints_csv(inv);
  CHECK(csv ==
        "methods,path,family,wave,status,effort,adapters,blockers,handler,resolution,endpoint,"
        "route_id\r\n"
        "GET POST,/a,f,3,blocked,M,session templates,print statement at a.py:9; unresolved x,"
        "a.py:4,exact,'=cmd|' /C calc'!A0,r1\r\n"
        ",/b,,,unchanged,,,,b.py:1,exact,,r2\r\n");

  // With access logs: requests per endpoint, 0 for one never hit.
  inv.traffic = TrafficSummary{};
  inv.traffic->routes = {RouteTraffic{.route = 1, .hits = 42}};
  const std::string with_hits = endpoints_csv(inv);
  CHECK(
      with_hits.starts_with("methods,path,family,wave,status,effort,adapters,blockers,handler,"
                            "resolution,endpoint,route_id,hits\r\n"));
  CHECK(with_hits.find(",r1,0\r\n") != std::string::npos);
  CHECK(with_hits.ends_with(",r2,42\r\n"));
}

}  // namespace
}  // namespace cutover
