// Django URLconfs: the root URLconf from the settings, urlpatterns built by
// `=`, `+=`, append/extend, include() trees with prefixes and namespaces,
// conditional blocks, static(), Django 1.x patterns() and string views.

#include "frameworks/django/django_urls.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::diagnostics_with_code;
using testing::has_diagnostic;
using testing::link_python;
using testing::PythonFile;
using testing::route_paths;
using testing::route_with_path;
using Strings = std::vector<std::string>;

constexpr const char* kViews = R"(def index(request):
    pass

def detail(request, pk):
    pass

def other(request):
    pass
)";

// The project of django_project_files, with app/views.py (index, detail, other), plus `more`.
std::vector<PythonFile> project_files(const char* urls, std::vector<PythonFile> more = {},
                                      const char* settings = "ROOT_URLCONF = 'proj.urls'\n") {
  more.insert(more.begin(),
              {PythonFile{"app/__init__.py", ""}, PythonFile{"app/views.py", kViews}});
  return testing::django_project_files(urls, std::move(more), settings);
}

Inventory django_project(const char* urls, std::vector<PythonFile> more = {},
                         const char* settings = "ROOT_URLCONF = 'proj.urls'\n") {
  return link_python(project_files(urls, std::move(more), settings));
}

// Links `files` in a child process: "routes N", or how it died, so a crash
// fails one check instead of ending the whole test run.
std::string link_in_child(const std::vector<PythonFile>& files) {
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGSEGV, SIG_DFL);
    std::signal(SIGBUS, SIG_DFL);
    std::signal(SIGABRT, SIG_DFL);
    try {
      _exit(static_cast<int>(std::min<std::size_t>(link_python(files).routes.size(), 100)));
    } catch (...) {
      _exit(101);
    }
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "routes " + std::to_string(WEXITSTATUS(status));
}

TEST_CASE("ROOT_URLCONF named by manage.py picks the root", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from app import views
urlpatterns = [path('', views.index, name='home')]
)",
                                       {{"legacy/__init__.py", ""}, {"legacy/urls.py", R"(
from django.urls import path
from app import views
urlpatterns = [path('old/', views.other)]
)"}},
                                       "ROOT_URLCONF = 'proj.urls'\n");
  CHECK(route_paths(inv) == Strings{""});
  CHECK(route_with_path(inv, "").handler == "app.views.index");
  CHECK(diagnostics_with_code(inv.diagnostics, "assumed-urlconf").empty());
}

TEST_CASE("ROOT_URLCONF from a settings package with a star import", "[unit][django]") {
  const Inventory inv = link_python({{"manage.py", testing::kDjangoManage},
                                     {"proj/__init__.py", ""},
                                     {"proj/settings/__init__.py", "from .base import *\n"},
                                     {"proj/settings/base.py", "ROOT_URLCONF = 'proj.routes'\n"},
                                     {"proj/routes.py", R"(from django.urls import path
from proj.views import index
urlpatterns = [path('start/', index)]
)"},
                                     {"proj/views.py", "def index(request):\n    pass\n"},
                                     {"proj/unused_urls.py", R"(from django.urls import path
from proj.views import index
urlpatterns = [path('unused/', index)]
)"}});
  CHECK(route_paths(inv) == Strings{"start/"});
  CHECK(route_with_path(inv, "start/").handler == "proj.views.index");
  CHECK(diagnostics_with_code(inv.diagnostics, "assumed-urlconf").empty());
}

TEST_CASE("without settings, the urls modules nothing includes are roots", "[unit][django]") {
  const Inventory inv = link_python({{"site/__init__.py", ""},
                                     {"site/urls.py", R"(from django.urls import include, path
urlpatterns = [path('blog/', include('blog.urls'))]
)"},
                                     {"blog/__init__.py", ""},
                                     {"blog/urls.py", R"(from django.urls import path
from blog.views import index
urlpatterns = [path('', index)]
)"},
                                     {"blog/views.py", "def index(request):\n    pass\n"}});
  CHECK(route_paths(inv) == Strings{"blog/"});
  const std::vector<Diagnostic> assumed = diagnostics_with_code(inv.diagnostics, "assumed-urlconf");
  REQUIRE(assumed.size() == 1);
  CHECK(assumed[0].file == "site/urls.py");
  CHECK(assumed[0].severity == Severity::kInfo);
}

TEST_CASE("path, re_path and url with names and typed params", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path, re_path
from django.conf.urls import url
from app import views
urlpatterns = [
    path('items/<int:pk>/', views.detail, name='item'),
    re_path(r'^posts/(?P<slug>[-\w]+)/$', views.other, name='post'),
    url(r'^feed\.xml$', views.index, None, 'feed'),
]
)");
  REQUIRE(inv.routes.size() == 3);
  const Route& item = route_with_path(inv, "items/<int:pk>/");
  CHECK(item.endpoint == "item");
  CHECK(item.path_template == "/items/{pk}/");
  CHECK(item.handler == "app.views.detail");
  CHECK(item.line == 5);
  const Route& post = route_with_path(inv, R"(^posts/(?P<slug>[-\w]+)/$)");
  CHECK(post.endpoint == "post");
  CHECK(post.path_template == "/posts/{slug}/");
  const Route& feed = route_with_path(inv, R"(^feed\.xml$)");
  CHECK(feed.endpoint == "feed");
  CHECK(feed.path_template == "/feed.xml");
  CHECK(feed.id != item.id);
}

TEST_CASE("include() with app_name, namespace=, (patterns, app_name) and lists", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import include, path
from app import views
from shop import urls as shop_urls
extra = [path('a/', views.index, name='a')]
urlpatterns = [
    path('blog/', include('blog.urls')),
    path('news/', include('blog.urls', namespace='news')),
    path('shop/', include((shop_urls.patterns, 'shop'), namespace='store')),
    path('shop2/', include((shop_urls.patterns, 'shop'))),
    path('misc/', include([path('b/', views.other, name='b')])),
    path('extra/', include(extra)),
]
)",
                                       {{"blog/__init__.py", ""},
                                        {"blog/urls.py", R"(from django.urls import path
from app import views
app_name = 'blog'
urlpatterns = [path('<slug:s>/', views.detail, name='post')]
)"},
                                        {"shop/__init__.py", ""},
                                        {"shop/urls.py", R"(from django.urls import path
from app import views
patterns = [path('cart/', views.index, name='cart')]
)"}});
  CHECK(route_paths(inv) == Strings{"blog/<slug:s>/", "extra/a/", "misc/b/", "news/<slug:s>/",
                                    "shop/cart/", "shop2/cart/"});
  CHECK(route_with_path(inv, "blog/<slug:s>/").endpoint == "blog:post");
  CHECK(route_with_path(inv, "blog/<slug:s>/").file == "blog/urls.py");
  CHECK(route_with_path(inv, "news/<slug:s>/").endpoint == "news:post");
  CHECK(route_with_path(inv, "shop/cart/").endpoint == "store:cart");
  CHECK(route_with_path(inv, "shop2/cart/").endpoint == "shop:cart");
  CHECK(route_with_path(inv, "misc/b/").endpoint == "b");
  CHECK(route_with_path(inv, "misc/b/").handler == "app.views.other");
  CHECK(route_with_path(inv, "extra/a/").endpoint == "a");
}

TEST_CASE("includes three deep compose prefixes and namespaces", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import include, path
urlpatterns = [path('a/', include('one.urls'))]
)",
                                       {{"one/__init__.py", ""},
                                        {"one/urls.py", R"(from django.urls import include, re_path
app_name = 'one'
urlpatterns = [re_path(r'^b/(?P<year>\d+)/', include('two.urls'))]
)"},
                                        {"two/__init__.py", ""},
                                        {"two/urls.py", R"(from django.urls import include, path
app_name = 'two'
urlpatterns = [path('c/', include('three.urls'))]
)"},
                                        {"three/__init__.py", ""},
                                        {"three/urls.py", R"(from django.urls import path
from app.views import detail
urlpatterns = [path('<int:pk>/d/', detail, name='leaf')]
)"}});
  REQUIRE(inv.routes.size() == 1);
  const Route& leaf = inv.routes[0];
  CHECK(leaf.path == R"(a/b/(?P<year>\d+)/c/<int:pk>/d/)");
  CHECK(leaf.path_template == "/a/b/{year}/c/{pk}/d/");
  REQUIRE(leaf.params.size() == 2);
  CHECK(leaf.params[0].name == "year");
  CHECK(leaf.params[0].type == "int");
  CHECK(leaf.params[1].name == "pk");
  CHECK(leaf.params[1].type == "int");
  CHECK(leaf.endpoint == "one:two:leaf");
  CHECK(leaf.file == "three/urls.py");
  CHECK(leaf.line == 3);
  CHECK(leaf.handler == "app.views.detail");
}

TEST_CASE("urlpatterns grown by +=, append, extend and under if settings.DEBUG", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from app import views
urlpatterns = [path('one/', views.index)]
urlpatterns += [path('two/', views.index)]
urlpatterns.append(path('three/', views.index))
urlpatterns.extend([path('four/', views.index), path('five/', views.index)])
if settings.DEBUG:
    urlpatterns += [path('debug/', views.other)]
urlpatterns += i18n_patterns(path('about/', views.other))
)");
  // i18n_patterns puts the language in front: Django's default LANGUAGE_CODE here.
  CHECK(route_paths(inv) ==
        Strings{"debug/", "en-us/about/", "five/", "four/", "one/", "three/", "two/"});
  // The language prefix is there in every configuration: not a condition.
  CHECK_FALSE(route_with_path(inv, "en-us/about/").conditional);
  CHECK(route_with_path(inv, "debug/").conditional);
  CHECK(route_with_path(inv, "debug/").line == 10);
  CHECK_FALSE(route_with_path(inv, "one/").conditional);
  CHECK_FALSE(route_with_path(inv, "three/").conditional);
  CHECK(route_with_path(inv, "three/").line == 7);
  CHECK_FALSE(route_with_path(inv, "five/").conditional);
}

TEST_CASE("static(settings.MEDIA_URL, ...) is a conditional serve route", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.conf import settings
from django.conf.urls.static import static
from django.urls import path
from app import views
urlpatterns = [
    path('', views.index),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
)",
                                       {}, "ROOT_URLCONF = 'proj.urls'\nMEDIA_URL = '/media/'\n");
  REQUIRE(inv.routes.size() == 2);
  const Route& media = route_with_path(inv, "^media/(?P<path>.*)$");
  CHECK(media.conditional);
  CHECK(media.handler == "django.views.static.serve");
  CHECK(media.methods == Strings{"ANY"});
  CHECK(media.path_template == "/media/{path:path}");
  CHECK_FALSE(media.partial);
  CHECK_FALSE(route_with_path(inv, "").conditional);
}

TEST_CASE("static() with a remote prefix serves nothing", "[unit][django]") {
  // django.conf.urls.static.static() returns [] when the prefix has a netloc.
  const Inventory inv = django_project(R"(from django.conf.urls.static import static
from django.urls import path
from app import views
urlpatterns = [path('', views.index)]
urlpatterns += static('https://cdn.example.com/static/', document_root='/srv/static')
)");
  INFO(testing::describe_routes(inv));
  CHECK(route_paths(inv) == Strings{""});
}

TEST_CASE("Django 1.x patterns() with a view prefix and string views", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.conf.urls import patterns, url
urlpatterns = patterns('app.views',
    url(r'^$', 'index', name='home'),
    url(r'^(?P<pk>\d+)/$', 'detail'),
)
urlpatterns += patterns('',
    url(r'^other/$', 'app.views.other'),
    url(r'^gone/$', 'nowhere.views.gone'),
)
)");
  REQUIRE(inv.routes.size() == 4);
  const Route& home = route_with_path(inv, "^$");
  CHECK(home.handler == "app.views.index");
  CHECK(home.endpoint == "home");
  CHECK(home.methods == Strings{"ANY"});
  CHECK_FALSE(home.partial);
  CHECK(route_with_path(inv, R"(^(?P<pk>\d+)/$)").handler == "app.views.detail");
  const Route& other = route_with_path(inv, "^other/$");
  CHECK(other.handler == "app.views.other");
  CHECK_FALSE(other.partial);
  const Route& gone = route_with_path(inv, "^gone/$");
  CHECK(gone.handler == "nowhere.views.gone");
  CHECK(gone.partial);
  CHECK(gone.unresolved == "view nowhere.views.gone");
}

TEST_CASE("include() of a URLconf outside the tree is reported, not listed", "[unit][django]") {
  // Statically, a URLconf of another package (rest_framework.urls) and one
  // missing from the scan look alike: its routes are not listed, and a
  // diagnostic names the include and its prefix.
  const Inventory inv = django_project(R"(from django.urls import include, path
from app import views
urlpatterns = [
    path('', views.index),
    path('payments/', include('payments.urls')),
]
)");
  REQUIRE(inv.routes.size() == 1);
  CHECK(inv.routes[0].path.empty());
  CHECK(has_diagnostic(inv.diagnostics, "proj/urls.py", 5, "external-urlconf"));
}

TEST_CASE("patterns built from constants and settings values", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.conf import settings
from django.urls import path
from app import views
from proj.constants import API
urlpatterns = [
    path(API + 'items/', views.index),
    path(f'{API}other/', views.other),
    path(settings.ADMIN_PREFIX + 'dash/', views.detail),
    path(dynamic_prefix() + 'x/', views.index),
]
)",
                                       {{"proj/constants.py", "API = 'api/v2/'\n"}},
                                       "ROOT_URLCONF = 'proj.urls'\nADMIN_PREFIX = 'manage/'\n");
  REQUIRE(inv.routes.size() == 4);
  CHECK_FALSE(route_with_path(inv, "api/v2/items/").partial);
  CHECK(route_with_path(inv, "api/v2/other/").handler == "app.views.other");
  const Route& dash = route_with_path(inv, "manage/dash/");
  CHECK(dash.handler == "app.views.detail");
  CHECK_FALSE(dash.partial);
  CHECK(has_diagnostic(inv.diagnostics, "proj/settings.py", 2, "config-value"));
  bool found_partial = false;
  for (const Route& r : inv.routes) {
    if (!r.partial) continue;
    found_partial = true;
    CHECK(r.unresolved.starts_with("pattern "));
    CHECK(r.handler == "app.views.index");
  }
  CHECK(found_partial);
}

TEST_CASE("admin.site.urls: the admin's URLs, marked generated_by", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.contrib import admin
from django.urls import include, path
from django.conf.urls import url
from app import views
urlpatterns = [
    path('admin/', admin.site.urls),
    url(r'^old-admin/', include(admin.site.urls)),
    path('', views.index),
]
)");
  INFO(testing::describe_routes(inv));
  Strings own;
  for (const Route& r : inv.routes) {
    if (r.generated_by.empty()) own.push_back(r.path);
  }
  CHECK(own == Strings{""});
  CHECK(route_with_path(inv, "admin/").generated_by == "django.contrib.admin");
  CHECK(route_with_path(inv, "^old-admin/login/").endpoint == "admin:login");
}

TEST_CASE("urlpatterns reassigned from itself", "[unit][django]") {
  SECTION("urlpatterns = format_suffix_patterns(urlpatterns), as DRF's tutorial does") {
    const std::vector<PythonFile> files = project_files(R"(from django.urls import path
from rest_framework.urlpatterns import format_suffix_patterns
from app import views
urlpatterns = [path('snippets/', views.index)]
urlpatterns = format_suffix_patterns(urlpatterns)
)");
    REQUIRE(link_in_child(files) == "routes 1");
    CHECK(route_paths(link_python(files)) == Strings{"snippets/"});
  }
  SECTION("urlpatterns = urlpatterns + [...]") {
    const std::vector<PythonFile> files = project_files(R"(from django.urls import path
from app import views
urlpatterns = [path('a/', views.index)]
urlpatterns = urlpatterns + [path('b/', views.other)]
)");
    REQUIRE(link_in_child(files) == "routes 2");
    CHECK(route_paths(link_python(files)) == Strings{"a/", "b/"});
  }
}

TEST_CASE("an include cycle is walked once and reported", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import include, path
urlpatterns = [path('a/', include('loop.urls'))]
)",
                                       {{"loop/__init__.py", ""}, {"loop/urls.py", R"(
from django.urls import include, path
from app import views
urlpatterns = [path('x/', views.index), path('again/', include('proj.urls'))]
)"}});
  CHECK(route_paths(inv) == Strings{"a/x/"});
  CHECK(diagnostics_with_code(inv.diagnostics, "include-cycle").size() == 1);
}

}  // namespace
}  // namespace cutover
