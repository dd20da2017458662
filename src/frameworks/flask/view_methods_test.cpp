// The HTTP methods of class-based views, computed as Flask does.

#include "frameworks/flask/view_methods.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;
using Strings = std::vector<std::string>;

std::optional<Strings> methods_of(LinkedTree& tree, std::string_view path, std::string_view cls) {
  const ViewClass view{.file = tree.file(path), .definition = &tree.definition(path, cls)};
  return view_class_methods(tree.names(), tree.objects(), view);
}

TEST_CASE("a MethodView serves the methods it has handlers for", "[unit][link]") {
  LinkedTree tree({{"views.py", R"(from flask.views import MethodView

class ItemAPI(MethodView):
    def get(self, id=None):
        pass

    def post(self):
        pass

    def helper(self):
        pass
)"}});
  CHECK(methods_of(tree, "views.py", "ItemAPI") == Strings{"GET", "POST"});
}

TEST_CASE("a MethodView subclass in another module inherits its base's handlers", "[unit][link]") {
  LinkedTree tree({{"shop/__init__.py", ""},
                   {"shop/base.py", R"(from flask import views

class ItemAPI(views.MethodView):
    def get(self):
        pass

    def post(self):
        pass
)"},
                   {"shop/admin.py", R"(from shop.base import ItemAPI

class AdminItemAPI(ItemAPI):
    def delete(self):
        pass

class ReadOnly(AdminItemAPI):
    methods = ['GET']
)"}});
  CHECK(methods_of(tree, "shop/base.py", "ItemAPI") == Strings{"GET", "POST"});
  CHECK(methods_of(tree, "shop/admin.py", "AdminItemAPI") == Strings{"DELETE", "GET", "POST"});
  // An explicit `methods` wins over every handler, inherited ones included.
  CHECK(methods_of(tree, "shop/admin.py", "ReadOnly") == Strings{"GET"});
}

TEST_CASE("an explicit methods attribute wins over handlers", "[unit][link]") {
  LinkedTree tree({{"views.py", R"(from flask.views import MethodView
READ = ('get', 'head')

class Limited(MethodView):
    methods = ['GET']

    def get(self):
        pass

    def post(self):
        pass

class ThroughConstant(MethodView):
    methods = READ

    def put(self):
        pass
)"}});
  CHECK(methods_of(tree, "views.py", "Limited") == Strings{"GET"});
  CHECK(methods_of(tree, "views.py", "ThroughConstant") == Strings{"GET", "HEAD"});
}

TEST_CASE("a plain View has the methods it sets, or none", "[unit][link]") {
  LinkedTree tree({{"views.py", R"(from flask.views import View

class ListView(View):
    methods = ['GET', 'post']

    def dispatch_request(self):
        pass

class Derived(ListView):
    def dispatch_request(self):
        pass

class Bare(View):
    def get(self):
        pass

    def dispatch_request(self):
        pass
)"}});
  CHECK(methods_of(tree, "views.py", "ListView") == Strings{"GET", "POST"});
  CHECK(methods_of(tree, "views.py", "Derived") == Strings{"GET", "POST"});
  // A plain View does not dispatch on handler names: Flask's default (GET) applies.
  CHECK(methods_of(tree, "views.py", "Bare") == std::nullopt);
}

TEST_CASE("Flask-RESTful and Flask-RESTX resources are MethodViews", "[unit][link]") {
  LinkedTree tree({{"resources.py", R"(from flask_restful import Resource
import flask_restx

class Todo(Resource):
    def get(self, todo_id):
        pass

    def put(self, todo_id):
        pass

class User(flask_restx.Resource):
    def patch(self):
        pass

class NoHandlers(Resource):
    pass
)"}});
  CHECK(methods_of(tree, "resources.py", "Todo") == Strings{"GET", "PUT"});
  CHECK(methods_of(tree, "resources.py", "User") == Strings{"PATCH"});
  CHECK(methods_of(tree, "resources.py", "NoHandlers") == std::nullopt);
}

TEST_CASE("a base from an unknown third-party module does not hide the class's handlers",
          "[unit][link]") {
  LinkedTree tree({{"views.py", R"(from flask.views import MethodView
from some_vendor.mixins import AuditMixin
import other_vendor

class Audited(AuditMixin, MethodView):
    def get(self):
        pass

    def delete(self):
        pass

class Vendored(other_vendor.views.Base, MethodView):
    def post(self):
        pass

class MissingLocal(NotImportedAnywhere, MethodView):
    def put(self):
        pass
)"}});
  CHECK(methods_of(tree, "views.py", "Audited") == Strings{"DELETE", "GET"});
  CHECK(methods_of(tree, "views.py", "Vendored") == Strings{"POST"});
  CHECK(methods_of(tree, "views.py", "MissingLocal") == Strings{"PUT"});
}

TEST_CASE("resolve_class finds classes of the tree and nothing else", "[unit][link]") {
  LinkedTree tree({{"shop/__init__.py", ""},
                   {"shop/views.py", R"(from flask.views import MethodView
class ItemAPI(MethodView):
    pass
def not_a_class():
    pass
)"},
                   {"shop/app.py", R"(from shop import views
from shop.views import ItemAPI as Items
from flask.views import MethodView
)"}});
  const std::size_t app = tree.file("shop/app.py");
  const std::optional<ViewClass> aliased = resolve_class(tree.names(), app, "", "Items");
  REQUIRE(aliased);
  CHECK(aliased->file == tree.file("shop/views.py"));
  CHECK(aliased->definition->qualified_name == "ItemAPI");
  const std::optional<ViewClass> dotted = resolve_class(tree.names(), app, "", "views.ItemAPI");
  REQUIRE(dotted);
  CHECK(dotted->definition == aliased->definition);
  CHECK_FALSE(resolve_class(tree.names(), app, "", "views.not_a_class"));
  CHECK_FALSE(resolve_class(tree.names(), app, "", "MethodView"));
  CHECK_FALSE(resolve_class(tree.names(), app, "", "Nowhere"));
}

}  // namespace
}  // namespace cutover
