// URL lists evaluated the way Python builds them: intermediate lists grown by
// `+=`, append/extend/insert and self-referencing rebinding, lists returned by
// functions, loops over known lists, the `if` branches of each step, and what
// AppConfig.ready() of installed apps appends.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::link_python;
using testing::PythonFile;
using testing::route_paths;
using testing::route_with_path;
using Strings = std::vector<std::string>;

constexpr const char* kViews = R"(from django.views import View

class A(View):
    def get(self, request):
        pass

class B(View):
    def post(self, request):
        pass
)";

Inventory project(const char* urls, const char* settings, std::vector<PythonFile> more = {}) {
  more.insert(more.begin(), {{"app/__init__.py", ""}, {"app/views.py", kViews}});
  return link_python(testing::django_project_files(urls, std::move(more), settings));
}

TEST_CASE("a list grown under an if, then added to urlpatterns", "[unit][django]") {
  const Inventory inv = project(R"(from django.conf import settings
from django.urls import path
from app import views
back = [path('api/', views.A.as_view())]
classic = [path('about/', views.B.as_view())]
urlpatterns = []
urlpatterns += back
front = []
if settings.ENABLE_X:
    front += classic
urlpatterns += front
)",
                                "ROOT_URLCONF = 'proj.urls'\nENABLE_X = True\n");
  CHECK(route_paths(inv) == Strings{"about/", "api/"});
  const Route& about = route_with_path(inv, "about/");
  CHECK(about.methods == Strings{"POST"});
  CHECK(about.conditional);
  CHECK(about.condition == "settings.ENABLE_X");
  CHECK(about.enabled_by_default == true);
  CHECK_FALSE(route_with_path(inv, "api/").conditional);
}

TEST_CASE("self-referencing rebinding, extend, append and insert", "[unit][django]") {
  SECTION("x = x + [...] keeps what x held") {
    const Inventory inv = project(R"(from django.urls import path
from app import views
classic = [path('about/', views.B.as_view())]
front = []
front = front + classic
front.extend([path('x/', views.A.as_view())])
front.insert(0, path('first/', views.A.as_view()))
urlpatterns = [path('y/', views.A.as_view())]
urlpatterns += front
)",
                                  "ROOT_URLCONF = 'proj.urls'\n");
    CHECK(route_paths(inv) == Strings{"about/", "first/", "x/", "y/"});
  }
  SECTION("a rebinding to a new list forgets the old one") {
    const Inventory inv = project(R"(from django.urls import path
from app import views
front = [path('gone/', views.A.as_view())]
front = [path('about/', views.B.as_view())]
front = front + [path('x/', views.A.as_view())]
front.append(path('z/', views.A.as_view()))
urlpatterns = front
)",
                                  "ROOT_URLCONF = 'proj.urls'\n");
    CHECK(route_paths(inv) == Strings{"about/", "x/", "z/"});
  }
  SECTION("include(x) holds the list: later in-place steps count, copies do not") {
    const Inventory inv = project(R"(from django.urls import include, path
from app import views
extra = [path('a/', views.A.as_view())]
copied = [path('c/', views.A.as_view())]
urlpatterns = [path('p/', include(extra))]
urlpatterns += copied
extra.append(path('late/', views.A.as_view()))
copied.append(path('not-copied/', views.A.as_view()))
extra = [path('rebound/', views.A.as_view())]
extra.append(path('other-list/', views.A.as_view()))
)",
                                  "ROOT_URLCONF = 'proj.urls'\n");
    CHECK(route_paths(inv) == Strings{"c/", "p/a/", "p/late/"});
  }
}

TEST_CASE("lists returned by functions and built in loops over known lists", "[unit][django]") {
  const Inventory inv = project(R"(from django.conf import settings
from django.urls import path
from app import views

def extra(prefix):
    urls = []
    urls.append(path(prefix + 'f/', views.A.as_view()))
    return urls

plugins = []
for name in settings.PLUGINS:
    plugins.append(path(name + '/', views.A.as_view()))

pages = []
for name, view in [('one', views.B), ('two', views.B)]:
    pages.append(path(name + '/', view.as_view()))

urlpatterns = extra('pre/') + plugins
urlpatterns += pages
)",
                                "ROOT_URLCONF = 'proj.urls'\nPLUGINS = []\n");
  // The loop over an empty settings list never runs.
  CHECK(route_paths(inv) == Strings{"one/", "pre/f/", "two/"});
  CHECK(route_with_path(inv, "two/").handler == "app.views.B");
  CHECK(route_with_path(inv, "two/").methods == Strings{"POST"});
}

TEST_CASE("comprehensions over known lists, with their tests", "[unit][django]") {
  const Inventory inv = project(R"(from django.conf import settings
from django.urls import path
from app import views
PAGES = [('a', views.A), ('b', views.B), ('skip', views.A)]
urlpatterns = [path(name + '/', view.as_view()) for name, view in PAGES if name != 'skip']
urlpatterns += [path(p + '/', views.A.as_view()) for p in settings.EXTRA]
)",
                                "ROOT_URLCONF = 'proj.urls'\nEXTRA = ['x']\n");
  CHECK(route_paths(inv) == Strings{"a/", "b/", "x/"});
  CHECK(route_with_path(inv, "b/").methods == Strings{"POST"});
  CHECK(route_with_path(inv, "b/").handler == "app.views.B");
}

TEST_CASE("a helper defined under if settings.DEBUG returns a regex built with re.escape",
          "[unit][django]") {
  const Inventory inv = project(R"(from django.conf import settings
from django.urls import re_path, path
from app import views
urlpatterns = [path('', views.A.as_view())]
if settings.DEBUG:
    def media(prefix):
        import re
        from django.views.static import serve
        return [re_path(r'^%s(?P<path>.*)$' % re.escape(prefix.lstrip('/')), serve)]
    urlpatterns += media(prefix="/media.files/")
)",
                                "ROOT_URLCONF = 'proj.urls'\nDEBUG = False\n");
  const Route& media = route_with_path(inv, R"(^media\.files/(?P<path>.*)$)");
  CHECK(media.handler == "django.views.static.serve");
  CHECK(media.condition == "settings.DEBUG");
  CHECK(media.enabled_by_default == false);
  CHECK_FALSE(media.partial);
}

TEST_CASE("router registrations and entries under if/elif/else", "[unit][django]") {
  const Inventory inv = project(R"(from django.conf import settings
from django.urls import include, path
from rest_framework import routers, viewsets
from app import views

class ItemViewSet(viewsets.ReadOnlyModelViewSet):
    pass

router = routers.SimpleRouter()
if settings.IMPORTERS.get('trello', {}).get('active', False):
    router.register(r'importers/trello', ItemViewSet, basename='trello')
router.register(r'items', ItemViewSet, basename='item')

urlpatterns = [path('api/', include(router.urls))]
if settings.MODE == 'a':
    urlpatterns += [path('a/', views.A.as_view())]
elif settings.MODE == 'b':
    urlpatterns += [path('b/', views.A.as_view())]
else:
    urlpatterns.append(path('c/', views.A.as_view()))
)",
                                R"(ROOT_URLCONF = 'proj.urls'
MODE = 'b'
IMPORTERS = {'trello': {'active': False}}
)");
  const Route& trello = route_with_path(inv, "api/importers/trello/$");
  CHECK(trello.conditional);
  CHECK(trello.enabled_by_default == false);
  CHECK(trello.condition == R"(settings.IMPORTERS.get("trello", {}).get("active", False))");
  CHECK_FALSE(route_with_path(inv, "api/items/$").conditional);
  CHECK(route_with_path(inv, "a/").enabled_by_default == false);
  CHECK(route_with_path(inv, "b/").enabled_by_default == true);
  const Route& c = route_with_path(inv, "c/");
  CHECK(c.enabled_by_default == false);
  CHECK(c.condition == R"(not (settings.MODE == "a") and not (settings.MODE == "b"))");
}

TEST_CASE("settings are read from the module DJANGO_SETTINGS_MODULE names", "[unit][django]") {
  // Other config modules of the tree (tests, docker) set other values: Django
  // reads only the settings module's namespace.
  const Inventory inv = project(
      R"(from django.conf import settings
from django.urls import path
from app import views
urlpatterns = []
if settings.FEATURE:
    urlpatterns += [path(settings.PREFIX + '/', views.A.as_view())]
)",
      "ROOT_URLCONF = 'proj.urls'\nFEATURE = False\nPREFIX = 'real'\n",
      {{"tests/__init__.py", ""}, {"tests/config.py", "FEATURE = True\nPREFIX = 'test'\n"}});
  const Route& r = route_with_path(inv, "real/");
  CHECK(r.enabled_by_default == false);
}

TEST_CASE("static() serves only under settings.DEBUG and never holds Python text",
          "[unit][django]") {
  const Inventory inv = project(R"(from django.conf import settings
from django.conf.urls.static import static
from django.urls import path
from app import views
urlpatterns = [path('', views.A.as_view())]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
urlpatterns += static(settings.STATIC_URL, document_root=settings.STATIC_ROOT)
)",
                                "ROOT_URLCONF = 'proj.urls'\nDEBUG = False\nSTATIC_URL = '/s/'\n");
  // MEDIA_URL is set nowhere in the tree: Django's convention stands for it.
  const Route& media = route_with_path(inv, "^media/(?P<path>.*)$");
  CHECK(media.condition == "settings.DEBUG");
  CHECK(media.enabled_by_default == false);
  REQUIRE(media.assumptions.size() == 1);
  CHECK(media.assumptions[0].expr == "settings.MEDIA_URL");
  CHECK(media.assumptions[0].assumed == "/media/");
  CHECK_FALSE(media.partial);
  const Route& s = route_with_path(inv, "^s/(?P<path>.*)$");
  CHECK(s.conditional);
  CHECK(s.condition == "settings.DEBUG");
  CHECK(s.enabled_by_default == false);
  CHECK(s.assumptions.empty());
}

TEST_CASE("patterns read class attributes, settings through functions and env defaults",
          "[unit][django]") {
  const Inventory inv = project(R"(import os
from django.conf import settings
from django.urls import include, path, re_path
from rest_framework.views import APIView

class Base(APIView):
    MODEL_REF = 'basemodel'
    def get(self, request, **kw):
        pass

class Status(Base):
    MODEL_REF = 'statusmodel'

class Inherits(Base):
    pass

def prefix(name):
    return os.environ.get('URL_PREFIX', name + '-')

urlpatterns = [
    path(f'status/<str:{Status.MODEL_REF}>/', Status.as_view()),
    path(f'base/<str:{Inherits.MODEL_REF}>/', Inherits.as_view()),
    path(f"{settings.FRONTEND_BASE}/", include([re_path(".*", Base.as_view())])),
    re_path(r'^%sapi/v2/$' % prefix('my'), Base.as_view()),
    path(os.getenv('EXTRA', 'extra') + '/', Base.as_view()),
]
)",
                                R"(import os
ROOT_URLCONF = 'proj.urls'
def _load():
    return dict(os.environ)
FRONT = _load()
FRONTEND_BASE = FRONT.get("base_url", "platform")
)");
  CHECK(route_paths(inv) == Strings{"^my-api/v2/$", "base/<str:basemodel>/", "extra/",
                                    "platform/.*", "status/<str:statusmodel>/"});
  const Route& platform = route_with_path(inv, "platform/.*");
  REQUIRE(platform.assumptions.size() == 1);
  CHECK(platform.assumptions[0].expr == R"(FRONT.get("base_url", "platform"))");
  CHECK(platform.assumptions[0].assumed == "platform");
  CHECK(platform.assumptions[0].file == "proj/settings.py");
  CHECK(route_with_path(inv, "^my-api/v2/$").assumptions.size() == 1);
  CHECK(route_with_path(inv, "status/<str:statusmodel>/").assumptions.empty());
}

TEST_CASE("django-environ reads take their defaults", "[unit][django]") {
  const Inventory inv = project(R"(import environ
from django.urls import path
from app import views
env = environ.Env(SCHEMA_PREFIX=(str, 'schema'))
urlpatterns = [
    path(env('CALL_PREFIX', default='call') + '/', views.A.as_view()),
    path(env.str('STR_PREFIX', default='str') + '/', views.A.as_view()),
    path(env('SCHEMA_PREFIX') + '/', views.A.as_view()),
    path(env('NO_DEFAULT') + 'bare/', views.A.as_view()),
]
)",
                                "ROOT_URLCONF = 'proj.urls'\n");
  CHECK(route_paths(inv) == Strings{"bare/", "call/", "schema/", "str/"});
  CHECK(route_with_path(inv, "bare/").assumptions.at(0).assumed == "");
}

}  // namespace
}  // namespace cutover
