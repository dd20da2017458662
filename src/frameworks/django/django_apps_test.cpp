// INSTALLED_APPS, app labels and model labels read from a project's settings.

#include "frameworks/django/django_apps.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;

TEST_CASE("INSTALLED_APPS: entries, AppConfig names and labels, additions", "[unit][django]") {
  LinkedTree tree({{"manage.py", testing::kDjangoManage},
                   {"proj/__init__.py", ""},
                   {"proj/base.py", R"(CORE = ['django.contrib.auth']
INSTALLED_APPS = CORE + ['blog', 'shop.apps.ShopConfig', 'allauth.apps.AccountConfig']
INSTALLED_APPS += ['news']
)"},
                   {"proj/settings.py", R"(from proj.base import *
INSTALLED_APPS.append('extra')
if DEBUG:
    INSTALLED_APPS.append('debug_toolbar')
AUTH_USER_MODEL = 'shop.Customer'
)"},
                   {"blog/__init__.py", ""},
                   {"blog/apps.py", R"(from django.apps import AppConfig
class BlogConfig(AppConfig):
    name = 'blog'
    label = 'weblog'
)"},
                   {"blog/models.py", "class Post(Model):\n    pass\n"},
                   {"blog/sub/models.py", R"(class Draft(Model):
    class Meta:
        app_label = 'drafts'
)"},
                   {"shop/__init__.py", ""},
                   {"shop/apps.py", "class ShopConfig(AppConfig):\n    name = 'shop'\n"},
                   {"shop/models.py", "class Customer(Model):\n    pass\n"},
                   {"news/__init__.py", ""},
                   {"loose/__init__.py", ""},
                   {"loose/models.py", "class Item(Model):\n    pass\n"}});
  const DjangoProject p = read_django_project(tree.names(), "");
  REQUIRE(p.settings_file);
  REQUIRE(p.apps);
  std::vector<std::string> labels;
  for (const DjangoApp& a : *p.apps)
    labels.push_back(a.name + ":" + a.label + (a.in_tree ? "" : "(ext)"));
  CHECK(labels == std::vector<std::string>{"django.contrib.auth:auth(ext)", "blog:weblog",
                                           "shop:shop", "allauth:allauth(ext)", "news:news",
                                           "extra:extra(ext)"});
  CHECK(p.auth_user_model == "shop.Customer");
  CHECK(p.installed("django.contrib.auth"));
  CHECK_FALSE(p.installed("debug_toolbar"));  // only under an `if`
  auto label_of = [&](const char* path, const char* cls) {
    const ModelLabel m = model_label(p, tree.names(), tree.file(path), tree.definition(path, cls));
    return m.app_label + "." + m.model_name;
  };
  CHECK(label_of("blog/models.py", "Post") == "weblog.post");
  CHECK(label_of("blog/sub/models.py", "Draft") == "drafts.draft");
  CHECK(label_of("shop/models.py", "Customer") == "shop.customer");
  CHECK(label_of("loose/models.py", "Item") == "loose.item");  // no installed app holds it
  const auto group = external_model_label(p, "django.contrib.auth.models.Group");
  REQUIRE(group);
  CHECK(group->app_label == "auth");
  CHECK(group->model_name == "group");
  CHECK_FALSE(external_model_label(p, "somewhere.Thing"));
}

TEST_CASE("no settings module: apps unknown", "[unit][django]") {
  LinkedTree tree({{"app/models.py", "class Item(Model):\n    pass\n"}});
  const DjangoProject p = read_django_project(tree.names(), "");
  CHECK_FALSE(p.settings_file);
  CHECK_FALSE(p.apps);
  CHECK_FALSE(p.installed("django.contrib.admin"));
}

}  // namespace
}  // namespace cutover
