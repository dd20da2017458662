// openapi.json: summaries, tags, security from guards, x-cutover, and the
// routes that are no operation.

#include "emit/openapi_document.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace cutover {
namespace {

Inventory shop() {
  Inventory inv;
  inv.root = "shop";
  inv.routes = {
      Route{.id = "r1",
            .framework = "flask",
            .methods = {"GET"},
            .path = "/orders/<int:id>",
            .path_template = "/orders/{id}",
            .params = {{"id", "int"}},
            .handler = "shop.orders.show",
            .endpoint = "orders.show",
            .family = "orders",
            .file = "shop/orders.py",
            .line = 10,
            .guards = {"login_required", "csrf_exempt"},
            .handler_file = "shop/orders.py",
            .handler_line = 11,
            .doc = "Show one order."},
      Route{.id = "r2",
            .framework = "flask",
            .methods = {"POST"},
            .path = "/pay",
            .path_template = "/pay",
            .handler = "shop.pay.pay",
            .endpoint = "pay",
            .family = "pay",
            .file = "shop/pay.py",
            .line = 3,
            .assumptions = {RouteAssumption{
                .expr = "os.environ['P']", .assumed = "", .file = "shop/pay.py", .line = 1}}},
      Route{.id = "r3",
            .framework = "flask",
            .methods = {"GET"},
            .path = "/x",
            .handler = "shop.x",
            .file = "shop/x.py",
            .line = 2,
            .partial = true,
            .unresolved = "rule RULES[k]"},
  };
  inv.plan.matrix = {MatrixRow{.route_id = "r1",
                               .status = "adapted",
                               .adapters = {Adapter{.id = "session"}, Adapter{.id = "session"},
                                            Adapter{.id = "templates"}},
                               .effort = EndpointEffort{.effort = "L"}},
                     MatrixRow{.route_id = "r2", .status = "deprecated"},
                     MatrixRow{.route_id = "r3", .status = "blocked"}};
  inv.plan.families = {FamilyPlan{.name = "orders", .wave = 2},
                       FamilyPlan{.name = "pay", .wave = 1}};
  return inv;
}

TEST_CASE("the OpenAPI document of a small tree", "[unit][openapi]") {
  const auto doc = nlohmann::json::parse(openapi_document(shop(), {.server_url = "/legacy"}));
  CHECK(doc["openapi"] == "3.1.0");
  CHECK(doc["servers"][0]["url"] == "/legacy");
  const auto& get = doc["paths"]["/orders/{id}"]["get"];
  CHECK(get["operationId"] == "orders.show_get");
  CHECK(get["summary"] == "Show one order.");
  CHECK(get["tags"] == nlohmann::json::array({"orders"}));
  CHECK(get["parameters"][0]["schema"]["type"] == "integer");
  CHECK(get["parameters"][0]["in"] == "path");
  CHECK(get["parameters"][0]["required"] == true);
  // login_required is a security requirement; csrf_exempt is not.
  CHECK(get["security"] == nlohmann::json::parse(R"([{"login_required": []}])"));
  CHECK(doc["components"]["securitySchemes"]["login_required"]["in"] == "cookie");
  CHECK(doc["components"]["securitySchemes"].size() == 1);
  const auto& x = get["x-cutover"];
  CHECK(x["status"] == "adapted");
  CHECK(x["adapters"] == nlohmann::json::array({"session", "templates"}));
  CHECK(x["wave"] == 2);
  CHECK(x["effort"] == "L");  // the endpoint's effort class, from its slice
  CHECK(x["handler"] == "shop/orders.py:11");
  CHECK(x["route"] == "r1");

  const auto& pay = doc["paths"]["/pay"]["post"];
  CHECK(pay["summary"] == "pay");  // no docstring: the handler's name
  CHECK(pay["deprecated"] == true);
  CHECK(pay["x-cutover"]["resolution"] == "assumed");
  CHECK(pay["x-cutover"]["assumptions"][0]["expr"] == "os.environ['P']");
  CHECK(pay["x-cutover"]["handler"] == "shop/pay.py:3");  // no handler location: the declaration
  CHECK_FALSE(pay.contains("security"));

  CHECK_FALSE(doc["paths"].contains("/x"));
  REQUIRE(doc["x-cutover-partial"].size() == 1);
  CHECK(doc["x-cutover-partial"][0]["route"] == "r3");
  CHECK(doc["x-cutover-partial"][0]["unresolved"] == "rule RULES[k]");
  CHECK(doc["tags"][0]["description"] == "Endpoint family; migration wave 2.");
}

TEST_CASE("a FastAPI target's operations say which legacy endpoints they replace",
          "[unit][openapi]") {
  Inventory target;
  target.root = "api";
  target.routes = {Route{.id = "t1",
                         .framework = "fastapi",
                         .methods = {"GET"},
                         .path = "/pay",
                         .path_template = "/pay",
                         .handler = "api.pay"}};
  const std::map<std::string, std::vector<std::string>> replaces = {{"t1", {"r2"}}};
  const auto doc = nlohmann::json::parse(openapi_document(target, {.replaces = &replaces}));
  CHECK(doc["servers"][0]["url"] == "/");
  CHECK(doc["paths"]["/pay"]["get"]["x-cutover"]["replaces"] == nlohmann::json::array({"r2"}));
}

TEST_CASE("authentication guards are told from CSRF and cache decorators", "[unit][openapi]") {
  CHECK(authentication_guard("login_required"));
  CHECK(authentication_guard("LoginRequiredMixin"));
  CHECK(authentication_guard("token_auth.login_required"));
  CHECK(authentication_guard("permission_required"));
  CHECK(authentication_guard("staff_member_required"));
  CHECK_FALSE(authentication_guard("csrf_exempt"));
  CHECK_FALSE(authentication_guard("never_cache"));
}

}  // namespace
}  // namespace cutover
