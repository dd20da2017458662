// Flask objects and routes reached through values that flow: parameters bound
// at every call, loops over them, current_app; and the `if` branches that make
// a declaration or a registration conditional.

#include <catch2/catch.hpp>
#include <string>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::link_python;
using testing::route_paths;
using testing::route_with_path;
using Strings = std::vector<std::string>;

TEST_CASE("blueprints registered in a loop over a parameter rebound with a tuple concatenation",
          "[unit][link][flask_flow]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Blueprint, Flask
from flask_restful import Api, Resource

items = Blueprint("items", __name__)
api = Api(items)

class ItemList(Resource):
    def get(self):
        return []
    def post(self):
        return {}

api.add_resource(ItemList, "/items", endpoint="items")

health = Blueprint("health", __name__)

@health.route("/healthcheck")
def healthcheck():
    return "ok"

DEFAULT_BLUEPRINTS = (health,)
API_VERSION = 1

def configure_blueprints(app, blueprints):
    for blueprint in blueprints:
        app.register_blueprint(blueprint, url_prefix=f"/api/{API_VERSION}")

def create_app(blueprints=None):
    if not blueprints:
        blueprints = DEFAULT_BLUEPRINTS
    else:
        blueprints = blueprints + DEFAULT_BLUEPRINTS
    app = Flask(__name__)
    configure_blueprints(app, blueprints)
    return app

app = create_app(blueprints=(items,))
)"}});
  REQUIRE(inv.routes.size() == 2);
  const Route& items = route_with_path(inv, "/api/1/items");
  CHECK(items.methods == Strings{"GET", "POST"});
  CHECK(items.endpoint == "items.items");
  CHECK_FALSE(items.partial);
  const Route& health = route_with_path(inv, "/api/1/healthcheck");
  CHECK(health.endpoint == "health.healthcheck");
  CHECK_FALSE(health.partial);
  // Registered on both branches of the `if`: not conditional.
  CHECK_FALSE(health.conditional);
}

TEST_CASE("a helper's parameter takes the argument of every call, across modules",
          "[unit][link][flask_flow]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
from views import a, b, c, d

def register(app, blueprint, prefix="/api/1"):
    app.register_blueprint(blueprint, url_prefix=prefix)

def register_all(app, *blueprints):
    for bp in blueprints:
        app.register_blueprint(bp)

app = Flask(__name__)
register(app, a)
register(app, blueprint=b, prefix="/api/2")
register_all(app, c, d)
)"},
                                     {"views.py", R"(from flask import Blueprint
a = Blueprint("a", __name__)
b = Blueprint("b", __name__)
c = Blueprint("c", __name__, url_prefix="/c")
d = Blueprint("d", __name__, url_prefix="/d")

@a.route("/one")
@b.route("/two")
def one():
    return "1"

@c.route("/three")
@d.route("/four")
def three():
    return "3"
)"}});
  // Each blueprint gets each prefix its own call passes, and only that one
  // (the prefix is evaluated per call: "/api/1" for a, "/api/2" for b).
  Strings paths = route_paths(inv);
  std::sort(paths.begin(), paths.end());
  CHECK(paths == Strings{"/api/1/one", "/api/2/two", "/c/three", "/d/four"});
  for (const Route& r : inv.routes)
    CHECK_FALSE(r.unresolved.find("not registered") != std::string::npos);
}

TEST_CASE("a route declared after an early return is conditional; current_app is the one app",
          "[unit][link][flask_flow]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint, current_app

bp = Blueprint("main", __name__)
FEATURE_ON = False

def enable_provider():
    if not FEATURE_ON:
        return None

    @current_app.route("/provider/authorized")
    def provider_authorized():
        return "ok"
    return provider_authorized

@bp.before_app_first_request
def register_modules():
    enable_provider()

@bp.route("/login")
def login():
    return "login"

def create_app():
    app = Flask(__name__)
    app.register_blueprint(bp)
    return app
)"}});
  const Route& provider = route_with_path(inv, "/provider/authorized");
  CHECK(provider.conditional);
  CHECK(provider.condition == "FEATURE_ON");
  CHECK(provider.enabled_by_default == false);
  CHECK_FALSE(provider.partial);
  CHECK(provider.endpoint == "provider_authorized");
  CHECK_FALSE(route_with_path(inv, "/login").conditional);
}

TEST_CASE("registrations under an if make every route they reach conditional",
          "[unit][link][flask_flow]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
from flask_restx import Api, Resource

app = Flask(__name__)
admin = Blueprint("admin", __name__)

@admin.route("/admin")
def dashboard():
    pass

def debug_view():
    pass

class Thing(Resource):
    def get(self):
        pass

if app.config.get("ENABLE_ADMIN"):
    app.register_blueprint(admin)
if app.debug:
    app.add_url_rule("/debug", view_func=debug_view)
    api = Api(app, prefix="/api")
    api.add_resource(Thing, "/things")
)"}});
  const Route& dashboard = route_with_path(inv, "/admin");
  CHECK(dashboard.conditional);
  CHECK(dashboard.condition == "app.config.get(\"ENABLE_ADMIN\")");
  CHECK(route_with_path(inv, "/debug").condition == "app.debug");
  CHECK(route_with_path(inv, "/api/things").condition == "app.debug");
}

TEST_CASE("a registration in a function is conditional only on what every call of it shares",
          "[unit][link][flask_flow]") {
  const char* factory = R"(from flask import Flask, Blueprint
bp = Blueprint("bp", __name__)
DEBUG = False

@bp.route("/x")
def x():
    pass

def create_app():
    app = Flask(__name__)
    app.register_blueprint(bp, url_prefix="/bp")
    return app
)";
  const Inventory both = link_python(
      {{"app.py",
        std::string(factory) + "if DEBUG:\n    debug_app = create_app()\napp = create_app()\n"}});
  REQUIRE(both.routes.size() == 1);
  CHECK_FALSE(both.routes[0].conditional);
  const Inventory only =
      link_python({{"app.py", std::string(factory) + "if DEBUG:\n    debug_app = create_app()\n"}});
  REQUIRE(only.routes.size() == 1);
  CHECK(only.routes[0].condition == "DEBUG");
  CHECK(only.routes[0].enabled_by_default == false);
}

}  // namespace
}  // namespace cutover
