// Flask-AppBuilder routes end to end through link_summaries, on small trees.

#include "frameworks/fab/fab_routes.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"
#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::link_python;
using testing::PythonFile;
using Strings = std::vector<std::string>;

constexpr const char* kApp = R"(from flask import Flask
from flask_appbuilder import AppBuilder, SQLA

app = Flask(__name__)
app.config.from_object("config")
db = SQLA(app)
appbuilder = AppBuilder(app, db.session)
)";

// "METHODS path endpoint" of the app's routes (generated ones apart).
Strings app_routes(const Inventory& inv) {
  Strings out;
  for (const Route& r : inv.routes) {
    if (!r.generated_by.empty()) continue;
    std::string methods;
    for (const std::string& m : r.methods)
      methods += (methods.empty() ? "" : ",") + m;
    out.push_back(methods + " " + r.path + " " + r.endpoint);
  }
  return out;
}

Strings generated_blueprints(const Inventory& inv) {
  Strings out;
  for (const Route& r : inv.routes) {
    if (r.generated_by == "flask_appbuilder" &&
        std::find(out.begin(), out.end(), r.blueprint) == out.end())
      out.push_back(r.blueprint);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t generated_count(const Inventory& inv) {
  return std::count_if(inv.routes.begin(), inv.routes.end(),
                       [](const Route& r) { return r.generated_by == "flask_appbuilder"; });
}

TEST_CASE("add_view, add_view_no_menu and add_api register a class or an instance",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app/__init__.py", std::string(kApp) + "from . import views\n"},
      {"app/views.py", R"(from flask_appbuilder import BaseView, expose, has_access
from flask_appbuilder.api import BaseApi
from . import appbuilder as builder

class Reports(BaseView):
    route_base = "/reports"

    @expose("/")
    @has_access
    def overview(self):
        pass

class Labels(BaseView):
    @expose("/sheet/<int:pid>", methods=["GET"])
    def sheet(self, pid):
        pass

class PingApi(BaseApi):
    resource_name = "ping"

    @expose("/", methods=["POST"])
    def ping(self):
        pass

class NeverAdded(BaseView):
    @expose("/never")
    def never(self):
        pass

builder.add_view(Reports, "Reports", category="Reports")
builder.add_view(Reports, "Again")  # a class already registered adds nothing
builder.add_view_no_menu(Labels(), endpoint="labels", static_folder="static/labels/")
builder.add_api(PingApi)
builder.add_link("Docs", href="/docs")
)"},
  });
  CHECK(app_routes(inv) == Strings{"POST /api/v1/ping/ PingApi.ping",
                                   "GET /labels/sheet/<int:pid> labels.sheet",
                                   "GET /reports/ Reports.overview"});
  const Route& overview = testing::route_with_path(inv, "/reports/");
  CHECK(overview.handler == "app.views.Reports.overview");
  CHECK(overview.handler_file == "app/views.py");
  CHECK(overview.handler_line == 8);
  CHECK(overview.file == "app/views.py");
  CHECK(overview.line == 30);
  CHECK(overview.guards == Strings{"has_access"});
  CHECK(overview.blueprint == "Reports");
  CHECK(testing::auto_route_with_path(inv, "/labels/labels/<path:filename>").auto_kind == "static");
}

// FAB's runtime map has 103 rules besides the app's static route: 102 views
// and the "appbuilder" blueprint's static route, which Flask adds by itself.
TEST_CASE("AppBuilder's own views under FAB's defaults: 102 views and its static route",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({{"app.py", kApp}});
  CHECK(generated_count(inv) == 102);
  CHECK(generated_blueprints(inv) ==
        Strings{"AuthDBView", "IndexView", "LocaleView", "MenuApi", "PermissionModelView",
                "PermissionViewModelView", "ResetMyPasswordView", "ResetPasswordView",
                "RoleModelView", "SecurityApi", "UserDBModelView", "UserInfoEditView",
                "UserStatsChartView", "UtilView", "ViewMenuModelView"});
  const Route& login = testing::route_with_path(inv, "/login/");
  CHECK(login.endpoint == "AuthDBView.login");
  CHECK(login.methods == Strings{"GET", "POST"});
  CHECK(login.handler == "flask_appbuilder.security.views.AuthDBView.login");
  CHECK(login.handler_file.empty());
  CHECK(login.file == "app.py");
  CHECK(login.line == 7);
  CHECK(testing::auto_route_with_path(inv, "/static/appbuilder/<path:filename>").endpoint ==
        "appbuilder.static");
}

TEST_CASE("config switches and AUTH_TYPE choose the views AppBuilder adds", "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app.py", kApp},
      {"config.py", R"(import os
from flask_appbuilder.security.manager import AUTH_OAUTH
AUTH_TYPE = AUTH_OAUTH
AUTH_USER_REGISTRATION = True
FAB_ADD_SECURITY_API = True
FAB_ADD_MENU_API = False
FAB_ADD_SECURITY_VIEW_MENU_VIEW = False
FAB_API_SWAGGER_UI = os.environ["SWAGGER"] == "1"
FAB_STATIC_URL_PATH = "/fab"
)"},
  });
  const Strings blueprints = generated_blueprints(inv);
  auto has = [&](std::string_view bp) {
    return std::find(blueprints.begin(), blueprints.end(), bp) != blueprints.end();
  };
  CHECK(has("AuthOAuthView"));
  CHECK(has("UserOAuthModelView"));
  CHECK(has("RegisterUserOAuthView"));
  CHECK(has("RegisterUserModelView"));
  CHECK(has("RoleApi"));
  CHECK(has("PermissionApi"));
  CHECK_FALSE(has("AuthDBView"));
  CHECK_FALSE(has("MenuApi"));
  CHECK_FALSE(has("ViewMenuModelView"));
  CHECK_FALSE(has("SwaggerView"));  // unknown: FAB's default, False
  CHECK(testing::route_with_path(inv, "/login/<provider>").endpoint == "AuthOAuthView.login");
  CHECK(testing::route_with_path(inv, "/api/v1/security/permissions/_info").methods ==
        Strings{"GET"});
  CHECK(testing::auto_route_with_path(inv, "/static/fab/<path:filename>").generated_by ==
        "flask_appbuilder");
  CHECK(testing::has_diagnostic(inv.diagnostics, "config.py", 3, "config-value"));
}

TEST_CASE("a switch the config sets but not statically is an assumption of the routes it gates",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app.py", kApp},
      {"config.py",
       "from flags import load_flag\nFAB_ADD_SECURITY_VIEWS = load_flag('security')\n"},
  });
  const Route& roles = testing::route_with_path(inv, "/roles/list/");
  REQUIRE(roles.assumptions.size() == 1);
  CHECK(roles.assumptions[0].assumed == "True");
  CHECK(roles.assumptions[0].file == "config.py");
  CHECK(roles.assumptions[0].line == 2);
  CHECK(testing::route_with_path(inv, "/back").assumptions.empty());
}

TEST_CASE("indexview= and a security manager's view attributes replace FAB's views",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app/__init__.py", R"(from flask import Flask
from flask_appbuilder import AppBuilder
from .sec import MySecurity
from .index import Home

app = Flask(__name__)
appbuilder = AppBuilder(app, None, indexview=Home, security_manager_class=MySecurity)
)"},
      {"app/index.py",
       "from flask_appbuilder import IndexView\n\nclass Home(IndexView):\n    pass\n"},
      {"app/sec.py", R"(from flask_appbuilder.security.sqla.manager import SecurityManager
from flask_appbuilder.security.views import AuthDBView

class MyLogin(AuthDBView):
    pass

class BaseSecurity(SecurityManager):
    authdbview = MyLogin
    userstatschartview = None

class MySecurity(BaseSecurity):
    pass
)"},
  });
  const Route& index = testing::route_with_path(inv, "/");
  CHECK(index.endpoint == "Home.index");
  CHECK(index.generated_by.empty());
  CHECK(index.handler_file == "app/index.py");
  CHECK(index.handler_line == 3);
  const Route& logout = testing::route_with_path(inv, "/logout/");
  CHECK(logout.endpoint == "MyLogin.logout");
  CHECK(logout.generated_by.empty());
  const Strings blueprints = generated_blueprints(inv);
  CHECK(std::find(blueprints.begin(), blueprints.end(), "UserStatsChartView") == blueprints.end());
  CHECK(std::find(blueprints.begin(), blueprints.end(), "RoleModelView") != blueprints.end());
}

TEST_CASE("FAB_INDEX_VIEW and FAB_SECURITY_MANAGER_CLASS name classes by dotted path",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app/__init__.py", R"(from flask import Flask
from flask_appbuilder import AppBuilder
app = Flask(__name__)
appbuilder = AppBuilder(app, None)
)"},
      {"app/config.py", R"(FAB_INDEX_VIEW = "app.views.Home"
FAB_SECURITY_MANAGER_CLASS = "app.views.Security"
)"},
      {"app/views.py", R"(from flask_appbuilder import IndexView
from flask_appbuilder.security.sqla.manager import SecurityManager
from flask_appbuilder.security.views import RoleModelView

class Home(IndexView):
    route_base = "/home"

class Roles(RoleModelView):
    include_route_methods = {"list"}

class Security(SecurityManager):
    rolemodelview = Roles
)"},
  });
  CHECK(app_routes(inv) == Strings{"GET /home/ Home.index", "GET /roles/list/ Roles.list"});
}

TEST_CASE("the factory pattern: AppBuilder() then init_app, views added across modules",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"proj/__init__.py", R"(from flask import Flask
from .ext import appbuilder, db

def create_app(config):
    app = Flask(__name__)
    if config.get("ADMIN"):
        appbuilder.init_app(app, db.session)
        from . import views
    return app
)"},
      {"proj/ext.py",
       "from flask_appbuilder import AppBuilder, SQLA\ndb = SQLA()\nappbuilder = AppBuilder()\n"},
      {"proj/views.py", R"(from flask_appbuilder import ModelView
from .ext import appbuilder

class A(ModelView):
    include_route_methods = {"list"}

class B(ModelView):
    include_route_methods = {"show"}

for view in [A, B]:
    appbuilder.add_view(view, view.__name__)
)"},
  });
  CHECK(app_routes(inv) == Strings{"GET /a/list/ A.list", "GET /b/show/<pk> B.show"});
  const Route& back = testing::route_with_path(inv, "/back");
  CHECK(back.file == "proj/__init__.py");
  CHECK(back.line == 7);
  CHECK(back.conditional);  // init_app sits under `if config.get("ADMIN")`
}

TEST_CASE("registrations under `if`, through an addon's self.appbuilder, and what is not FAB's",
          "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app.py", std::string(kApp) + R"(from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView as AdminModelView
from flask_appbuilder import ModelView
from flask_appbuilder.basemanager import BaseManager
import settings

class Pets(ModelView):
    include_route_methods = {"list"}

class Addon(BaseManager):
    def register_views(self):
        self.appbuilder.add_view(Pets, "Pets")

admin = Admin(app)
admin.add_view(AdminModelView(Pets, db.session))
if settings.BETA:
    appbuilder.add_view_no_menu(Pets, endpoint="beta_pets")
appbuilder.add_view(make_view(), "Dynamic")
)"},
      {"settings.py", "BETA = False\n"},
  });
  // The addon's registration (line 19) comes before the one under `if` (line 24).
  CHECK(app_routes(inv) == Strings{"GET /pets/list/ Pets.list"});
  CHECK_FALSE(testing::route_with_path(inv, "/pets/list/").conditional);
  CHECK(testing::has_diagnostic(inv.diagnostics, "app.py", 25, "fab-unresolved-view"));
}

TEST_CASE("a registration under `if` is conditional", "[unit][fab_routes]") {
  const Inventory inv = link_python({
      {"app.py", std::string(kApp) + R"(from flask_appbuilder import ModelView
import settings

class Pets(ModelView):
    include_route_methods = {"list"}

if settings.BETA:
    appbuilder.add_view_no_menu(Pets, endpoint="beta_pets")
)"},
      {"settings.py", "BETA = False\n"},
  });
  const Route& pets = testing::route_with_path(inv, "/pets/list/");
  CHECK(pets.endpoint == "beta_pets.list");
  CHECK(pets.conditional);
  CHECK(pets.enabled_by_default == false);
}

}  // namespace
}  // namespace cutover
