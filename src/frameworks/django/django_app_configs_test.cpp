// AppConfig.ready() of installed apps appending to a URLconf's urlpatterns,
// and which AppConfig Django 3.2 uses for an INSTALLED_APPS entry.

#include "frameworks/django/django_app_configs.h"

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

constexpr const char* kUrls = R"(from django.urls import path
from app.views import index
urlpatterns = [path('', index)]
)";

// A project whose settings install `apps`, with app/views.py and `more`.
Inventory project(const char* settings, std::vector<PythonFile> more) {
  more.insert(more.begin(),
              {{"app/__init__.py", ""}, {"app/views.py", "def index(request):\n    pass\n"}});
  return link_python(testing::django_project_files(kUrls, std::move(more), settings));
}

// apps.py of package `pkg`: a config whose ready() appends `route` to proj.urls.
std::string ready_appending(const std::string& cls, const std::string& route,
                            const std::string& guard = "") {
  std::string body =
      "        from proj.urls import urlpatterns\n        urlpatterns.append(path('" + route +
      "', index))\n";
  if (!guard.empty()) {
    body = "        if " + guard + ":\n" + "    " + body.substr(0, body.find('\n') + 1) + "    " +
           body.substr(body.find('\n') + 1);
  }
  return "from django.apps import AppConfig\nfrom django.conf import settings\n"
         "from django.urls import path\nfrom app.views import index\n\nclass " +
         cls + "(AppConfig):\n    name = 'x'\n\n    def ready(self):\n" + body;
}

TEST_CASE("ready() of an installed app appends to the root URLconf", "[unit][django]") {
  const std::string stats = ready_appending("StatsConfig", "stats/");
  const std::string feedback = ready_appending("FeedbackConfig", "feedback/", "settings.FEEDBACK");
  const std::string unused = ready_appending("UnusedConfig", "unused/");
  const Inventory inv = project(R"(ROOT_URLCONF = 'proj.urls'
FEEDBACK = False
INSTALLED_APPS = ['django.contrib.admin', 'stats']
INSTALLED_APPS += ['feedback']
)",
                                {{"stats/__init__.py", ""},
                                 {"stats/apps.py", stats},
                                 {"feedback/__init__.py", ""},
                                 {"feedback/apps.py", feedback},
                                 {"unused/__init__.py", ""},
                                 {"unused/apps.py", unused}});
  CHECK(route_paths(inv) == Strings{"", "feedback/", "stats/"});
  const Route& s = route_with_path(inv, "stats/");
  CHECK(s.file == "stats/apps.py");
  CHECK_FALSE(s.conditional);
  const Route& f = route_with_path(inv, "feedback/");
  CHECK(f.condition == "settings.FEEDBACK");
  CHECK(f.enabled_by_default == false);
}

TEST_CASE("Django 3.2 picks the AppConfig: default_app_config, the only one, default = True",
          "[unit][django]") {
  const std::string plain = ready_appending("OnlyConfig", "only/");
  std::string two = ready_appending("FirstConfig", "first/");
  two +=
      "\nclass SecondConfig(FirstConfig):\n    default = True\n\n    def ready(self):\n"
      "        from proj.urls import urlpatterns\n"
      "        urlpatterns.append(path('second/', index))\n";
  std::string named = ready_appending("NamedConfig", "named/");
  named += "\nclass OtherConfig(AppConfig):\n    name = 'named'\n";
  std::string excluded = ready_appending("OffConfig", "off/");
  excluded += "    default = False\n";
  const Inventory inv =
      project(R"(ROOT_URLCONF = 'proj.urls'
INSTALLED_APPS = ['plain', 'two', 'named', 'dotted.apps.DottedConfig', 'excluded']
)",
              {{"plain/__init__.py", ""},
               {"plain/apps.py", plain},
               {"two/__init__.py", ""},
               {"two/apps.py", two},
               {"named/__init__.py", "default_app_config = 'named.apps.NamedConfig'\n"},
               {"named/apps.py", named},
               {"dotted/__init__.py", ""},
               {"dotted/apps.py", ready_appending("DottedConfig", "dotted/")},
               {"excluded/__init__.py", ""},
               {"excluded/apps.py", excluded}});
  CHECK(route_paths(inv) == Strings{"", "dotted/", "named/", "only/", "second/"});
}

}  // namespace
}  // namespace cutover
