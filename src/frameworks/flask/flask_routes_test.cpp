// Flask routes end to end through link_summaries, on small in-memory trees.

#include "frameworks/flask/flask_routes.h"

#include <catch2/catch.hpp>
#include <string>

#include "link/route_id.h"
#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::link_python;

const Route& route_at(const Inventory& inv, std::string_view path) {
  for (const Route& r : inv.routes) {
    if (r.path == path) return r;
  }
  std::string all;
  for (const Route& r : inv.routes)
    all += " " + r.path;
  FAIL("no route " << path << "; routes:" << all);
  throw;
}

std::vector<std::string> paths_of(const Inventory& inv) {
  std::vector<std::string> out;
  for (const Route& r : inv.routes)
    out.push_back(r.path);
  return out;
}

bool has_diagnostic(const Inventory& inv, std::string_view file, std::uint32_t line,
                    std::string_view code) {
  for (const Diagnostic& d : inv.diagnostics) {
    if (d.file == file && d.line == line && d.code == code) return true;
  }
  return false;
}

constexpr const char* kUsers = R"(from flask import Blueprint
users_bp = Blueprint('users', __name__, url_prefix='/users')

@users_bp.route('/<int:id>')
def show(id):
    pass
)";

TEST_CASE("a blueprint's constructor prefix applies to its routes", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.users import users_bp
app = Flask(__name__)
app.register_blueprint(users_bp)
)"},
                                     {"shop/users.py", kUsers}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.framework == "flask");
  CHECK(r.path == "/users/<int:id>");
  CHECK(r.path_template == "/users/{id}");
  REQUIRE(r.params.size() == 1);
  CHECK(r.params[0].name == "id");
  CHECK(r.params[0].type == "int");
  CHECK(r.endpoint == "users.show");
  CHECK(r.handler == "shop.users.show");
  CHECK(r.methods == std::vector<std::string>{"GET"});
  CHECK(r.file == "shop/users.py");
  CHECK(r.line == 4);
  CHECK_FALSE(r.partial);
  CHECK(r.unresolved.empty());
  CHECK(r.id == stable_route_id("flask", "users.show", "/users/{id}"));
}

TEST_CASE("strict_slashes=False on a rule is recorded", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)

@app.route('/p/<int:page>', strict_slashes=False)
def page(page):
    pass

@app.route('/strict/')
def strict():
    pass

def export():
    pass

app.add_url_rule('/export/', 'export', export, strict_slashes=False)
)"}});
  CHECK_FALSE(route_at(inv, "/p/<int:page>").strict_slashes);
  CHECK(route_at(inv, "/strict/").strict_slashes);
  CHECK_FALSE(route_at(inv, "/export/").strict_slashes);
}

TEST_CASE("register_blueprint's url_prefix overrides the constructor's", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.users import users_bp
app = Flask(__name__)
app.register_blueprint(users_bp, url_prefix='/people/')
)"},
                                     {"shop/users.py", kUsers}});
  CHECK(paths_of(inv) == std::vector<std::string>{"/people/<int:id>"});
}

TEST_CASE("a blueprint registered twice yields a route per registration", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.users import users_bp
app = Flask(__name__)
app.register_blueprint(users_bp, url_prefix='/v1')
app.register_blueprint(users_bp, url_prefix='/v2', name='users_v2')
)"},
                                     {"shop/users.py", kUsers}});
  CHECK(paths_of(inv) == std::vector<std::string>{"/v1/<int:id>", "/v2/<int:id>"});
  CHECK(route_at(inv, "/v1/<int:id>").endpoint == "users.show");
  CHECK(route_at(inv, "/v2/<int:id>").endpoint == "users_v2.show");
  CHECK(route_at(inv, "/v1/<int:id>").id != route_at(inv, "/v2/<int:id>").id);
}

TEST_CASE("nested blueprints compose prefixes and endpoints", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
api = Blueprint('api', __name__, url_prefix='/api/')
v1 = Blueprint('v1', __name__, url_prefix='/v1')
v2 = Blueprint('v2', __name__)
api.register_blueprint(v1)
api.register_blueprint(v2, url_prefix='/v2')
app = Flask(__name__)
app.register_blueprint(api)

@v1.route('/items')
def items():
    pass

@v2.route('/items')
def items2():
    pass

@api.route('/')
def root():
    pass
)"}});
  const Route& v1_items = route_at(inv, "/api/v1/items");
  CHECK(v1_items.endpoint == "api.v1.items");
  CHECK(v1_items.handler == "app.items");
  CHECK_FALSE(v1_items.partial);
  CHECK(route_at(inv, "/api/v2/items").endpoint == "api.v2.items2");
  CHECK(route_at(inv, "/api/").endpoint == "api.root");
  CHECK(inv.routes.size() == 3);
}

TEST_CASE("an app built in a factory gets blueprints registered through a helper",
          "[unit][flask_routes]") {
  const Inventory inv = link_python({
      {"shop/__init__.py", R"(from flask import Flask
from shop.routes import register_blueprints

def create_app():
    app = Flask(__name__)
    register_blueprints(app)

    @app.route('/health')
    def health():
        return 'ok'

    return app
)"},
      {"shop/routes.py", R"(from shop.admin import admin_bp

def register_blueprints(app):
    app.register_blueprint(admin_bp, url_prefix='/admin')
)"},
      {"shop/admin.py", R"(from flask import Blueprint
admin_bp = Blueprint('admin', __name__)

@admin_bp.route('/dashboard')
def dashboard():
    pass
)"},
  });
  const Route& dashboard = route_at(inv, "/admin/dashboard");
  CHECK(dashboard.endpoint == "admin.dashboard");
  CHECK(dashboard.handler == "shop.admin.dashboard");
  CHECK_FALSE(dashboard.partial);
  const Route& health = route_at(inv, "/health");
  CHECK(health.endpoint == "health");
  CHECK(health.handler == "shop.create_app.health");
  CHECK(health.line == 8);
  CHECK_FALSE(health.partial);
  CHECK(inv.routes.size() == 2);
}

TEST_CASE("a blueprint imported inside the factory is registered", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask

def create_app():
    app = Flask(__name__)
    from .users import users_bp
    app.register_blueprint(users_bp, url_prefix='/u')
    return app
)"},
                                     {"shop/users.py", kUsers}});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].path == "/u/<int:id>");
  CHECK_FALSE(inv.routes[0].partial);
}

TEST_CASE("an app bound by a chained assignment is an app", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"wsgi.py", R"(from flask import Flask
application = app = Flask(__name__)

@app.route('/')
def index():
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].path == "/");
  CHECK_FALSE(inv.routes[0].partial);
}

TEST_CASE("a non-literal url_prefix is evaluated or marked partial, never dropped",
          "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
bp = Blueprint('b', __name__, url_prefix=settings.API_PREFIX)
other = Blueprint('o', __name__)
app = Flask(__name__)
app.register_blueprint(bp)
app.register_blueprint(other, url_prefix=prefix_for('other'))

@bp.route('/x')
def x():
    pass

@other.route('/y')
def y():
    pass
)"}});
  REQUIRE(inv.routes.size() == 2);
  for (const Route& r : inv.routes) {
    INFO(r.path);
    // "/x" or "/y" alone, reported as exact, would be a wrong path presented as right.
    CHECK(r.partial);
  }
}

TEST_CASE("stacked route decorators, lower-case methods and endpoint=", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(import flask
app = flask.Flask(__name__)

@app.route('/a')
@app.route('/b', methods=['post', 'Get', 'POST'])
@login_required
def multi():
    pass

@app.route('/c', endpoint='custom', methods=('DELETE',))
def renamed():
    pass
)"}});
  REQUIRE(inv.routes.size() == 3);
  const Route& a = route_at(inv, "/a");
  CHECK(a.methods == std::vector<std::string>{"GET"});
  CHECK(a.endpoint == "multi");
  CHECK(a.line == 4);
  const Route& b = route_at(inv, "/b");
  CHECK(b.methods == std::vector<std::string>{"GET", "POST"});
  CHECK(b.endpoint == "multi");
  CHECK(b.line == 5);
  CHECK_FALSE(b.partial);
  const Route& c = route_at(inv, "/c");
  CHECK(c.endpoint == "custom");
  CHECK(c.handler == "app.renamed");
  CHECK(c.methods == std::vector<std::string>{"DELETE"});
}

TEST_CASE("endpoint= on a blueprint route gets the blueprint's name", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
bp = Blueprint('shop', __name__, url_prefix='/shop')
app = Flask(__name__)
app.register_blueprint(bp)

@bp.route('', endpoint='home')
def index():
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].path == "/shop");
  CHECK(inv.routes[0].endpoint == "shop.home");
}

TEST_CASE("an unresolvable receiver gives a partial route and a diagnostic",
          "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(thing = make_thing()

@thing.route('/y')
def y():
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.path == "/y");
  CHECK(r.partial);
  CHECK(r.unresolved.find("thing") != std::string::npos);
  CHECK(has_diagnostic(inv, "app.py", 3, "partial-route"));
}

TEST_CASE("a non-literal rule gives a partial route", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)

@app.route(rule_for('z'))
def z():
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].partial);
  CHECK(inv.routes[0].unresolved.find("rule") != std::string::npos);
  CHECK(inv.routes[0].handler == "app.z");
  CHECK(has_diagnostic(inv, "app.py", 4, "partial-route"));
}

TEST_CASE("a blueprint never registered gives a partial route", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"orphan.py", R"(from flask import Blueprint
bp = Blueprint('orphan', __name__, url_prefix='/orphan')

@bp.route('/x')
def x():
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.partial);
  CHECK(r.unresolved.find("not registered") != std::string::npos);
  CHECK(r.path == "/orphan/x");
  CHECK(r.endpoint == "orphan.x");
  CHECK(has_diagnostic(inv, "orphan.py", 4, "partial-route"));
}

TEST_CASE("functions that are not views yield no routes", "[unit][flask_routes]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)

@app.before_request
def before():
    pass

@cache.cached(timeout=5)
def cached():
    pass
)"}});
  CHECK(inv.routes.empty());
}

}  // namespace
}  // namespace cutover
