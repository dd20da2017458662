// Flask routes registered by call rather than by @route: add_url_rule,
// class-based views, loops, registration helpers, blueprint factories,
// plugin hooks; and request hooks / error handlers.

#include <catch2/catch.hpp>
#include <string>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::has_diagnostic;
using testing::link_python;
using testing::route_paths;
using testing::route_with_path;
using Strings = std::vector<std::string>;

TEST_CASE("add_url_rule with positional and keyword arguments", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('shop', __name__, url_prefix='/shop')

def index():
    pass

def create():
    pass

def cart():
    pass

app.add_url_rule('/', 'home', index, methods=['GET', 'post'])
app.add_url_rule(rule='/new', view_func=create, methods=('POST',))
bp.add_url_rule('/cart', view_func=cart)
app.register_blueprint(bp)
)"}});
  REQUIRE(inv.routes.size() == 3);
  const Route& home = route_with_path(inv, "/");
  CHECK(home.endpoint == "home");
  CHECK(home.handler == "app.index");
  CHECK(home.methods == Strings{"GET", "POST"});
  CHECK(home.line == 14);
  CHECK_FALSE(home.partial);
  const Route& create = route_with_path(inv, "/new");
  CHECK(create.endpoint == "create");
  CHECK(create.handler == "app.create");
  CHECK(create.methods == Strings{"POST"});
  CHECK_FALSE(create.partial);
  const Route& cart = route_with_path(inv, "/shop/cart");
  CHECK(cart.endpoint == "shop.cart");
  CHECK(cart.blueprint == "shop");
  CHECK(cart.methods == Strings{"GET"});
  CHECK_FALSE(cart.partial);
}

constexpr const char* kItemApi = R"(from flask.views import MethodView

class ItemAPI(MethodView):
    def get(self, id=None):
        pass

    def post(self):
        pass
)";

TEST_CASE("view_func=View.as_view(name), directly or through a variable", "[unit][link]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.views import ItemAPI
app = Flask(__name__)
app.add_url_rule('/items', view_func=ItemAPI.as_view('items'))
item_view = ItemAPI.as_view('item')
app.add_url_rule('/items/<int:id>', view_func=item_view, methods=['GET', 'PUT'])

def register_more():
    detail = ItemAPI.as_view('detail')
    app.add_url_rule('/detail', view_func=detail)
)"},
                                     {"shop/views.py", kItemApi}});
  REQUIRE(inv.routes.size() == 3);
  const Route& items = route_with_path(inv, "/items");
  CHECK(items.endpoint == "items");
  CHECK(items.handler == "shop.views.ItemAPI");
  CHECK(items.methods == Strings{"GET", "POST"});
  CHECK_FALSE(items.partial);
  const Route& item = route_with_path(inv, "/items/<int:id>");
  CHECK(item.endpoint == "item");
  CHECK(item.handler == "shop.views.ItemAPI");
  CHECK(item.methods == Strings{"GET", "PUT"});  // methods= wins over the class's
  CHECK_FALSE(item.partial);
  const Route& detail = route_with_path(inv, "/detail");
  CHECK(detail.endpoint == "detail");
  CHECK(detail.handler == "shop.views.ItemAPI");
  CHECK(detail.methods == Strings{"GET", "POST"});
  CHECK_FALSE(detail.partial);
}

TEST_CASE("a registration helper binding as_view() to a local variable", "[unit][link]") {
  // Flask's documented register_api pattern, with the app passed in.
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.views import ItemAPI
app = Flask(__name__)

def register_api(app, view, endpoint, url):
    view_func = view.as_view(endpoint)
    app.add_url_rule(url, view_func=view_func)

register_api(app, ItemAPI, 'item_api', '/items/')
)"},
                                     {"shop/views.py", kItemApi}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  INFO(r.unresolved);
  CHECK(r.path == "/items/");
  CHECK(r.endpoint == "item_api");
  CHECK(r.handler == "shop.views.ItemAPI");
  CHECK(r.methods == Strings{"GET", "POST"});
  CHECK_FALSE(r.partial);
  CHECK(r.line == 9);
}

TEST_CASE("add_url_rule without view_func lists the rule with a diagnostic", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)
app.add_url_rule('/legacy/<path:rest>', endpoint='legacy')

@app.endpoint('legacy')
def legacy(rest):
    pass
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.path == "/legacy/<path:rest>");
  CHECK(r.endpoint == "legacy");
  CHECK(r.methods == Strings{"GET"});
  CHECK_FALSE(r.partial);
  CHECK(has_diagnostic(inv.diagnostics, "app.py", 3, "rule-without-view"));
}

TEST_CASE("Flask 2 shortcuts @bp.get / @bp.post", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('api', __name__, url_prefix='/api')

@bp.get('/items')
def list_items():
    pass

@bp.post('/items')
def create_item():
    pass

@app.delete('/cache', endpoint='flush')
def clear_cache():
    pass

app.register_blueprint(bp)
)"}});
  REQUIRE(inv.routes.size() == 3);
  CHECK(inv.routes[0].path == "/api/items");
  CHECK(inv.routes[0].methods == Strings{"GET"});
  CHECK(inv.routes[0].endpoint == "api.list_items");
  CHECK(inv.routes[1].path == "/api/items");
  CHECK(inv.routes[1].methods == Strings{"POST"});
  CHECK(inv.routes[1].endpoint == "api.create_item");
  const Route& flush = route_with_path(inv, "/cache");
  CHECK(flush.methods == Strings{"DELETE"});
  CHECK(flush.endpoint == "flush");
  CHECK(flush.handler == "app.clear_cache");
  for (const Route& r : inv.routes)
    CHECK_FALSE(r.partial);
}

TEST_CASE("add_url_rule in a loop over a literal list: one route per element", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('site', __name__)

def a():
    pass

def b():
    pass

for rule, view in [('/a', a), ('/b', b)]:
    bp.add_url_rule(rule, view_func=view)

app.register_blueprint(bp, url_prefix='/p')
)"}});
  REQUIRE(route_paths(inv) == Strings{"/p/a", "/p/b"});
  CHECK(inv.routes[0].endpoint == "site.a");
  CHECK(inv.routes[0].handler == "app.a");
  CHECK(inv.routes[1].endpoint == "site.b");
  CHECK(inv.routes[1].handler == "app.b");
  for (const Route& r : inv.routes) {
    CHECK(r.line == 12);
    CHECK_FALSE(r.partial);
  }
}

TEST_CASE("add_url_rule in a loop over a non-literal iterable: kept, partial", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)

def index():
    pass

for rule in load_rules():
    app.add_url_rule(rule, view_func=index)
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.partial);
  CHECK(r.unresolved.find("rule") != std::string::npos);
  CHECK(r.handler == "app.index");
  CHECK(r.endpoint == "index");
  CHECK(has_diagnostic(inv.diagnostics, "app.py", 8, "partial-route"));
}

TEST_CASE("a registration helper is read at each of its call sites", "[unit][link]") {
  const Inventory inv = link_python({
      {"helpers.py", R"(def register_view(bp, routes, view_func, **kw):
    for r in routes:
        bp.add_url_rule(r, view_func=view_func, **kw)
)"},
      {"views.py", R"(from flask import Blueprint
from helpers import register_view
admin = Blueprint('admin', __name__, url_prefix='/admin')
shop = Blueprint('shop', __name__, url_prefix='/shop')

def dashboard():
    pass

def cart():
    pass

register_view(admin, ['/', '/home'], view_func=dashboard)
register_view(shop, routes=['/cart'], view_func=cart, methods=['GET', 'POST'])
)"},
      {"app.py", R"(from flask import Flask
from views import admin, shop
app = Flask(__name__)
app.register_blueprint(admin)
app.register_blueprint(shop)
)"},
  });
  REQUIRE(route_paths(inv) == Strings{"/admin/", "/admin/home", "/shop/cart"});
  for (const Route& r : inv.routes) {
    INFO(r.path);
    CHECK_FALSE(r.partial);
    CHECK(r.file == "views.py");
  }
  CHECK(inv.routes[0].endpoint == "admin.dashboard");
  CHECK(inv.routes[0].handler == "views.dashboard");
  CHECK(inv.routes[0].methods == Strings{"GET"});
  CHECK(inv.routes[0].line == 12);
  CHECK(inv.routes[1].endpoint == "admin.dashboard");
  CHECK(inv.routes[2].endpoint == "shop.cart");
  CHECK(inv.routes[2].handler == "views.cart");
  CHECK(inv.routes[2].methods == Strings{"GET", "POST"});
  CHECK(inv.routes[2].line == 13);
  CHECK(has_diagnostic(inv.diagnostics, "helpers.py", 1, "registration-helper"));
}

TEST_CASE("a blueprint factory registered in a literal loop", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint

def make_bp(name):
    bp = Blueprint(name, __name__)

    @bp.route('/ping')
    def ping():
        pass

    return bp

app = Flask(__name__)
for name in ['a', 'b']:
    app.register_blueprint(make_bp(name), url_prefix='/' + name)
)"}});
  REQUIRE(route_paths(inv) == Strings{"/a/ping", "/b/ping"});
  for (const Route& r : inv.routes)
    CHECK(r.handler == "app.make_bp.ping");
  // Each call makes a blueprint named after its argument (in Flask the
  // endpoints are a.ping and b.ping). Blueprints are not instantiated per
  // call, so the name is unknown: the routes must say so rather than carry a
  // wrong endpoint as if it were right.
  INFO(testing::describe_routes(inv));
  for (const Route& r : inv.routes) {
    CHECK(r.partial);
    CHECK(r.unresolved.find("blueprint name name") != std::string::npos);
  }
}

TEST_CASE("a blueprint factory with a fixed name registered under two names", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint

def make_bp():
    bp = Blueprint('items', __name__)

    @bp.route('/list')
    def list_items():
        pass

    return bp

app = Flask(__name__)
for prefix, name in [('/v1', 'items_v1'), ('/v2', 'items_v2')]:
    app.register_blueprint(make_bp(), url_prefix=prefix, name=name)
)"}});
  REQUIRE(route_paths(inv) == Strings{"/v1/list", "/v2/list"});
  CHECK(inv.routes[0].endpoint == "items_v1.list_items");
  CHECK(inv.routes[1].endpoint == "items_v2.list_items");
  for (const Route& r : inv.routes)
    CHECK_FALSE(r.partial);
}

TEST_CASE("a plugin hook with no caller registers on the tree's only app", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
app = Flask(__name__)
)"},
                                     {"plugins/__init__.py", ""},
                                     {"plugins/reports.py", R"(from flask import Blueprint
bp = Blueprint('reports', __name__)

@bp.route('/summary')
def summary():
    pass

def load(app):
    app.register_blueprint(bp, url_prefix='/p')
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.path == "/p/summary");
  CHECK(r.endpoint == "reports.summary");
  CHECK(r.handler == "plugins.reports.summary");
  CHECK_FALSE(r.partial);
  const auto assumed = testing::diagnostics_with_code(inv.diagnostics, "assumed-app");
  REQUIRE(assumed.size() == 1);
  CHECK(assumed[0].file == "plugins/reports.py");
  CHECK(assumed[0].line == 8);
  CHECK(assumed[0].severity == Severity::kInfo);
  CHECK(assumed[0].message.find("app.py:2") != std::string::npos);
}

TEST_CASE("a non-static url_prefix in register_blueprint makes routes partial", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('shop', __name__)

@bp.route('/x')
def x():
    pass

@bp.route('/y')
def y():
    pass

app.register_blueprint(bp, url_prefix=current_settings().prefix)
)"}});
  REQUIRE(inv.routes.size() == 2);
  for (const Route& r : inv.routes) {
    INFO(r.path);
    CHECK(r.partial);
    CHECK(r.unresolved.find("url_prefix") != std::string::npos);
    CHECK(r.endpoint.starts_with("shop."));
  }
  CHECK(testing::diagnostics_with_code(inv.diagnostics, "partial-route").size() == 2);
}

TEST_CASE("request hooks and error handlers are listed with their blueprint", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('shop', __name__)

@app.before_request
def load_user():
    pass

@bp.errorhandler(404)
def not_found(e):
    pass

def server_error(e):
    pass

app.register_error_handler(500, server_error)
app.register_blueprint(bp, url_prefix='/shop')
)"}});
  REQUIRE(inv.hooks.size() == 3);
  // Sorted by blueprint, then kind.
  const Hook& before = inv.hooks[0];
  CHECK(before.framework == "flask");
  CHECK(before.kind == "before_request");
  CHECK(before.blueprint == "");
  CHECK(before.handler == "app.load_user");
  CHECK(before.file == "app.py");
  CHECK(before.line == 5);
  const Hook& error500 = inv.hooks[1];
  CHECK(error500.kind == "register_error_handler(500)");
  CHECK(error500.blueprint == "");
  CHECK(error500.line == 16);
  // Named like the decorator-registered handlers: module-qualified.
  CHECK(error500.handler == "app.server_error");
  const Hook& not_found = inv.hooks[2];
  CHECK(not_found.kind == "errorhandler(404)");
  CHECK(not_found.blueprint == "shop");
  CHECK(not_found.handler == "app.not_found");
  CHECK(not_found.line == 9);
  CHECK(inv.routes.empty());
}

}  // namespace
}  // namespace cutover
