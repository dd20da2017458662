// django.contrib.admin's URLs (Django 3.2): the site's views, and per model
// registered with it the ModelAdmin views, with app label and model name.

#include "frameworks/django/django_admin.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::link_python;
using testing::PythonFile;
using testing::route_with_path;
using Strings = std::vector<std::string>;

constexpr const char* kSettings = R"(ROOT_URLCONF = 'proj.urls'
INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'blog',
    'shop.apps.ShopConfig',
]
)";

Inventory project(const char* urls, std::vector<PythonFile> more,
                  const char* settings = kSettings) {
  return link_python(testing::django_project_files(urls, std::move(more), settings));
}

// Admin routes' paths, in order.
Strings admin_paths(const Inventory& inv) {
  Strings out;
  for (const Route& r : inv.routes) {
    if (r.generated_by == "django.contrib.admin") out.push_back(r.path);
  }
  return out;
}

bool has_path(const Inventory& inv, std::string_view path) {
  const Strings paths = admin_paths(inv);
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

constexpr const char* kAdminUrls = R"(from django.contrib import admin
from django.urls import path
urlpatterns = [path('admin/', admin.site.urls)]
)";

const std::vector<PythonFile> kApps = {
    {"blog/__init__.py", ""},
    {"blog/models.py", R"(from django.db import models
class Post(models.Model):
    pass
class Tag(models.Model):
    pass
class Note(models.Model):
    class Meta:
        app_label = 'notes'
class Base(models.Model):
    class Meta:
        abstract = True
class Link(models.Model):
    pass
class Image(models.Model):
    pass
)"},
    {"blog/admin.py", R"(from django.contrib import admin
from django.contrib.auth.models import Group
from .models import Post, Tag, Note, Base, Link, Image

@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    def changelist_view(self, request, extra_context=None):
        pass

admin.site.register([Tag, Note])
admin.site.register(Base)
for model in [Link, Image]:
    admin.site.register(model)
admin.site.unregister(Group)
)"},
    {"shop/__init__.py", ""},
    {"shop/apps.py", R"(from django.apps import AppConfig
class ShopConfig(AppConfig):
    name = 'shop'
    label = 'store'
)"},
    {"shop/models.py", R"(from django.db import models
class Order(models.Model):
    pass
)"},
    {"shop/admin.py", R"(from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.conf import settings
from .models import Order

class ShopUserAdmin(UserAdmin):
    pass

admin.site.unregister(User)
admin.site.register(User, ShopUserAdmin)
if settings.DEBUG:
    admin.site.register(Order)
)"},
    {"unused/__init__.py", ""},
    {"unused/models.py", "from django.db import models\nclass Thing(models.Model):\n    pass\n"},
    {"unused/admin.py", R"(from django.contrib import admin
from .models import Thing
admin.site.register(Thing)
)"},
};

TEST_CASE("admin.site.urls: the site's views and each registered model's", "[unit][django]") {
  const Inventory inv = project(kAdminUrls, kApps);
  INFO(testing::describe_routes(inv));
  // The site's own views.
  for (const char* path : {"admin/", "admin/login/", "admin/logout/", "admin/password_change/",
                           "admin/password_change/done/", "admin/autocomplete/", "admin/jsi18n/",
                           "admin/r/<int:content_type_id>/<path:object_id>/"}) {
    CHECK(has_path(inv, path));
  }
  const Route& index = route_with_path(inv, "admin/");
  CHECK(index.endpoint == "admin:index");
  CHECK(index.methods == Strings{"ANY"});
  CHECK(index.handler == "django.contrib.admin.sites.AdminSite.index");
  CHECK(index.file == "proj/urls.py");
  CHECK(index.line == 3);
  // A model's views, under <app_label>/<model_name>/.
  const Route& posts = route_with_path(inv, "admin/blog/post/");
  CHECK(posts.endpoint == "admin:blog_post_changelist");
  CHECK(posts.handler == "blog.admin.PostAdmin.changelist_view");  // overridden in the tree
  CHECK(posts.handler_file == "blog/admin.py");
  CHECK(route_with_path(inv, "admin/blog/post/add/").endpoint == "admin:blog_post_add");
  CHECK(route_with_path(inv, "admin/blog/post/<path:object_id>/history/").handler ==
        "django.contrib.admin.options.ModelAdmin.history_view");
  CHECK(has_path(inv, "admin/blog/post/<path:object_id>/delete/"));
  CHECK(route_with_path(inv, "admin/blog/post/<path:object_id>/change/").endpoint ==
        "admin:blog_post_change");
  const Route& redirect = route_with_path(inv, "admin/blog/post/<path:object_id>/");
  CHECK(redirect.methods == Strings{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"});
  CHECK(redirect.endpoint.empty());
  // A list of models; Meta.app_label; an AppConfig's label.
  CHECK(has_path(inv, "admin/blog/tag/"));
  CHECK(has_path(inv, "admin/notes/note/"));
  CHECK_FALSE(has_path(inv, "admin/blog/base/"));  // abstract: never registered
  CHECK(has_path(inv, "admin/blog/link/"));        // registered in a loop
  CHECK(has_path(inv, "admin/blog/image/add/"));
  // The contrib auth app registers Group and User; blog unregisters Group,
  // shop registers User again, with UserAdmin's password form.
  CHECK_FALSE(has_path(inv, "admin/auth/group/"));
  CHECK(has_path(inv, "admin/auth/user/"));
  CHECK(route_with_path(inv, "admin/auth/user/<id>/password/").endpoint ==
        "admin:auth_user_password_change");
  // Registered under an `if`: conditional.
  const Route& order = route_with_path(inv, "admin/store/order/");
  CHECK(order.conditional);
  CHECK(order.condition == "settings.DEBUG");
  // The admin module of an app that is not installed never runs.
  CHECK_FALSE(has_path(inv, "admin/unused/thing/"));
  // The app index over the registered labels, and the catch-all.
  CHECK(route_with_path(inv, "admin/(?P<app_label>blog|notes|auth|store)/$").endpoint ==
        "admin:app_list");
  const Route& catch_all = route_with_path(inv, "admin/(?P<url>.*)$");
  CHECK(catch_all.endpoint.empty());
  CHECK(catch_all.path_template == "/admin/{url:path}");
  CHECK(admin_paths(inv).size() == 8 + 6 * 7 + 1 + 2);
}

TEST_CASE("a custom AdminSite: its name, its registry, final_catch_all_view", "[unit][django]") {
  const Inventory inv = project(R"(from django.urls import path
from blog.admin import site
urlpatterns = [path('manage/', site.urls)]
)",
                                {{"blog/__init__.py", ""},
                                 {"blog/models.py", R"(from django.db import models
class Post(models.Model):
    pass
class Draft(models.Model):
    pass
)"},
                                 {"blog/admin.py", R"(from django.contrib import admin
from django.contrib.admin import AdminSite
from .models import Post, Draft

class BlogSite(AdminSite):
    final_catch_all_view = False

site = BlogSite(name='blogadmin')
site.register(Post)

@admin.register(Draft, site=site)
class DraftAdmin(admin.ModelAdmin):
    pass

admin.site.register(Post)
)"}},
                                R"(ROOT_URLCONF = 'proj.urls'
INSTALLED_APPS = ['django.contrib.admin', 'blog']
)");
  INFO(testing::describe_routes(inv));
  CHECK(route_with_path(inv, "manage/").endpoint == "blogadmin:index");
  CHECK(route_with_path(inv, "manage/blog/post/").endpoint == "blogadmin:blog_post_changelist");
  CHECK(has_path(inv, "manage/blog/draft/add/"));
  CHECK(has_path(inv, "manage/(?P<app_label>blog)/$"));
  CHECK_FALSE(has_path(inv, "manage/(?P<url>.*)$"));  // final_catch_all_view = False
  CHECK(admin_paths(inv).size() == 8 + 6 * 2 + 1);
}

TEST_CASE("ModelAdmin classes of other packages and get_urls overrides", "[unit][django]") {
  const Inventory inv = project(kAdminUrls, {{"blog/__init__.py", ""},
                                             {"blog/models.py", R"(from django.db import models
class Post(models.Model):
    pass
class Page(models.Model):
    pass
class Old(models.Model):
    pass
)"},
                                             {"blog/admin.py", R"(from django.contrib import admin
from django.urls import path
from import_export.admin import ImportExportModelAdmin
from .models import Post, Page, Old

class PostAdmin(ImportExportModelAdmin):
    pass

class PageAdmin(admin.ModelAdmin):
    def get_urls(self):
        urls = super().get_urls()
        return [path('preview/', self.preview)] + urls

class OldAdmin(admin.ModelAdmin):
    def get_urls(self):
        return [path('', self.legacy)]

admin.site.register(Post, PostAdmin)
admin.site.register(Page, PageAdmin)
admin.site.register(Old, OldAdmin)
)"}});
  INFO(testing::describe_routes(inv));
  CHECK(route_with_path(inv, "admin/blog/post/import/").endpoint == "admin:blog_post_import");
  CHECK(has_path(inv, "admin/blog/post/process_import/"));
  CHECK(has_path(inv, "admin/blog/post/export/"));
  CHECK(has_path(inv, "admin/blog/post/add/"));
  // Extends ModelAdmin's URLs: those are listed (its own are not read).
  CHECK(has_path(inv, "admin/blog/page/add/"));
  // Replaces them: nothing is listed for it, and a note says why.
  CHECK_FALSE(has_path(inv, "admin/blog/old/"));
  CHECK(testing::has_diagnostic(inv.diagnostics, "blog/admin.py", 14, "admin-urls"));
}

TEST_CASE("without INSTALLED_APPS every registration counts; auth.User swapped out",
          "[unit][django]") {
  const Inventory inv = project(kAdminUrls,
                                {{"accounts/__init__.py", ""},
                                 {"accounts/models.py", R"(from django.db import models
class User(models.Model):
    pass
)"},
                                 {"accounts/admin.py", R"(from django.contrib import admin
from django.contrib.auth.models import User as AuthUser
from .models import User
admin.site.register(User)
admin.site.register(AuthUser)
)"}},
                                R"(ROOT_URLCONF = 'proj.urls'
AUTH_USER_MODEL = 'accounts.User'
)");
  INFO(testing::describe_routes(inv));
  CHECK(has_path(inv, "admin/accounts/user/"));
  CHECK_FALSE(has_path(inv, "admin/auth/user/"));
}

}  // namespace
}  // namespace cutover
