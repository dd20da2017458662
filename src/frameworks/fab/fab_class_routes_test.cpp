// What one Flask-AppBuilder class registers: exposures over the MRO,
// route_base defaults and the include/exclude filters, on small trees.

#include "frameworks/fab/fab_class_routes.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;
using Strings = std::vector<std::string>;

// "METHODS path endpoint-method" per route, joined as FAB joins them.
Strings listed(LinkedTree& tree, std::string_view path, std::string_view cls) {
  FabClassResolver classes(tree.names());
  const std::optional<FabClassNode> node = classes.resolve(tree.file(path), "", cls);
  REQUIRE(node);
  const FabClassRoutes routes = classes.routes(*node);
  Strings out;
  for (const FabMethodRoute& r : routes.routes) {
    std::string methods;
    for (const std::string& m : r.http)
      methods += (methods.empty() ? "" : ",") + m;
    std::string path = routes.route_base;
    while (!path.empty() && path.back() == '/')
      path.pop_back();
    out.push_back(methods + " " + path + "/" + r.url.substr(r.url.starts_with('/')) + " " +
                  r.method);
  }
  return out;
}

TEST_CASE("a ModelView subclass gets ModelView's 17 rules under /classname",
          "[unit][fab_class_routes]") {
  LinkedTree tree({{"views.py", R"(from flask_appbuilder import ModelView as MV
import flask_appbuilder as fab

class PetView(MV):
    pass

class ShopView(fab.ModelView):
    route_base = "/shop"
    exclude_route_methods = {"delete", "api_delete", "no_such_method"}

class QuietView(MV):
    disable_api_route_methods = True
    include_route_methods = {"list", "show", "api_read"}
)"}});
  const Strings pet = listed(tree, "views.py", "PetView");
  CHECK(pet.size() == 17);
  CHECK(pet.front() == "GET,POST /petview/action/<string:name>/<pk> action");
  CHECK(std::count(pet.begin(), pet.end(), "GET /petview/list/ list") == 1);
  CHECK(std::count(pet.begin(), pet.end(), "PUT /petview/api/update/<pk> api_update") == 1);

  const Strings shop = listed(tree, "views.py", "ShopView");
  CHECK(shop.size() == 15);
  CHECK(std::count(shop.begin(), shop.end(), "GET,POST /shop/delete/<pk> delete") == 0);
  CHECK(std::count(shop.begin(), shop.end(), "GET /shop/show/<pk> show") == 1);

  // The allow-list first, then disable_api_route_methods takes api_read away.
  CHECK(listed(tree, "views.py", "QuietView") ==
        Strings{"GET /quietview/list/ list", "GET /quietview/show/<pk> show"});
}

TEST_CASE("a re-exposed method replaces the base URLs, a plain override removes them",
          "[unit][fab_class_routes]") {
  LinkedTree tree({{"views.py", R"(from flask_appbuilder import ModelView, expose, has_access
from flask_appbuilder.views import CompactCRUDMixin

class ItemView(ModelView):
    include_route_methods = {"show", "edit", "list", "add"}

    @expose("/show/<int:pk>")
    @has_access
    def show(self, pk):
        pass

    def edit(self, pk):
        return super().edit(pk)

class MoveView(CompactCRUDMixin, ModelView):
    include_route_methods = {"list", "add"}
)"}});
  CHECK(listed(tree, "views.py", "ItemView") == Strings{"GET,POST /itemview/add add",
                                                        "GET /itemview/list/ list",
                                                        "GET /itemview/show/<int:pk> show"});
  FabClassResolver classes(tree.names());
  const FabClassRoutes item =
      classes.routes(*classes.resolve(tree.file("views.py"), "", "ItemView"));
  const FabMethodRoute& show = item.routes.back();
  REQUIRE(show.definition);
  CHECK(show.definition->first_line == 7);  // the handler is the tree's method
  CHECK(show.guards == Strings{"has_access"});
  CHECK(!item.routes.front().definition);  // `add` is FAB's

  // A mixin earlier in the bases wins: CompactCRUDMixin's list and add.
  CHECK(listed(tree, "views.py", "MoveView") ==
        Strings{"GET,POST /moveview/add/ add", "GET,POST /moveview/list/ list"});
}

TEST_CASE("methods resolve in C3 order, not depth-first", "[unit][fab_class_routes]") {
  LinkedTree tree({{"views.py", R"(from flask_appbuilder import BaseView, expose

class Base(BaseView):
    @expose("/base")
    def page(self):
        pass

class Left(Base):
    pass

class Right(Base):
    @expose("/right", methods=["get", "post"])
    def page(self):
        pass

class Both(Left, Right):
    route_base = ""
)"}});
  // MRO: Both, Left, Right, Base: Right.page wins (depth-first would take Base's).
  CHECK(listed(tree, "views.py", "Both") == Strings{"GET,POST /right page"});
}

TEST_CASE("route_base, resource_name and version come from the class or its tree bases",
          "[unit][fab_class_routes]") {
  LinkedTree tree({{"pkg/__init__.py", ""},
                   {"pkg/base.py", R"(from flask_appbuilder.api import BaseApi, ModelRestApi
PREFIX = "/api/internal"

class InternalApi(ModelRestApi):
    route_base = PREFIX + "/things"
)"},
                   {"pkg/apis.py", R"(from flask_appbuilder.api import BaseApi, ModelRestApi, expose
from flask_appbuilder.baseviews import BaseView, expose_api
from pkg.base import InternalApi

class ThingApi(InternalApi):
    include_route_methods = {"get"}

class GadgetApi(ModelRestApi):
    resource_name = "Gadgets"
    version = "v2"
    include_route_methods = {"info"}

class StatusApi(BaseApi):
    @expose("/health")
    def health(self):
        pass

class LegacyView(BaseView):
    @expose_api(name="levels", methods=["GET"])
    def levels(self):
        pass

    @expose_api(url="/api/x")
    def other(self):
        pass
)"}});
  CHECK(listed(tree, "pkg/apis.py", "ThingApi") ==
        Strings{"GET /api/internal/things/<int:pk> get"});
  CHECK(listed(tree, "pkg/apis.py", "GadgetApi") == Strings{"GET /api/v2/gadgets/_info info"});
  CHECK(listed(tree, "pkg/apis.py", "StatusApi") == Strings{"GET /api/v1/statusapi/health health"});
  CHECK(listed(tree, "pkg/apis.py", "LegacyView") ==
        Strings{"GET /legacyview/api/levels levels", "GET /legacyview/api/x other"});
}

TEST_CASE("a class that is not a FAB view or API has no routes", "[unit][fab_class_routes]") {
  LinkedTree tree({{"views.py", R"(from flask_admin.contrib.sqla import ModelView

class AdminView(ModelView):
    pass
)"}});
  FabClassResolver classes(tree.names());
  const auto node = classes.resolve(tree.file("views.py"), "", "AdminView");
  REQUIRE(node);
  CHECK(classes.routes(*node).kind == FabClassKind::kOther);
  CHECK(classes.routes(*node).routes.empty());
}

}  // namespace
}  // namespace cutover
