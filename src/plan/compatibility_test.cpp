// The compatibility matrix: adapters from what a handler touches, statuses.

#include "plan/compatibility.h"

#include <catch2/catch.hpp>
#include <map>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

// route path → "status: adapter ids"
std::map<std::string, std::string> matrix_of(const std::vector<testing::PythonFile>& tree,
                                             const DeprecationList& deprecated = {}) {
  const Inventory inv = testing::link_python(tree);
  const std::vector<MatrixRow> rows = build_compatibility_matrix(inv, deprecated);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line = rows[i].status + ":";
    for (const Adapter& a : rows[i].adapters)
      line += " " + a.id;
    out[inv.routes[i].path] = line;
  }
  return out;
}

const std::vector<testing::PythonFile> kFlaskApp = {
    {"app.py", R"(from flask import Flask, Blueprint, request, session, g, render_template
from flask import redirect, url_for, abort, send_file, flash
from flask_login import login_required, login_user
app = Flask(__name__)
bp = Blueprint('shop', __name__)

@bp.before_request
def load_cart():
    g.cart = session.get('cart')

@app.errorhandler(404)
def not_found(e):
    return 'missing', 404

@app.route('/plain')
def plain():
    return 'ok'

@app.route('/login', methods=['POST'])
def login():
    user = request.form['user']
    login_user(user)
    session['uid'] = user
    flash('hi')
    return redirect(url_for('plain'))

@bp.route('/files/<path:name>')
@login_required
def download(name):
    if not name:
        abort(404)
    return send_file(name)

@bp.route('/q/<slug:s>')
def query(s):
    return render_template('q.html', q=request.args.get('q'))

app.register_blueprint(bp, url_prefix='/shop')
)"},
};

TEST_CASE("adapters come from handler code, decorators, hooks and converters",
          "[unit][compatibility]") {
  const std::map<std::string, std::string> m = matrix_of(kFlaskApp);
  // Only the app's error handler applies to an app route.
  CHECK(m.at("/plain") == "adapted: error-handlers");
  CHECK(m.at("/login") ==
        "adapted: error-handlers flash-messages form-data login-session redirect session url-for");
  // Blueprint routes also run the blueprint's before_request.
  CHECK(m.at("/shop/files/<path:name>") ==
        "adapted: abort auth-decorator error-handlers file-response request-hooks");
  CHECK(m.at("/shop/q/<slug:s>") == "adapted: error-handlers query-args request-hooks templates");
}

TEST_CASE("status: deprecated, blocked by Python 2 or partial routes, unchanged",
          "[unit][compatibility]") {
  const std::map<std::string, std::string> m = matrix_of({{"app.py", R"(from flask import Flask
app = Flask(__name__)
@app.route('/a')
def a():
    return 'a'
@app.route('/b')
def b():
    return 'b'
)"},
                                                          {"old.py", R"(from app import app
@app.route('/c')
def c():
    print "legacy"
    return 'c'
@app.route(RULES['d'])
def d():
    return 'd'
)"}},
                                                         DeprecationList{.entries = {"GET /b"}});
  CHECK(m.at("/a") == "unchanged:");
  CHECK(m.at("/b") == "deprecated:");
  CHECK(m.at("/c") == "blocked:");
  CHECK(m.size() == 4);  // the partial route is listed (and blocked), not dropped
}

TEST_CASE("Django request attributes, the ORM and DRF view attributes", "[unit][compatibility]") {
  const std::map<std::string, std::string> m = matrix_of({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n"},
      {"settings.py", "ROOT_URLCONF = 'urls'\nINSTALLED_APPS = ['shop']\n"},
      {"shop/__init__.py", ""},
      {"shop/models.py", "from django.db import models\nclass Item(models.Model):\n    pass\n"},
      {"shop/views.py", R"(from django.shortcuts import render
from rest_framework.views import APIView
from shop.models import Item
def search(request):
    return render(request, 's.html', {'items': Item.objects.filter(q=request.GET['q'])})
class ItemApi(APIView):
    serializer_class = ItemSerializer
    permission_classes = [IsAdmin]
    def post(self, request):
        return Response(request.data)
)"},
      {"urls.py", R"(from django.urls import path
from shop import views
urlpatterns = [path('search/', views.search), path('api/', views.ItemApi.as_view())]
)"},
  });
  CHECK(m.at("search/") == "adapted: django-orm query-args templates");
  CHECK(m.at("api/") == "adapted: drf-permissions drf-serializer json-body");
}

TEST_CASE("adapter_rule_for matches whole dotted components", "[unit][compatibility]") {
  REQUIRE(adapter_rule_for("flask.request.form.get"));
  CHECK(adapter_rule_for("flask.request.form.get")->id == "form-data");
  CHECK(adapter_rule_for("flask.request.formula") == nullptr);
  CHECK(adapter_rule_for("flask.g.user")->id == "request-globals");
  CHECK(adapter_rule_for("flask.jsonify") == nullptr);  // ports as a returned dict
  CHECK(adapter_rule_for("django.contrib.auth.login")->id == "login-session");
}

}  // namespace
}  // namespace cutover
