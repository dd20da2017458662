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

// Three families: `reports` reads only and uses code `orders` owns;
// `orders` writes; `login` is named like auth. Their slices:
//   /reports/a  core.fmt, orders.views.list, reports.views.a (reads orders)
//   /reports/b  reports.views.b
//   /orders/    core.fmt, orders.views.list (reads orders)
//   /orders/new core.fmt, orders.views.new (writes orders)
Inventory three_families() {
  Inventory inv;
  inv.routes = {route("reports", {"GET"}, "/reports/a"), route("reports", {"GET"}, "/reports/b"),
                route("orders", {"GET"}, "/orders/"), route("orders", {"POST"}, "/orders/new"),
                route("login", {"GET"}, "/login")};
  inv.families = {Family{.name = "login"}, Family{.name = "orders"}, Family{.name = "reports"}};
  inv.modules = {Module{.name = "core"}, Module{.name = "orders.views", .family = "orders"},
                 Module{.name = "reports.views", .family = "reports"}};
  inv.models = {DataModel{.name = "m.Order", .table = "orders"}};
  const auto unit = [](std::string name, std::string module, std::uint32_t lines,
                       std::vector<std::uint32_t> uses) {
    return CodeUnit{.name = std::move(name),
                    .module = std::move(module),
                    .file = "x.py",
                    .line = 1,
                    .lines = lines,
                    .uses = std::move(uses)};
  };
  inv.code_units = {unit("core.fmt", "core", 10, {}),
                    unit("orders.views.list", "orders.views", 5, {0}),
                    unit("orders.views.new", "orders.views", 20, {0}),
                    unit("reports.views.a", "reports.views", 8, {0, 1}),
                    unit("reports.views.b", "reports.views", 4, {})};
  const auto slice = [](std::vector<std::uint32_t> units, std::vector<std::string> read,
                        std::vector<std::string> written, std::uint32_t lines) {
    return EndpointSlice{.units = std::move(units),
                         .tables_read = std::move(read),
                         .tables_written = std::move(written),
                         .lines = lines};
  };
  inv.slices = {slice({0, 1, 3}, {"orders"}, {}, 23), slice({4}, {}, {}, 4),
                slice({0, 1}, {"orders"}, {}, 15), slice({0, 2}, {}, {"orders"}, 30),
                slice({}, {}, {}, 0)};
  for (std::size_t i = 0; i < inv.routes.size(); ++i)
    inv.slices[i].route_id = inv.routes[i].id;
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
        "reads only (2 endpoints); 27 lines to port (15 shared with orders); 0 dependant "
        "families; uses code of orders; shares tables orders");
  CHECK(reports.prerequisites ==
        std::vector<std::string>{
            "extract shared kernel: `core.fmt` (10 lines), used by orders, reports",
            "extract shared kernel: `orders.views.list` (5 lines), used by orders, reports",
            "decide the owner of shared table orders"});
  CHECK(reports.lines_to_port == 27);
  CHECK(reports.shared_lines == std::vector<std::pair<std::string, std::uint32_t>>{{"orders", 15}});
  CHECK(reports.sequence.size() == 2);  // no writes to route
  CHECK(find(plan, "orders").sequence.size() == 3);
  CHECK(find(plan, "orders").tables_written == std::vector<std::string>{"orders"});
  REQUIRE(plan.tables.size() == 1);
  CHECK(plan.tables[0].read_by == std::vector<std::string>{"orders", "reports"});
  CHECK(plan.tables[0].written_by == std::vector<std::string>{"orders"});
}

TEST_CASE(
    "the shared kernel is the code two or more families' slices use, ranked by families "
    "× lines",
    "[unit][migration_plan]") {
  const Plan plan = build_plan(three_families(), {});
  REQUIRE(plan.kernel.size() == 2);
  CHECK(plan.kernel[0].head == "core.fmt");  // 2 families × 10 lines
  CHECK(plan.kernel[0].families == std::vector<std::string>{"orders", "reports"});
  CHECK(plan.kernel[1].head == "orders.views.list");  // 2 × 5
  CHECK(plan.kernel[1].module == "orders.views");
}

TEST_CASE("each endpoint's effort, from its slice's lines, adapters and tables written",
          "[unit][migration_plan]") {
  const Plan plan = build_plan(three_families(), {});
  CHECK(plan.matrix[3].effort.effort == "S");
  CHECK(plan.matrix[3].effort.lines == 30);
  CHECK(plan.matrix[3].effort.tables_written == 1);
}

TEST_CASE("plan quality: calls crossing the split, for the families and after each wave",
          "[unit][migration_plan]") {
  const Plan plan = build_plan(three_families(), {});
  // reports.views.a calls core.fmt (used most by orders: orders' part) and
  // orders.views.list; orders' units call core.fmt.
  CHECK(plan.quality.families.resolved_calls == 4);
  CHECK(plan.quality.families.crossing_calls == 2);
  CHECK(plan.quality.families.crossing_share == 0.5);
  CHECK(plan.quality.families.distributed_writes == 0);
  REQUIRE(plan.quality.waves.size() == plan.waves.size());
  for (const CutFigures& c : plan.quality.waves)
    CHECK(c.crossing_calls <= plan.quality.families.crossing_calls);
  // Once reports moved, legacy can delete what only reports used.
  const Decommission& first = plan.waves[0].removable;
  REQUIRE(plan.waves[0].families == std::vector<std::string>{"reports"});
  std::vector<std::string> functions;
  for (const Removable& r : first.functions)
    functions.push_back(r.name);
  CHECK(functions == std::vector<std::string>{"reports.views.a", "reports.views.b"});
  REQUIRE(first.modules.size() == 1);
  CHECK(first.modules[0].name == "reports.views");
  CHECK(first.tables.empty());  // orders still reads and writes them
}

TEST_CASE("endpoints writing a table two families write count against both",
          "[unit][migration_plan]") {
  Inventory inv = three_families();
  // /reports/b now writes orders too: both families write it.
  inv.routes[1].methods = {"POST"};
  inv.slices[1].tables_written = {"orders"};
  const Plan plan = build_plan(inv, {});
  for (const char* name : {"orders", "reports"}) {
    INFO(name);
    const FamilyPlan& f = find(plan, name);
    CHECK(factor(f, "shared_writes", &ScoreFactor::value) == 1);  // /orders/new; /reports/b
    CHECK(factor(f, "shared_writes", &ScoreFactor::contribution) < 0);
    CHECK(f.reasons.find("1 of its endpoints write tables another family writes too (orders)") !=
          std::string::npos);
  }
  CHECK(factor(find(plan, "login"), "shared_writes", &ScoreFactor::value) == 0);
  // Without the shared write, no family pays for it.
  const Plan before = build_plan(three_families(), {});
  CHECK(factor(find(before, "orders"), "shared_writes", &ScoreFactor::value) == 0);
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
