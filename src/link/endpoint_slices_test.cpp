// Endpoint slices: what a handler really uses, followed through the name
// resolver, and what code outside endpoints keeps alive.

#include "link/endpoint_slices.h"

#include <algorithm>
#include <map>

#include "testing/link_for_test.h"
#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::link_python;

const EndpointSlice& slice_at(const Inventory& inv, std::string_view path) {
  REQUIRE(inv.slices.size() == inv.routes.size());
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    if (inv.routes[i].path == path) return inv.slices[i];
  }
  FAIL("no route " << path << testing::describe_routes(inv));
  throw;
}

std::vector<std::string> names_in(const Inventory& inv, std::string_view path) {
  std::vector<std::string> out;
  for (const std::uint32_t u : slice_at(inv, path).units)
    out.push_back(inv.code_units[u].name);
  return out;
}

std::vector<std::string> retained_names(const Inventory& inv) {
  std::vector<std::string> out;
  for (const std::uint32_t u : inv.retained.units)
    out.push_back(inv.code_units[u].name);
  return out;
}

constexpr const char* kApp = "from flask import Flask\napp = Flask(__name__)\n";

TEST_CASE("a slice follows calls across modules; an import the code never uses is no use",
          "[unit][slices]") {
  const Inventory inv = link_python({
      {"app.py", std::string(kApp) + R"(from shop import pricing, unused
from shop.helpers import fmt
@app.route('/q')
def quote_view():
    return fmt(pricing.quote(3))
)"},
      {"shop/__init__.py", ""},
      {"shop/pricing.py", R"(RATE = 2
def _round(x):
    return x
def quote(n):
    return _round(n * RATE)
def refund(n):
    return n
)"},
      {"shop/helpers.py", "def fmt(x):\n    return str(x)\n"},
      {"shop/unused.py", "def never():\n    pass\n"},
  });
  CHECK(names_in(inv, "/q") == std::vector<std::string>{"app.quote_view", "shop.helpers.fmt",
                                                        "shop.pricing._round",
                                                        "shop.pricing.quote"});
  const EndpointSlice& s = slice_at(inv, "/q");
  CHECK(s.modules == std::vector<std::string>{"app", "shop.helpers", "shop.pricing"});
  CHECK(s.lines == 3 + 2 + 2 + 2);
  CHECK(s.unresolved_calls == 0);
}

TEST_CASE("methods through self, super(), instances, what functions return, and `F().m`",
          "[unit][slices]") {
  const Inventory inv = link_python({{"app.py", std::string(kApp) + R"(class Base(object):
    def total(self):
        return self._sum()
    def _sum(self):
        return 1
    def unused(self):
        return 2
class Cart(Base):
    def __init__(self, uid):
        self.uid = uid
    def total(self):
        return super().total() + self.tax()
    def tax(self):
        return 0
    def clear(self):
        pass
def _cart():
    return Cart(1)
@app.route('/c')
def view():
    cart = _cart()
    n = cart.total()
    return str(_cart().tax() + n)
)"}});
  CHECK(names_in(inv, "/c") == std::vector<std::string>{"app.Base", "app.Base._sum",
                                                        "app.Base.total", "app.Cart",
                                                        "app.Cart.__init__", "app.Cart.tax",
                                                        "app.Cart.total", "app._cart", "app.view"});
}

TEST_CASE("a class a library drives brings its methods; a data model only what is called",
          "[unit][slices]") {
  const Inventory inv =
      link_python({{"app.py", std::string(kApp) + R"(from flask.views import MethodView
from flask_sqlalchemy import SQLAlchemy
from wtforms import Form
db = SQLAlchemy()
class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    def total(self):
        return 1
    def unused(self):
        return 2
class OrderForm(Form):
    def validate_name(self, field):
        pass
class OrderView(MethodView):
    def get(self, order_id):
        order = Order.query.get(order_id)
        return str(order.total())
    def post(self):
        form = OrderForm()
        return ''
app.add_url_rule('/o/<int:order_id>', view_func=OrderView.as_view('order'))
)"}});
  CHECK(names_in(inv, "/o/<int:order_id>") ==
        std::vector<std::string>{"app.Order", "app.Order.total", "app.OrderForm",
                                 "app.OrderForm.validate_name", "app.OrderView",
                                 "app.OrderView.get", "app.OrderView.post"});
}

TEST_CASE("a viewset's route starts from the actions the router maps its methods to",
          "[unit][slices]") {
  const Inventory inv = link_python(testing::django_project_files(
      R"(from django.urls import path, include
from rest_framework.routers import SimpleRouter
from shop.views import OrderViewSet
router = SimpleRouter()
router.register('orders', OrderViewSet, basename='order')
urlpatterns = [path('api/', include(router.urls))]
)",
      {{"shop/__init__.py", ""},
       {"shop/util.py", "def fmt(x):\n    return x\ndef purge(x):\n    return x\n"},
       {"shop/views.py", R"(from rest_framework import viewsets
from rest_framework.decorators import action
from shop.util import fmt, purge
class OrderViewSet(viewsets.ViewSet):
    def get_queryset(self):
        return []
    def list(self, request):
        return fmt(1)
    def retrieve(self, request, pk=None):
        return fmt(pk)
    def destroy(self, request, pk=None):
        return purge(pk)
    @action(detail=True, methods=['post'])
    def cancel(self, request, pk=None):
        return purge(pk)
)"}}));
  // Every route keeps the methods the framework itself calls (get_queryset).
  std::map<std::string, std::vector<std::string>> by_endpoint;
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    if (inv.routes[i].handler != "shop.views.OrderViewSet") continue;
    std::vector<std::string> names;
    for (const std::uint32_t u : inv.slices[i].units)
      names.push_back(inv.code_units[u].name);
    by_endpoint[inv.routes[i].endpoint] = names;
  }
  CHECK(by_endpoint.size() == 3);
  CHECK(by_endpoint["order-list"] ==
        std::vector<std::string>{"shop.util.fmt", "shop.views.OrderViewSet",
                                 "shop.views.OrderViewSet.get_queryset",
                                 "shop.views.OrderViewSet.list"});
  CHECK(by_endpoint["order-detail"] ==
        std::vector<std::string>{"shop.util.fmt", "shop.util.purge", "shop.views.OrderViewSet",
                                 "shop.views.OrderViewSet.destroy",
                                 "shop.views.OrderViewSet.get_queryset",
                                 "shop.views.OrderViewSet.retrieve"});
  CHECK(by_endpoint["order-cancel"] ==
        std::vector<std::string>{"shop.util.purge", "shop.views.OrderViewSet",
                                 "shop.views.OrderViewSet.cancel",
                                 "shop.views.OrderViewSet.get_queryset"});
}

TEST_CASE("a class-based view's route starts from the handlers of its own methods",
          "[unit][slices]") {
  const Inventory inv =
      link_python({{"app.py", std::string(kApp) + R"(from flask.views import MethodView
from shop import fmt, purge
class ItemView(MethodView):
    def get(self, item_id):
        return fmt(item_id)
    def delete(self, item_id):
        return purge(item_id)
view = ItemView.as_view('item')
app.add_url_rule('/items/<int:item_id>', view_func=view, methods=['GET'])
app.add_url_rule('/admin/items/<int:item_id>', view_func=view, methods=['DELETE'])
)"},
                   {"shop.py", "def fmt(x):\n    return x\ndef purge(x):\n    return x\n"}});
  CHECK(names_in(inv, "/items/<int:item_id>") ==
        std::vector<std::string>{"app.ItemView", "app.ItemView.get", "shop.fmt"});
  CHECK(names_in(inv, "/admin/items/<int:item_id>") ==
        std::vector<std::string>{"app.ItemView", "app.ItemView.delete", "shop.purge"});
}

TEST_CASE("a row an ORM fetches is an instance, its method called on the spot too",
          "[unit][slices]") {
  const Inventory inv =
      link_python({{"app.py", std::string(kApp) + R"(from flask_sqlalchemy import SQLAlchemy
db = SQLAlchemy(app)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    def to_dict(self):
        return {}
    def other(self):
        return 1
    def unused(self):
        return 2
@app.route('/a/<int:id>')
def a(id):
    return str(User.query.get_or_404(id).to_dict())
@app.route('/c/<name>')
def c(name):
    return str(User.query.first_or_404().other())
)"}});
  CHECK(names_in(inv, "/a/<int:id>") ==
        std::vector<std::string>{"app.User", "app.User.to_dict", "app.a"});
  CHECK(names_in(inv, "/c/<name>") ==
        std::vector<std::string>{"app.User", "app.User.other", "app.c"});
}

TEST_CASE("a library object runs the callbacks registered on it; current_user is the loader's",
          "[unit][slices]") {
  const Inventory inv = link_python(
      {{"app.py",
        std::string(kApp) + R"(from flask_login import LoginManager, current_user, login_required
from flask_httpauth import HTTPTokenAuth
from models import User
login = LoginManager(app)
token_auth = HTTPTokenAuth()
@login.user_loader
def load_user(id):
    return User.query.get(int(id))
@token_auth.verify_token
def verify_token(token):
    return User.check(token)
@token_auth.error_handler
def auth_error(status):
    return ''
@app.route('/api')
@token_auth.login_required
def api():
    return ''
@app.route('/api2')
@token_auth.login_required
def api2():
    return ''
@app.route('/me')
@login_required
def me():
    return current_user.name()
@app.route('/open')
def open_view():
    return ''
)"},
       {"models.py", R"(from flask_sqlalchemy import SQLAlchemy
db = SQLAlchemy()
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    @staticmethod
    def check(token):
        return None
    def name(self):
        return ''
)"}});
  CHECK(names_in(inv, "/api") == std::vector<std::string>{"app.api", "app.auth_error",
                                                          "app.verify_token", "models.User",
                                                          "models.User.check"});
  // The other views the same decorator wraps are not callbacks.
  CHECK(names_in(inv, "/api2") == std::vector<std::string>{"app.api2", "app.auth_error",
                                                           "app.verify_token", "models.User",
                                                           "models.User.check"});
  CHECK(names_in(inv, "/me") ==
        std::vector<std::string>{"app.load_user", "app.me", "models.User", "models.User.name"});
  CHECK(names_in(inv, "/open") == std::vector<std::string>{"app.open_view"});
}

TEST_CASE("Django's request.user and authenticate() run the settings' authentication backends",
          "[unit][slices]") {
  const Inventory inv = link_python(testing::django_project_files(
      "from django.urls import path\nfrom shop import views\n"
      "urlpatterns = [path('a/', views.a), path('b/', views.b), path('c/', views.c),\n"
      "               path('d/', views.d)]\n",
      {{"shop/__init__.py", ""},
       {"shop/backends.py", R"(class Base:
    def get_user(self, user_id):
        return None
class TokenBackend(Base):
    def authenticate(self, request, token=None):
        return None
class Unused:
    def get_user(self, user_id):
        return None
)"},
       {"shop/views.py", R"(from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
@login_required
def a(request):
    return HttpResponse()
def b(request):
    return HttpResponse(request.user.username)
def c(request):
    authenticate(request, token='x')
    return HttpResponse()
def d(request):
    return HttpResponse(request.method)
)"}},
      "ROOT_URLCONF = 'proj.urls'\nAUTHENTICATION_BACKENDS = ['shop.backends.TokenBackend']\n"));
  // A backend class brings its bases (class construction runs them).
  CHECK(names_in(inv, "a/") ==
        std::vector<std::string>{"shop.backends.Base", "shop.backends.Base.get_user",
                                 "shop.backends.TokenBackend", "shop.views.a"});
  CHECK(names_in(inv, "b/") ==
        std::vector<std::string>{"shop.backends.Base", "shop.backends.Base.get_user",
                                 "shop.backends.TokenBackend", "shop.views.b"});
  CHECK(names_in(inv, "c/") ==
        std::vector<std::string>{"shop.backends.Base", "shop.backends.TokenBackend",
                                 "shop.backends.TokenBackend.authenticate", "shop.views.c"});
  CHECK(names_in(inv, "d/") == std::vector<std::string>{"shop.views.d"});
}

TEST_CASE("an admin route of a model starts from the ModelAdmin registered for it",
          "[unit][slices]") {
  const Inventory inv = link_python(testing::django_project_files(
      "from django.contrib import admin\nfrom django.urls import path\n"
      "urlpatterns = [path('admin/', admin.site.urls)]\n",
      {{"shop/__init__.py", ""},
       {"shop/models.py", R"(from django.db import models
class Order(models.Model):
    total = models.IntegerField()
)"},
       {"shop/admin.py", R"(from django.contrib import admin
from shop.models import Order
def export(modeladmin, request, queryset):
    return None
@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    actions = [export]
    def get_queryset(self, request):
        return super().get_queryset(request)
)"}},
      "ROOT_URLCONF = 'proj.urls'\nINSTALLED_APPS = ['django.contrib.admin', 'shop']\n"));
  bool seen = false;
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    if (inv.routes[i].endpoint != "admin:shop_order_changelist") continue;
    seen = true;
    std::vector<std::string> names;
    for (const std::uint32_t u : inv.slices[i].units)
      names.push_back(inv.code_units[u].name);
    CHECK(names == std::vector<std::string>{"shop.admin.OrderAdmin",
                                            "shop.admin.OrderAdmin.get_queryset",
                                            "shop.admin.export", "shop.models.Order"});
  }
  CHECK(seen);
}

TEST_CASE("decorators the tree defines are part of the slice", "[unit][slices]") {
  const Inventory inv = link_python({{"app.py", std::string(kApp) + R"(from functools import wraps
def staff_required(f):
    @wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper
@app.route('/s')
@staff_required
def staff():
    return ''
)"}});
  CHECK(names_in(inv, "/s") ==
        std::vector<std::string>{"app.staff", "app.staff_required", "app.staff_required.wrapper"});
}

TEST_CASE("calls on receivers nothing resolves are counted, not guessed", "[unit][slices]") {
  const Inventory inv = link_python({{"app.py", std::string(kApp) + R"(import json
@app.route('/u')
def u():
    items = load()
    for p in items:
        p.save()
    items.flush()
    json.dumps(items)
    return str(len(items))
)"}});
  // p.save() and items.flush(): neither receiver resolves; json is a
  // library and len a builtin.
  CHECK(slice_at(inv, "/u").unresolved_calls == 2);
  CHECK(names_in(inv, "/u") == std::vector<std::string>{"app.u"});
}

TEST_CASE("test code is never in a slice; helpers only tests import are test code",
          "[unit][slices]") {
  const Inventory inv = link_python({
      {"app.py", std::string(kApp) + R"(from shop.util import clean
from tests.fixtures import sample
@app.route('/t')
def t():
    return clean(sample())
)"},
      {"shop/__init__.py", ""},
      {"shop/util.py", "def clean(x):\n    return x\n"},
      {"shop/factories.py", "from shop.util import clean\ndef make():\n    return clean(1)\n"},
      {"tests/__init__.py", ""},
      {"tests/fixtures.py", "def sample():\n    return 1\n"},
      {"tests/test_app.py", "from shop.factories import make\nfrom shop.util import clean\n"},
  });
  CHECK(names_in(inv, "/t") == std::vector<std::string>{"app.t", "shop.util.clean"});
  std::vector<std::string> test_modules;
  for (const Module& m : inv.modules) {
    if (m.test) test_modules.push_back(m.name);
  }
  CHECK(test_modules ==
        std::vector<std::string>{"shop.factories", "tests", "tests.fixtures", "tests.test_app"});
}

TEST_CASE("routes and hooks an app factory registers are units of their own", "[unit][slices]") {
  const Inventory inv =
      link_python({{"shop.py", R"(from flask import Flask, g
def load_user():
    return 1
def create_app():
    app = Flask(__name__)
    @app.before_request
    def before():
        g.user = load_user()
    @app.route('/')
    def index():
        return 'x'
    return app
)"},
                   {"wsgi.py", "from shop import create_app\napp = create_app()\n"}});
  CHECK(names_in(inv, "/") == std::vector<std::string>{"shop.create_app.index"});
  // The factory runs at import (wsgi.py), the hook on every request.
  CHECK(retained_names(inv) ==
        std::vector<std::string>{"shop.create_app", "shop.create_app.before", "shop.load_user"});
  CHECK(inv.retained.root_modules == std::vector<std::string>{"shop", "wsgi"});
}

TEST_CASE(
    "tasks, commands and receivers registered by decorators, and module-level code, are "
    "kept; a URLconf's reference to a view is not",
    "[unit][slices]") {
  const Inventory inv = link_python(testing::django_project_files(
      "from django.urls import path\nfrom shop import views\n"
      "urlpatterns = [path('a/', views.a)]\n",
      {{"shop/__init__.py", ""},
       {"shop/views.py", "from shop.util import fmt\ndef a(request):\n    return fmt(1)\n"},
       {"shop/util.py", "def fmt(x):\n    return x\ndef unused():\n    pass\n"},
       {"shop/tasks.py", R"(from celery import shared_task
from shop.util import fmt
@shared_task
def nightly():
    return fmt(2)
)"},
       {"shop/signals.py", "from shop.util import unused\nCONNECTED = unused()\n"},
       {"shop/management/__init__.py", ""},
       {"shop/management/commands/__init__.py", ""},
       {"shop/management/commands/purge.py", R"(from django.core.management.base import BaseCommand
class Command(BaseCommand):
    def handle(self, *args, **options):
        pass
)"}}));
  CHECK(names_in(inv, "a/") == std::vector<std::string>{"shop.util.fmt", "shop.views.a"});
  CHECK(retained_names(inv) ==
        std::vector<std::string>{"shop.management.commands.purge.Command",
                                 "shop.management.commands.purge.Command.handle",
                                 "shop.tasks.nightly", "shop.util.fmt", "shop.util.unused"});
}

}  // namespace
}  // namespace cutover
