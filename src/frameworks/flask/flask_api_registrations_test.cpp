// Flask-RESTful and Flask-RESTX routes: Api prefixes, resources with several
// URLs, Api on a blueprint, init_app, namespaces and their default endpoint
// names, and wrappers around add_resource.

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

TEST_CASE("Flask-RESTful add_resource with several URLs and endpoint=", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
from flask_restful import Api, Resource
app = Flask(__name__)
api = Api(app, prefix='/api')

class TodoItem(Resource):
    def get(self, todo_id):
        pass

    def put(self, todo_id):
        pass

class Stats(Resource):
    def get(self):
        pass

api.add_resource(TodoItem, '/todos/<todo_id>', '/t/<todo_id>')
api.add_resource(Stats, '/stats', endpoint='statistics')
)"}});
  REQUIRE(route_paths(inv) == Strings{"/api/stats", "/api/t/<todo_id>", "/api/todos/<todo_id>"});
  const Route& todos = route_with_path(inv, "/api/todos/<todo_id>");
  const Route& t = route_with_path(inv, "/api/t/<todo_id>");
  for (const Route* r : {&todos, &t}) {
    CHECK(r->endpoint == "todoitem");  // Flask-RESTful: the class name, lowercased
    CHECK(r->handler == "app.TodoItem");
    CHECK(r->methods == Strings{"GET", "PUT"});
    CHECK(r->line == 17);
    CHECK_FALSE(r->partial);
  }
  CHECK(todos.id != t.id);
  const Route& stats = route_with_path(inv, "/api/stats");
  CHECK(stats.endpoint == "statistics");
  CHECK(stats.methods == Strings{"GET"});
  CHECK_FALSE(stats.partial);
}

TEST_CASE("a Flask-RESTful Api on a blueprint", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask, Blueprint
from flask_restful import Api, Resource
app = Flask(__name__)
bp = Blueprint('bp', __name__, url_prefix='/bp')
api = Api(bp, prefix='/api')

class X(Resource):
    def post(self):
        pass

api.add_resource(X, '/x')
app.register_blueprint(bp)
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.path == "/bp/api/x");
  CHECK(r.endpoint == "bp.x");
  CHECK(r.blueprint == "bp");
  CHECK(r.methods == Strings{"POST"});
  CHECK_FALSE(r.partial);
}

TEST_CASE("a Flask-RESTful Api created without an app, then init_app(app)", "[unit][link]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.extensions import api

def create_app():
    app = Flask(__name__)
    api.init_app(app)
    return app
)"},
                                     {"shop/extensions.py", R"(from flask_restful import Api
api = Api(prefix='/v1')
)"},
                                     {"shop/resources.py", R"(from flask_restful import Resource
from shop.extensions import api

class Order(Resource):
    def get(self, id):
        pass

api.add_resource(Order, '/orders/<int:id>')
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& r = inv.routes[0];
  CHECK(r.path == "/v1/orders/<int:id>");
  CHECK(r.endpoint == "order");
  CHECK(r.handler == "shop.resources.Order");
  CHECK(r.file == "shop/resources.py");
  CHECK_FALSE(r.partial);
}

constexpr const char* kRestxApp = R"(from flask import Flask
from flask_restx import Api
from resources import ns, ns_two
app = Flask(__name__)
api = Api(app, prefix='/api')
api.add_namespace(ns, path='/p')
api.add_namespace(ns_two)
)";

TEST_CASE("Flask-RESTX namespaces: path, default endpoints, stacked routes", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", kRestxApp}, {"resources.py", R"(
from flask_restx import Namespace, Resource
ns = Namespace('users')
ns_two = Namespace('things', path='/t')

@ns.route('/x')
class UserList(Resource):
    def get(self):
        pass

    def post(self):
        pass

@ns.route('/a')
@ns.route('/b')
class Item(Resource):
    def get(self):
        pass

@ns.route('/one', '/two')
class Multi(Resource):
    def delete(self):
        pass

@ns_two.route('/z')
class Thing(Resource):
    def get(self):
        pass
)"}});
  REQUIRE(route_paths(inv) ==
          Strings{"/api/p/a", "/api/p/b", "/api/p/one", "/api/p/two", "/api/p/x", "/api/t/z"});
  const Route& x = route_with_path(inv, "/api/p/x");
  CHECK(x.endpoint == "users_user_list");
  CHECK(x.handler == "resources.UserList");
  CHECK(x.methods == Strings{"GET", "POST"});
  CHECK_FALSE(x.partial);
  // Decorators apply bottom-up: '/b' is registered first and takes the plain name.
  CHECK(route_with_path(inv, "/api/p/b").endpoint == "users_item");
  CHECK(route_with_path(inv, "/api/p/a").endpoint == "users_item_2");
  CHECK(route_with_path(inv, "/api/p/one").endpoint == "users_multi");
  CHECK(route_with_path(inv, "/api/p/two").endpoint == "users_multi");
  CHECK(route_with_path(inv, "/api/p/two").methods == Strings{"DELETE"});
  CHECK(route_with_path(inv, "/api/t/z").endpoint == "things_thing");
  for (const Route& r : inv.routes) {
    INFO(r.path);
    CHECK_FALSE(r.partial);
  }
}

TEST_CASE("Flask-RESTX api.namespace() creates an attached namespace", "[unit][link]") {
  const Inventory inv = link_python({{"app.py", R"(from flask import Flask
from flask_restx import Api, Resource
app = Flask(__name__)
api = Api(app)
n = api.namespace('n', description='things')
other = api.namespace('o', path='/other/')

@n.route('/y')
class ThingDetail(Resource):
    def get(self):
        pass

@other.route('/w')
class W(Resource):
    def put(self):
        pass
)"}});
  REQUIRE(route_paths(inv) == Strings{"/n/y", "/other/w"});
  CHECK(inv.routes[0].endpoint == "n_thing_detail");
  CHECK(inv.routes[0].methods == Strings{"GET"});
  CHECK(inv.routes[1].endpoint == "o_w");
  CHECK(inv.routes[1].methods == Strings{"PUT"});
  for (const Route& r : inv.routes)
    CHECK_FALSE(r.partial);
}

TEST_CASE("a wrapper method on an Api subclass forwards to add_resource", "[unit][link]") {
  const Inventory inv = link_python({{"shop/__init__.py", R"(from flask import Flask
from shop.api import api

app = Flask(__name__)
api.init_app(app)
)"},
                                     {"shop/api.py", R"(from flask_restful import Api, Resource

class ApiExt(Api):
    def add_org_resource(self, resource, *urls, **kwargs):
        return self.add_resource(resource, *urls, **kwargs)

api = ApiExt(prefix='/api')

class Widget(Resource):
    def get(self):
        pass

    def delete(self):
        pass

api.add_org_resource(Widget, '/widgets', '/w', endpoint='widgets')
)"}});
  REQUIRE(route_paths(inv) == Strings{"/api/w", "/api/widgets"});
  for (const Route& r : inv.routes) {
    INFO(r.path);
    CHECK(r.endpoint == "widgets");
    CHECK(r.handler == "shop.api.Widget");
    CHECK(r.methods == Strings{"DELETE", "GET"});
    CHECK(r.line == 16);
    CHECK_FALSE(r.partial);
  }
  const auto notes = testing::diagnostics_with_code(inv.diagnostics, "registration-wrapper");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].file == "shop/api.py");
  CHECK(notes[0].line == 3);
  CHECK(notes[0].severity == Severity::kInfo);
  CHECK(notes[0].message.find("ApiExt.add_org_resource()") != std::string::npos);
  CHECK_FALSE(has_diagnostic(inv.diagnostics, "shop/api.py", 5, "partial-route"));
}

}  // namespace
}  // namespace cutover
