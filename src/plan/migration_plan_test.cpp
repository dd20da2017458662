// Scores from explicit factors, waves, reasons and prerequisites.

#include "plan/migration_plan.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

Route route(std::string family, std::vector<std::string> methods, std::string path) {
  Route r{.id = path + methods.front(), .framework = "flask", .methods = std::move(methods)};
  r.path = std::move(path);
  r.family = std::move(family);
  return r;
}

// Three families: `reports` reads only and nobody imports it; `orders`
// writes and `reports` depends on it; `login` is named like auth.
Inventory three_families() {
  Inventory inv;
  inv.routes = {route("reports", {"GET"}, "/reports/a"), route("reports", {"GET"}, "/reports/b"),
                route("orders", {"GET"}, "/orders/"), route("orders", {"POST"}, "/orders/new"),
                route("login", {"GET"}, "/login")};
  inv.families = {Family{.name = "login"}, Family{.name = "orders", .core_reached = {"core"}},
                  Family{.name = "reports", .core_reached = {"core"}}};
  inv.modules = {Module{.name = "core"}, Module{.name = "orders.views", .family = "orders"},
                 Module{.name = "reports.views", .family = "reports"}};
  inv.family_edges = {
      FamilyDependency{.from = "reports",
                       .to = "orders",
                       .weight = 1,
                       .imports = {{"reports.views", "orders.views", "reports/views.py", 3}}}};
  inv.models = {DataModel{.name = "m.Order", .table = "orders"}};
  inv.table_accesses = {
      TableAccess{.table = "orders", .write = true, .module = "orders.views", .scope = "new"},
      TableAccess{.table = "orders", .module = "reports.views", .scope = "a"}};
  return inv;
}

const FamilyPlan& find(const Plan& plan, std::string_view name) {
  for (const FamilyPlan& f : plan.families) {
    if (f.name == name) return f;
  }
  FAIL("no family " << name);
  return plan.families.front();
}

double factor(const FamilyPlan& f, std::string_view name, double ScoreFactor::*field) {
  for (const ScoreFactor& s : f.factors) {
    if (s.name == name) return s.*field;
  }
  FAIL("no factor " << name);
  return 0;
}

TEST_CASE("factors are reported with value, scaled value, weight and contribution",
          "[unit][migration_plan]") {
  const Plan plan = build_plan(three_families(), {});
  const FamilyPlan& orders = find(plan, "orders");
  CHECK(factor(orders, "read_only_share", &ScoreFactor::value) == 0.5);
  CHECK(factor(orders, "read_only_share", &ScoreFactor::contribution) == 1.5);  // 0.5 × 3
  CHECK(factor(orders, "dependants", &ScoreFactor::value) == 1);
  CHECK(factor(orders, "dependants", &ScoreFactor::scaled) == 1);  // the most of any family
  CHECK(factor(orders, "shared_tables", &ScoreFactor::value) == 1);
  double sum = 0;
  for (const ScoreFactor& s : orders.factors)
    sum += s.contribution;
  CHECK(orders.score == Approx(sum).margin(0.01));
}

TEST_CASE("read-only families first, auth last, each with reasons and prerequisites",
          "[unit][migration_plan]") {
  const Plan plan = build_plan(three_families(), {});
  REQUIRE(plan.families.size() == 3);
  CHECK(plan.families[0].name == "reports");
  CHECK(plan.families[1].name == "orders");
  CHECK(plan.families[2].name == "login");
  CHECK(plan.families[2].auth_critical);
  CHECK(plan.families[2].wave == plan.waves.size());
  CHECK(plan.families[0].wave < plan.families[1].wave);
  const FamilyPlan& reports = find(plan, "reports");
  CHECK(reports.reasons ==
        "reads only (2 endpoints); 0 dependant families; depends on orders; shares tables orders");
  CHECK(reports.prerequisites ==
        std::vector<std::string>{
            "extract or wrap core module core",
            "move or wrap family orders first: reports.views imports orders.views "
            "(reports/views.py:3)",
            "decide which service owns shared table orders"});
  CHECK(reports.sequence.size() == 2);  // no writes to route
  CHECK(find(plan, "orders").sequence.size() == 3);
  CHECK(find(plan, "orders").tables_written == std::vector<std::string>{"orders"});
  REQUIRE(plan.tables.size() == 1);
  CHECK(plan.tables[0].read_by == std::vector<std::string>{"reports"});
  CHECK(plan.tables[0].written_by == std::vector<std::string>{"orders"});
}

TEST_CASE("weights change the order", "[unit][migration_plan]") {
  PlanOptions options;
  options.weights.read_only = -10;  // prefer writers, against all advice
  const Plan plan = build_plan(three_families(), options);
  CHECK(plan.families[0].name == "orders");
}

TEST_CASE("a family whose code logs users in is auth-critical, whatever its name",
          "[unit][migration_plan]") {
  Inventory inv;
  Route r = route("members", {"POST"}, "/members/enter");
  r.uses = {HandlerUse{.name = "django.contrib.auth.login", .file = "members/views.py", .line = 7}};
  inv.routes = {r, route("catalog", {"GET"}, "/catalog/")};
  inv.families = {Family{.name = "catalog"}, Family{.name = "members"}};
  const Plan plan = build_plan(inv, {});
  const FamilyPlan& members = find(plan, "members");
  CHECK(members.auth_critical);
  CHECK(members.reasons.find("logs users in (django.contrib.auth.login at members/views.py:7)") !=
        std::string::npos);
  CHECK(plan.families.back().name == "members");
}

TEST_CASE("names_authentication", "[unit][migration_plan]") {
  CHECK(names_authentication("auth"));
  CHECK(names_authentication("UserAccounts"));
  CHECK(names_authentication("oauth2"));
  CHECK_FALSE(names_authentication("catalog"));
}

}  // namespace
}  // namespace cutover
