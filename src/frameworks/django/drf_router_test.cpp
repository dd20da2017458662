// DRF routers expanded into the URL patterns SimpleRouter.get_urls() and
// DefaultRouter generate (checked against DRF 3.14's router.urls).

#include "frameworks/django/drf_router.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::link_python;
using testing::LinkedTree;
using testing::PythonFile;
using testing::route_paths;
using testing::route_with_path;
using Strings = std::vector<std::string>;

// The project of django_project_files, with an app/ package, plus `more`.
Inventory django_project(const char* urls, std::vector<PythonFile> more) {
  more.insert(more.begin(), PythonFile{"app/__init__.py", ""});
  return link_python(testing::django_project_files(urls, std::move(more)));
}

constexpr const char* kUserViewSet = R"(from django.contrib.auth.models import User
from rest_framework import viewsets
from rest_framework.decorators import action

class UserViewSet(viewsets.ModelViewSet):
    queryset = User.objects.all()

    @action(detail=True, methods=['post'], url_path='set-password', url_name='set_password')
    def set_password(self, request, pk=None):
        pass

    @action(detail=False)
    def recent_users(self, request):
        pass
)";

// Django tries patterns in order, so `users/recent_users/` must come before the
// detail route that would take "recent_users" as a pk. DRF's SimpleRouter.routes:
// list, list-level actions (by method name), detail, detail-level actions.
TEST_CASE("router patterns in the order Django tries them", "[unit][django]") {
  Inventory inv = django_project(R"(from django.urls import path, include
from rest_framework.routers import SimpleRouter
from app.views import UserViewSet

router = SimpleRouter()
router.register('users', UserViewSet)
urlpatterns = [path('api/', include(router.urls))]
)",
                                 {{"app/views.py", std::string(kUserViewSet) + R"(
    @action(detail=False)
    def archived(self, request):
        pass
)"}});
  std::sort(inv.routes.begin(), inv.routes.end(),
            [](const Route& a, const Route& b) { return a.declared < b.declared; });
  CHECK(route_paths(inv) == Strings{"api/users/$", "api/users/archived/$",
                                    "api/users/recent_users/$", "api/users/(?P<pk>[^/.]+)/$",
                                    "api/users/(?P<pk>[^/.]+)/set-password/$"});
}

TEST_CASE("DefaultRouter with a ModelViewSet under path('api/', include(router.urls))",
          "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path, include
from rest_framework.routers import DefaultRouter
from app.views import UserViewSet

router = DefaultRouter()
router.register('users', UserViewSet)

urlpatterns = [path('api/', include(router.urls))]
)",
                                       {{"app/views.py", kUserViewSet}});
  CHECK(route_paths(inv) == Strings{"api/$", "api/users/$", "api/users/(?P<pk>[^/.]+)/$",
                                    "api/users/(?P<pk>[^/.]+)/set-password/$",
                                    "api/users/recent_users/$"});
  const Route& root = route_with_path(inv, "api/$");
  CHECK(root.endpoint == "api-root");
  CHECK(root.methods == Strings{"GET"});
  CHECK(root.path_template == "/api/");
  const Route& list = route_with_path(inv, "api/users/$");
  CHECK(list.endpoint == "user-list");
  CHECK(list.methods == Strings{"GET", "POST"});
  CHECK(list.handler == "app.views.UserViewSet");
  CHECK(list.path_template == "/api/users/");
  CHECK(list.framework == "django");
  CHECK(list.file == "proj/urls.py");
  CHECK(list.line == 6);  // the register() call
  CHECK_FALSE(list.partial);
  const Route& detail = route_with_path(inv, "api/users/(?P<pk>[^/.]+)/$");
  CHECK(detail.endpoint == "user-detail");
  CHECK(detail.methods == Strings{"DELETE", "GET", "PATCH", "PUT"});
  CHECK(detail.path_template == "/api/users/{pk}/");
  REQUIRE(detail.params.size() == 1);
  CHECK(detail.params[0].name == "pk");
  CHECK(detail.params[0].type == "str");
  const Route& set_password = route_with_path(inv, "api/users/(?P<pk>[^/.]+)/set-password/$");
  CHECK(set_password.endpoint == "user-set_password");
  CHECK(set_password.methods == Strings{"POST"});
  CHECK(set_password.path_template == "/api/users/{pk}/set-password/");
  const Route& recent = route_with_path(inv, "api/users/recent_users/$");
  CHECK(recent.endpoint == "user-recent-users");
  CHECK(recent.methods == Strings{"GET"});
}

TEST_CASE("urlpatterns += router.urls with SimpleRouter(trailing_slash=False)", "[unit][django]") {
  const Inventory inv = django_project(R"(from rest_framework import routers
from app.views import TagViewSet

router = routers.SimpleRouter(trailing_slash=False)
router.register(r'tags', TagViewSet, basename='tag')

urlpatterns = []
urlpatterns += router.urls
)",
                                       {{"app/views.py", R"(from rest_framework import viewsets

class TagViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = 'slug'
)"}});
  CHECK(route_paths(inv) == Strings{"^tags$", "^tags/(?P<slug>[^/.]+)$"});
  const Route& list = route_with_path(inv, "^tags$");
  CHECK(list.endpoint == "tag-list");
  CHECK(list.methods == Strings{"GET"});
  CHECK(list.path_template == "/tags");
  const Route& detail = route_with_path(inv, "^tags/(?P<slug>[^/.]+)$");
  CHECK(detail.endpoint == "tag-detail");
  CHECK(detail.methods == Strings{"GET"});
  CHECK(detail.path_template == "/tags/{slug}");
}

TEST_CASE("GenericViewSet with list and retrieve mixins; lookup_value_regex", "[unit][django]") {
  const Inventory inv = django_project(R"(from rest_framework.routers import SimpleRouter
from app.views import GadgetViewSet

router = SimpleRouter()
router.register('gadgets', GadgetViewSet, basename='gadget')
urlpatterns = [] + router.urls
)",
                                       {{"app/views.py", R"(from rest_framework import mixins
from rest_framework.viewsets import GenericViewSet

class GadgetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, GenericViewSet):
    lookup_value_regex = '[0-9]+'
)"}});
  CHECK(route_paths(inv) == Strings{"^gadgets/$", "^gadgets/(?P<pk>[0-9]+)/$"});
  CHECK(route_with_path(inv, "^gadgets/$").methods == Strings{"GET"});
  const Route& detail = route_with_path(inv, "^gadgets/(?P<pk>[0-9]+)/$");
  CHECK(detail.methods == Strings{"GET"});
  CHECK(detail.endpoint == "gadget-detail");
  REQUIRE(detail.params.size() == 1);
  CHECK(detail.params[0].type == "int");
}

TEST_CASE("a router subclass that maps DELETE on the list route to bulk_destroy",
          "[unit][django]") {
  const Inventory inv =
      django_project(R"(from django.urls import include, path
from app.routers import BulkRouter
from app.views import ItemViewSet, NoteViewSet

router = BulkRouter()
router.register('items', ItemViewSet, basename='item')
router.register('notes', NoteViewSet, basename='note')
urlpatterns = [path('', include(router.urls))]
)",
                     {{"app/routers.py", R"(from rest_framework.routers import DefaultRouter

class BulkRouter(DefaultRouter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.routes[0].mapping.update({'delete': 'bulk_destroy'})
)"},
                      {"app/views.py", R"(from rest_framework import viewsets

class ItemViewSet(viewsets.ModelViewSet):
    def bulk_destroy(self, request):
        pass

class NoteViewSet(viewsets.ModelViewSet):
    pass
)"}});
  // DefaultRouter's API root, then list and detail for each viewset.
  REQUIRE(inv.routes.size() == 5);
  const Route& items = route_with_path(inv, "^items/$");
  CHECK(items.methods == Strings{"DELETE", "GET", "POST"});
  CHECK(items.endpoint == "item-list");
  CHECK(route_with_path(inv, "^items/(?P<pk>[^/.]+)/$").methods ==
        Strings{"DELETE", "GET", "PATCH", "PUT"});
  // a viewset without bulk_destroy gets no DELETE on its list route
  CHECK(route_with_path(inv, "^notes/$").methods == Strings{"GET", "POST"});
  CHECK(route_with_path(inv, "^$").endpoint == "api-root");
}

TEST_CASE("a router defined in one module and registered in another", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import include, path
urlpatterns = [path('v1/', include('app.urls'))]
)",
                                       {{"app/routers.py", R"(from rest_framework import routers
router = routers.DefaultRouter()
)"},
                                        {"app/urls.py", R"(from app.routers import router
from app import views
router.register('accounts', views.UserViewSet)
app_name = 'api'
urlpatterns = router.urls
)"},
                                        {"app/views.py", kUserViewSet}});
  const Route& list = route_with_path(inv, "v1/accounts/$");
  CHECK(list.endpoint == "api:user-list");  // basename from the queryset's model
  CHECK(list.methods == Strings{"GET", "POST"});
  CHECK(list.file == "app/urls.py");
  CHECK(list.line == 3);
  CHECK(route_with_path(inv, "v1/$").endpoint == "api:api-root");
  CHECK(route_with_path(inv, "v1/accounts/(?P<pk>[^/.]+)/set-password/$").endpoint ==
        "api:user-set_password");
}

TEST_CASE("the default basename is the queryset model's name", "[unit][django]") {
  // DRF: queryset.model._meta.object_name.lower(), however the model is reached.
  const Inventory inv = django_project(R"(from rest_framework.routers import SimpleRouter
from app.views import ArticleViewSet
router = SimpleRouter()
router.register('articles', ArticleViewSet)
urlpatterns = router.urls
)",
                                       {{"app/models.py", "class Article:\n    pass\n"},
                                        {"app/views.py", R"(from rest_framework import viewsets
from app import models

class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = models.Article.objects.filter(published=True)
)"}});
  REQUIRE(inv.routes.size() == 2);
  CHECK(route_with_path(inv, "^articles/$").endpoint == "article-list");
  CHECK(route_with_path(inv, "^articles/(?P<pk>[^/.]+)/$").endpoint == "article-detail");
}

TEST_CASE("DrfRouters called directly", "[unit][django]") {
  LinkedTree tree({{"app/__init__.py", ""},
                   {"app/views.py", kUserViewSet},
                   {"app/urls.py", R"(from rest_framework.routers import SimpleRouter
from app.views import UserViewSet
router = SimpleRouter()
router.register('people', UserViewSet, 'person')
other = object()
)"}});
  const DrfRouters routers(tree.names(), find_class_constructions(tree.names()));
  const std::size_t urls = tree.file("app/urls.py");
  CHECK_FALSE(routers.patterns(urls, "", "other").has_value());
  const auto patterns = routers.patterns(urls, "", "router");
  REQUIRE(patterns.has_value());
  Strings names;
  for (const RouterPattern& p : *patterns) {
    names.push_back(p.name + " " + p.regex);
    CHECK_FALSE(p.api_root);
    CHECK(p.handler == "app.views.UserViewSet");
    CHECK(p.line == 4);
  }
  std::sort(names.begin(), names.end());
  CHECK(names == Strings{"person-detail ^people/(?P<pk>[^/.]+)/$", "person-list ^people/$",
                         "person-recent-users ^people/recent_users/$",
                         "person-set_password ^people/(?P<pk>[^/.]+)/set-password/$"});
}

}  // namespace
}  // namespace cutover
