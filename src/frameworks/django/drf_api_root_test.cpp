// The view at a DefaultRouter's API root: DRF's APIRootView, a custom one
// set on the router or its class, or one a get_api_root_view override defines.

#include "frameworks/django/drf_api_root.h"

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

Inventory django_project(const char* urls, std::vector<PythonFile> more) {
  more.insert(more.begin(), PythonFile{"app/__init__.py", ""});
  return link_python(testing::django_project_files(urls, std::move(more)));
}

constexpr const char* kViews = R"(from rest_framework import viewsets
from rest_framework.routers import APIRootView

class ItemViewSet(viewsets.ModelViewSet):
    pass

class ItemsRoot(APIRootView):
    def get_view_name(self):
        return 'Items'
)";

TEST_CASE("the API root: DRF's view, or router.APIRootView = View", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import include, path
from rest_framework.routers import DefaultRouter
from app import views

plain = DefaultRouter()
plain.register('a', views.ItemViewSet, basename='a')
custom = DefaultRouter()
custom.APIRootView = views.ItemsRoot
custom.register('b', views.ItemViewSet, basename='b')
urlpatterns = [path('plain/', include(plain.urls)), path('custom/', include(custom.urls))]
)",
                                       {{"app/views.py", kViews}});
  const Route& plain = route_with_path(inv, "plain/$");
  CHECK(plain.handler == "rest_framework.routers.APIRootView");
  CHECK(plain.handler_file.empty());
  CHECK(plain.methods == Strings{"GET"});
  const Route& custom = route_with_path(inv, "custom/$");
  CHECK(custom.endpoint == "api-root");
  CHECK(custom.handler == "app.views.ItemsRoot");
  CHECK(custom.handler_file == "app/views.py");
  CHECK(custom.handler_line == 7);
  CHECK(custom.methods == Strings{"GET"});
}

TEST_CASE("the API root: a router class's APIRootView, or a view its get_api_root_view defines",
          "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import include, path
from app.routers import ItemsRouter, LegacyRouter
from app import views

items = ItemsRouter()
items.register('a', views.ItemViewSet, basename='a')
legacy = LegacyRouter()
legacy.register('b', views.ItemViewSet, basename='b')
urlpatterns = [path('items/', include(items.urls)), path('legacy/', include(legacy.urls))]
)",
                                       {{"app/views.py", kViews}, {"app/routers.py", R"(
from rest_framework import views
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from app.views import ItemsRoot

class ItemsRouter(DefaultRouter):
    APIRootView = ItemsRoot

class LegacyRouter(DefaultRouter):
    def get_api_root_view(self):
        class APIRoot(views.APIView):
            def get(self, request, format=None):
                return Response({})

        return APIRoot.as_view()
)"}});
  const Route& items = route_with_path(inv, "items/$");
  CHECK(items.handler == "app.views.ItemsRoot");
  CHECK(items.handler_line == 7);
  const Route& legacy = route_with_path(inv, "legacy/$");
  CHECK(legacy.handler == "app.routers.LegacyRouter.get_api_root_view.APIRoot");
  CHECK(legacy.handler_file == "app/routers.py");
  CHECK(legacy.handler_line == 12);
  CHECK(legacy.methods == Strings{"GET"});
}

}  // namespace
}  // namespace cutover
