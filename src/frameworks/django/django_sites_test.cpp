// Django sites: each settings module the tree runs with, and its own root URLconf.

#include "frameworks/django/django_sites.h"

#include <catch2/catch.hpp>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::diagnostics_with_code;
using testing::link_python;
using testing::PythonFile;
using Strings = std::vector<std::string>;

// "site path" of each route, sorted.
Strings sited_paths(const Inventory& inv) {
  Strings out;
  for (const Route& r : inv.routes)
    out.push_back(r.site + " " + r.path);
  std::sort(out.begin(), out.end());
  return out;
}

// A web site (manage.py, web/wsgi.py) and a worker (worker/celery.py) with
// its own settings and a health URLconf; the worker's files come first by path.
std::vector<PythonFile> web_and_worker() {
  return {
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'web.settings')\n"},
      {"web/__init__.py", ""},
      {"web/settings.py", "ROOT_URLCONF = 'web.urls'\n"},
      {"web/wsgi.py", "import os\nos.environ['DJANGO_SETTINGS_MODULE'] = 'web.settings'\n"},
      {"web/urls.py", R"(from django.urls import include, path
from web import views
urlpatterns = [path('', views.home), path('shop/', include('shop.urls'))]
)"},
      {"web/views.py", "def home(request):\n    pass\n"},
      {"shop/__init__.py", ""},
      {"shop/urls.py", R"(from django.urls import path
from shop import views
urlpatterns = [path('cart/', views.cart), path('pay/', views.pay)]
)"},
      {"shop/views.py", "def cart(request):\n    pass\n\ndef pay(request):\n    pass\n"},
      {"a_worker/__init__.py", ""},
      {"a_worker/celery.py", R"(import os
from celery import Celery
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'a_worker.settings')
app = Celery('worker')
)"},
      {"a_worker/settings.py", "from web.settings import *\nROOT_URLCONF = 'a_worker.urls'\n"},
      {"a_worker/urls.py", R"(from django.urls import path
from a_worker.views import health
urlpatterns = [path('health/', health)]
)"},
      {"a_worker/views.py", "def health(request):\n    pass\n"},
      {"tests/settings.py", "ROOT_URLCONF = 'tests.urls'\n"},
      {"tests/urls.py",
       "from django.urls import path, include\n"
       "urlpatterns = [path('t/', include('web.urls'))]\n"},
      {"tests/conftest.py",
       "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tests.settings')\n"},
      {"runtests.py",
       "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tests.settings')\n"},
  };
}

TEST_CASE("a web site and a worker each get their own root URLconf",
          "[unit][django][django_sites]") {
  const Inventory inv = link_python(web_and_worker());
  CHECK(sited_paths(inv) == Strings{"a_worker.settings health/", "web.settings ",
                                    "web.settings shop/cart/", "web.settings shop/pay/"});
  const std::vector<Diagnostic> sites = diagnostics_with_code(inv.diagnostics, "django-sites");
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].severity == Severity::kInfo);
  CHECK(sites[0].message ==
        "2 Django sites, each route tagged with its settings module: a_worker.settings "
        "(DJANGO_SETTINGS_MODULE in a_worker/celery.py:3), ROOT_URLCONF a_worker.urls; "
        "web.settings (DJANGO_SETTINGS_MODULE in manage.py:2, web/wsgi.py:2), ROOT_URLCONF "
        "web.urls");
  // The same view served by two sites would be two routes: ids carry the site.
  CHECK(inv.routes[0].id != inv.routes[1].id);
}

TEST_CASE("a settings module no code names is a site when its URLconf is no other's",
          "[unit][django][django_sites]") {
  // The web site's DJANGO_SETTINGS_MODULE is set by the deployment; only the
  // worker names its own in code.
  std::vector<PythonFile> files = web_and_worker();
  std::erase_if(
      files, [](const PythonFile& f) { return f.path == "manage.py" || f.path == "web/wsgi.py"; });
  const Inventory inv = link_python(files);
  CHECK(sited_paths(inv) == Strings{"a_worker.settings health/", "web.settings ",
                                    "web.settings shop/cart/", "web.settings shop/pay/"});
  const std::vector<Diagnostic> sites = diagnostics_with_code(inv.diagnostics, "django-sites");
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].message.find("web.settings (no DJANGO_SETTINGS_MODULE names it; it sets "
                              "ROOT_URLCONF at web/settings.py:1), ROOT_URLCONF web.urls") !=
        std::string::npos);
}

TEST_CASE("test settings are a site only when the tree has no other",
          "[unit][django][django_sites]") {
  // A library: its test settings are the only runnable site.
  const Inventory inv = link_python({
      {"runtests.py",
       "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tests.settings')\n"},
      {"tests/settings.py", "ROOT_URLCONF = 'tests.urls'\n"},
      {"tests/urls.py",
       "from django.urls import path, include\n"
       "urlpatterns = [path('lib/', include('lib.urls'))]\n"},
      {"lib/__init__.py", ""},
      {"lib/urls.py",
       "from django.urls import path\nfrom lib.views import index\n"
       "urlpatterns = [path('', index)]\n"},
      {"lib/views.py", "def index(request):\n    pass\n"},
  });
  CHECK(sited_paths(inv) == Strings{" lib/"});
}

TEST_CASE("settings given on the command line pick one site, untagged",
          "[unit][django][django_sites]") {
  LinkOptions options;
  options.django_settings = "web.settings";
  const Inventory inv =
      link_summaries("tree", testing::summarize_tree(web_and_worker()), {}, options);
  CHECK(sited_paths(inv) == Strings{" ", " shop/cart/", " shop/pay/"});
}

TEST_CASE("settings modules sharing a root URLconf are one site", "[unit][django][django_sites]") {
  const Inventory inv = link_python({
      {"manage.py",
       "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings.dev')\n"},
      {"proj/__init__.py", ""},
      {"proj/wsgi.py",
       "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings.prod')\n"},
      {"proj/asgi.py",
       "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings.prod')\n"},
      {"proj/settings/__init__.py", ""},
      {"proj/settings/base.py", "ROOT_URLCONF = 'proj.urls'\n"},
      {"proj/settings/dev.py", "from .base import *\nDEBUG = True\n"},
      {"proj/settings/prod.py", "from .base import *\n"},
      {"proj/urls.py",
       "from django.urls import path\nfrom proj.views import index\n"
       "urlpatterns = [path('', index)]\n"},
      {"proj/views.py", "def index(request):\n    pass\n"},
  });
  CHECK(sited_paths(inv) == Strings{" "});
  const std::vector<Diagnostic> sites = diagnostics_with_code(inv.diagnostics, "django-sites");
  REQUIRE(sites.size() == 1);
  CHECK(sites[0].message ==
        "Django site: proj.settings.prod (DJANGO_SETTINGS_MODULE in manage.py:2 "
        "(proj.settings.dev), proj/asgi.py:2, proj/wsgi.py:2), ROOT_URLCONF proj.urls");
}

TEST_CASE("settings named but absent from the tree: the modules that set ROOT_URLCONF",
          "[unit][django][django_sites]") {
  // settings.py is written at deploy time; the settings it star-imports are here.
  const Inventory inv = link_python({
      {"manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n"},
      {"proj/__init__.py", ""},
      {"proj/settings_global.py", "ROOT_URLCONF = 'proj.urls'\n"},
      {"proj/urls.py",
       "from django.urls import path\nfrom proj.views import index\n"
       "urlpatterns = [path('home/', index)]\n"},
      {"proj/other_urls.py",
       "from django.urls import path\nfrom proj.views import index\n"
       "urlpatterns = [path('unused/', index)]\n"},
      {"proj/views.py", "def index(request):\n    pass\n"},
  });
  CHECK(sited_paths(inv) == Strings{" home/"});
  CHECK(diagnostics_with_code(inv.diagnostics, "assumed-urlconf").empty());
}

}  // namespace
}  // namespace cutover
