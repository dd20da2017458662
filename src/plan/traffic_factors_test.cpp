// The plan with access logs: the traffic factors next to the static ones,
// never-hit endpoints proposed (not decided) for deprecation.

#include <catch2/catch.hpp>

#include "plan/migration_plan.h"

namespace cutover {
namespace {

Route route(std::string family, std::vector<std::string> methods, std::string path) {
  Route r{.id = path, .framework = "flask", .methods = std::move(methods)};
  r.path = std::move(path);
  r.family = std::move(family);
  return r;
}

Inventory with_traffic() {
  Inventory inv;
  inv.routes = {route("busy", {"GET", "POST"}, "/busy"), route("busy", {"GET"}, "/busy/old"),
                route("quiet", {"GET"}, "/quiet"), route("quiet", {"DELETE"}, "/quiet/x")};
  inv.families = {Family{.name = "busy"}, Family{.name = "quiet"}};
  TrafficSummary t;
  t.requests = t.matched = 100;
  t.window_first = 971211336;
  t.window_last = 971222400;
  t.routes = {RouteTraffic{.route = 0, .hits = 90, .methods = {{"GET", 60}, {"POST", 30}}},
              RouteTraffic{.route = 2, .hits = 10, .methods = {{"GET", 10}}}};
  t.families = {
      FamilyTraffic{.family = "busy", .hits = 90, .reads = 60, .endpoints = 2, .endpoints_hit = 1},
      FamilyTraffic{
          .family = "quiet", .hits = 10, .reads = 10, .endpoints = 2, .endpoints_hit = 1}};
  t.never_hit = {1, 3};
  inv.traffic = t;
  return inv;
}

double factor(const Plan& plan, std::string_view family, std::string_view name) {
  for (const FamilyPlan& f : plan.families) {
    if (f.name != family) continue;
    for (const ScoreFactor& s : f.factors) {
      if (s.name == name) return s.value;
    }
  }
  FAIL("no factor " << name << " for " << family);
  return 0;
}

TEST_CASE("access logs add a traffic share and an observed read share", "[unit][plan][traffic]") {
  const Plan plan = build_plan(with_traffic(), {});
  CHECK(factor(plan, "busy", "traffic_share") == Approx(0.9));
  CHECK(factor(plan, "quiet", "traffic_share") == Approx(0.1));
  CHECK(factor(plan, "busy", "observed_read_share") == Approx(0.667).epsilon(0.001));
  CHECK(factor(plan, "quiet", "observed_read_share") == Approx(1.0));
  for (const FamilyPlan& f : plan.families) {
    CHECK(f.reasons.find("reads observed") != std::string::npos);
    CHECK(f.factors.size() == 12);  // 10 static, 2 observed
  }
  Inventory without = with_traffic();
  without.traffic.reset();
  for (const FamilyPlan& f : build_plan(without, {}).families)
    CHECK(f.factors.size() == 10);  // no logs: the plan as before
}

TEST_CASE("never-hit endpoints are proposed for deprecation, not deprecated",
          "[unit][plan][traffic]") {
  const Plan plan = build_plan(with_traffic(), {});
  REQUIRE(plan.matrix.size() == 4);
  CHECK(plan.matrix[0].proposed_deprecation.empty());
  CHECK(plan.matrix[1].proposed_deprecation ==
        "no request in the access logs from 2000-10-10T20:55:36Z to 2000-10-11T00:00:00Z (100 "
        "requests read)");
  CHECK(plan.matrix[1].status != "deprecated");
  // An endpoint the user deprecated is not proposed again.
  PlanOptions options;
  options.deprecated.entries = {"/quiet/x"};
  const Plan decided = build_plan(with_traffic(), options);
  CHECK(decided.matrix[3].status == "deprecated");
  CHECK(decided.matrix[3].proposed_deprecation.empty());
}

}  // namespace
}  // namespace cutover
