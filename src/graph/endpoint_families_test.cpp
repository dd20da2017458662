// Endpoint families: naming, module ownership, the family graph, core modules.

#include "graph/endpoint_families.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

TEST_CASE("first_path_segment takes the first literal segment", "[unit][endpoint_families]") {
  CHECK(first_path_segment("/api/v1/users") == "api");
  CHECK(first_path_segment("/robots.txt") == "robots.txt");
  CHECK(first_path_segment("^accounts/(?P<pk>\\d+)$") == "accounts");
  CHECK(first_path_segment("^accounts$") == "accounts");
  CHECK(first_path_segment("/") == "(root)");
  CHECK(first_path_segment("") == "(root)");
  CHECK(first_path_segment("/<lang>/home") == "(root)");
  CHECK(first_path_segment("^(?P<slug>[-\\w]+)/$") == "(root)");
  CHECK(first_path_segment("/items<int:id>") == "(root)");  // cut short by a parameter
}

TEST_CASE("family_of: blueprint, Django app, else path prefix", "[unit][endpoint_families]") {
  const std::vector<std::string> apps{"apps.billing", "contacts"};
  CHECK(family_of(Route{.framework = "flask", .path = "/x", .blueprint = "api.v1"}, apps).name ==
        "api");
  CHECK(family_of(Route{.framework = "flask", .path = "/x", .blueprint = "api.v1"}, apps).kind ==
        "blueprint");
  const Route billing{.framework = "django", .path = "^x$", .module = "apps.billing.views"};
  CHECK(family_of(billing, apps).name == "apps.billing");
  CHECK(family_of(billing, apps).kind == "django-app");
  // Not in INSTALLED_APPS: the top-level package.
  CHECK(family_of(Route{.framework = "django", .path = "x", .module = "shop.views"}, apps).name ==
        "shop");
  // A handler outside the tree (DRF's API root): the path decides.
  const Route root{.framework = "django", .path = "api/$", .handler = "rest_framework.x"};
  CHECK(family_of(root, apps).name == "api");
  CHECK(family_of(root, apps).kind == "path-prefix");
  CHECK(family_of(Route{.framework = "flask", .path = "/healthz"}, apps).name == "healthz");
}

// A Flask app: `shop` registers three blueprints and serves `/` itself.
// orders and users share shop.models; admin imports orders' pricing; users
// import the orders package's services, which import users' back (a family cycle).
const std::vector<testing::PythonFile> kShop = {
    {"shop/__init__.py", R"(from flask import Flask
from shop.orders.views import bp as orders_bp
from shop.users.views import bp as users_bp
from shop.admin.views import bp as admin_bp
app = Flask(__name__)
app.register_blueprint(orders_bp, url_prefix='/orders')
app.register_blueprint(users_bp, url_prefix='/users')
app.register_blueprint(admin_bp, url_prefix='/admin')
@app.route('/')
def index():
    return 'hi'
)"},
    {"shop/models.py", "import shop.util\n"},
    {"shop/util.py", ""},
    {"shop/tasks.py", "from shop import app\n"},
    {"shop/orders/__init__.py", ""},
    {"shop/orders/views.py", R"(from flask import Blueprint
from shop.orders import pricing
from shop import models
bp = Blueprint('orders', __name__)
@bp.route('/')
def list_orders():
    return ''
)"},
    {"shop/orders/pricing.py", "from shop.users import services\n"},
    {"shop/users/__init__.py", ""},
    {"shop/users/services.py", "from shop.orders import pricing\nfrom shop import models\n"},
    {"shop/users/views.py", R"(from flask import Blueprint
from shop.users import services
bp = Blueprint('users', __name__)
@bp.route('/')
def list_users():
    return ''
)"},
    {"shop/admin/__init__.py", ""},
    {"shop/admin/views.py", R"(from flask import Blueprint
from shop.orders.pricing import quote
import shop.tasks
bp = Blueprint('admin', __name__)
@bp.route('/')
def dashboard():
    return ''
)"},
};

const Family* family_named(const Inventory& inv, std::string_view name) {
  for (const Family& f : inv.families) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const Module* module_named(const Inventory& inv, std::string_view name) {
  for (const Module& m : inv.modules) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::vector<std::string> family_edges(const Inventory& inv) {
  std::vector<std::string> out;
  for (const FamilyDependency& d : inv.family_edges) {
    std::string reasons;
    for (const ImportStep& s : d.imports)
      reasons += " " + s.from + ">" + s.to + "@" + std::to_string(s.line);
    out.push_back(d.from + "->" + d.to + " w" + std::to_string(d.weight) + reasons);
  }
  return out;
}

TEST_CASE("families own their handler modules and their package", "[unit][endpoint_families]") {
  const Inventory inv = testing::link_python(kShop);
  REQUIRE(inv.families.size() == 4);
  const Family* orders = family_named(inv, "orders");
  REQUIRE(orders);
  CHECK(orders->kind == "blueprint");
  CHECK(orders->endpoints == 1);
  CHECK(orders->package == "shop.orders");
  CHECK(orders->modules ==
        std::vector<std::string>{"shop.orders", "shop.orders.pricing", "shop.orders.views"});
  for (const Route& r : inv.routes) {
    if (r.path == "/orders/") {
      CHECK(r.family == "orders");
      CHECK(r.module == "shop.orders.views");
    }
  }
  // `/` lives in the module that registers every blueprint: the assembly
  // module belongs to no family, so `/` depends on nothing.
  const Family* root = family_named(inv, "(root)");
  REQUIRE(root);
  CHECK(root->kind == "path-prefix");
  CHECK(root->modules.empty());
  CHECK(module_named(inv, "shop")->assembly);
  CHECK(module_named(inv, "shop")->family.empty());
  CHECK(module_named(inv, "shop.models")->family.empty());
}

TEST_CASE("the family graph names the imports behind each edge", "[unit][endpoint_families]") {
  const Inventory inv = testing::link_python(kShop);
  // admin reaches shop.tasks (no family), which imports the assembly module:
  // reached, not crossed, so admin does not depend on every family.
  CHECK(family_edges(inv) == std::vector<std::string>{
                                 "admin->orders w1 shop.admin.views>shop.orders.pricing@2",
                                 "orders->users w1 shop.orders.pricing>shop.users.services@1",
                                 "users->orders w1 shop.users.services>shop.orders.pricing@1",
                             });
}

TEST_CASE("modules reached by many families are core", "[unit][endpoint_families]") {
  const Inventory inv = testing::link_python(kShop);
  // 4 families: core needs at least 2 of them reaching it.
  CHECK(module_named(inv, "shop.models")->families_reaching == 3);  // orders, users, admin
  CHECK(module_named(inv, "shop.models")->core);
  CHECK(module_named(inv, "shop.util")->core);
  CHECK(module_named(inv, "shop.tasks")->families_reaching == 1);
  CHECK_FALSE(module_named(inv, "shop.tasks")->core);
  CHECK(family_named(inv, "admin")->reached_modules == 6);
}

}  // namespace
}  // namespace cutover
