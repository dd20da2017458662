// What Django and DRF views serve: methods from decorators, class handlers
// through inheritance and generic views, guards, ViewSet.as_view mappings.

#include "frameworks/django/django_views.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::diagnostics_with_code;
using testing::link_python;
using testing::LinkedTree;
using testing::PythonFile;
using testing::route_with_path;
using Strings = std::vector<std::string>;

Inventory django_project(const char* urls, std::vector<PythonFile> more) {
  return link_python(testing::django_project_files(urls, std::move(more)));
}

TEST_CASE("function views: ANY unless a decorator restricts them", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from app import views
urlpatterns = [
    path('any/', views.anything, name='any'),
    path('post/', views.only_post),
    path('get/', views.only_get),
    path('safe/', views.safe),
    path('some/', views.some),
    path('api/', views.api),
    path('bare/', views.bare_api),
]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", R"(
from django.views.decorators.http import require_POST, require_GET, require_safe
from django.views.decorators.http import require_http_methods
from rest_framework.decorators import api_view

def anything(request):
    pass

@require_POST
def only_post(request):
    pass

@require_GET
def only_get(request):
    pass

@require_safe
def safe(request):
    pass

@require_http_methods(["PUT", "get"])
def some(request):
    pass

@api_view(['GET', 'POST'])
def api(request):
    pass

@api_view
def bare_api(request):
    pass
)"}});
  REQUIRE(inv.routes.size() == 7);
  const Route& any = route_with_path(inv, "any/");
  CHECK(any.framework == "django");
  CHECK(any.methods == Strings{"ANY"});
  CHECK(any.handler == "app.views.anything");
  CHECK(any.endpoint == "any");
  CHECK(any.path_template == "/any/");
  CHECK(any.line == 4);
  CHECK(any.file == "proj/urls.py");
  CHECK_FALSE(any.partial);
  CHECK(route_with_path(inv, "post/").methods == Strings{"POST"});
  CHECK(route_with_path(inv, "get/").methods == Strings{"GET"});
  CHECK(route_with_path(inv, "safe/").methods == Strings{"GET", "HEAD"});
  CHECK(route_with_path(inv, "some/").methods == Strings{"GET", "PUT"});
  CHECK(route_with_path(inv, "api/").methods == Strings{"GET", "POST"});
  CHECK(route_with_path(inv, "bare/").methods == Strings{"GET"});
}

TEST_CASE("function views: auth and CSRF decorators are guards", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from app.views import account, edit, hook
urlpatterns = [path('account/', account), path('edit/', edit), path('hook/', hook)]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", R"(
from django.contrib.auth.decorators import login_required, permission_required
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

@login_required
def account(request):
    pass

@login_required
@permission_required('blog.change_post')
def edit(request):
    pass

@csrf_exempt
@require_POST
def hook(request):
    pass
)"}});
  REQUIRE(inv.routes.size() == 3);
  const Route& account = route_with_path(inv, "account/");
  CHECK(account.guards == Strings{"login_required"});
  CHECK(account.methods == Strings{"ANY"});
  CHECK(route_with_path(inv, "edit/").guards == Strings{"login_required", "permission_required"});
  const Route& hook = route_with_path(inv, "hook/");
  CHECK(hook.guards == Strings{"csrf_exempt"});
  CHECK(hook.methods == Strings{"POST"});
}

constexpr const char* kTreeViews = R"(
from django.views import View
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.decorators import login_required
from django.utils.decorators import method_decorator

class Base(View):
    def get(self, request):
        pass

class Child(Base):
    def post(self, request):
        pass

class ReadOnly(Child):
    http_method_names = ['get', 'head']

class Private(LoginRequiredMixin, Child):
    pass

@method_decorator(login_required, name='dispatch')
class Decorated(Base):
    pass
)";

TEST_CASE("class views: own handlers through the tree's inheritance", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from app.views import Child, ReadOnly, Private, Decorated
urlpatterns = [
    path('child/', Child.as_view()),
    path('ro/', ReadOnly.as_view()),
    path('kw/', Child.as_view(http_method_names=['post'])),
    path('private/', Private.as_view()),
    path('decorated/', Decorated.as_view()),
]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", kTreeViews}});
  REQUIRE(inv.routes.size() == 5);
  const Route& child = route_with_path(inv, "child/");
  CHECK(child.methods == Strings{"GET", "POST"});
  CHECK(child.handler == "app.views.Child");
  CHECK(child.guards.empty());
  CHECK(route_with_path(inv, "ro/").methods == Strings{"GET"});
  CHECK(route_with_path(inv, "kw/").methods == Strings{"POST"});
  const Route& priv = route_with_path(inv, "private/");
  CHECK(priv.methods == Strings{"GET", "POST"});
  CHECK(priv.guards == Strings{"LoginRequiredMixin"});
  const Route& decorated = route_with_path(inv, "decorated/");
  CHECK(decorated.methods == Strings{"GET"});
  CHECK(decorated.guards == Strings{"login_required"});
}

TEST_CASE("class_view and viewset_actions called directly", "[unit][django]") {
  LinkedTree tree({{"app/__init__.py", ""}, {"app/views.py", kTreeViews}, {"app/api.py", R"(
from rest_framework import viewsets, mixins

class Things(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    def archive(self, request, pk=None):
        pass
)"}});
  const ClassView priv = class_view(tree.names(), tree.file("app/views.py"), "", "Private");
  CHECK(priv.methods == Strings{"GET", "POST"});
  CHECK(priv.guards == Strings{"LoginRequiredMixin"});
  CHECK(priv.unknown_base.empty());
  CHECK(class_view(tree.names(), tree.file("app/views.py"), "", "ReadOnly").methods ==
        Strings{"GET"});
  CHECK(viewset_actions(tree.names(), tree.file("app/api.py"), "", "Things") ==
        Strings{"archive", "destroy", "list"});
}

TEST_CASE("DRF generic views and ViewSet.as_view mappings", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from app import api
urlpatterns = [
    path('items/', api.ItemList.as_view(), name='item-list'),
    path('items/<int:pk>/', api.ItemDetail.as_view()),
    path('things/', api.ThingViewSet.as_view({'get': 'list', 'post': 'create'})),
    path('own/', api.Own.as_view()),
]
)",
                                       {{"app/__init__.py", ""}, {"app/api.py", R"(
from rest_framework import generics, viewsets
from rest_framework.views import APIView
from rest_framework.permissions import IsAuthenticated

class ItemList(generics.ListCreateAPIView):
    pass

class ItemDetail(generics.RetrieveUpdateDestroyAPIView):
    pass

class ThingViewSet(viewsets.ModelViewSet):
    pass

class Own(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        pass

    def delete(self, request):
        pass
)"}});
  REQUIRE(inv.routes.size() == 4);
  const Route& items = route_with_path(inv, "items/");
  CHECK(items.methods == Strings{"GET", "POST"});
  CHECK(items.handler == "app.api.ItemList");
  CHECK(items.endpoint == "item-list");
  const Route& detail = route_with_path(inv, "items/<int:pk>/");
  CHECK(detail.methods == Strings{"DELETE", "GET", "PATCH", "PUT"});
  CHECK(detail.path_template == "/items/{pk}/");
  REQUIRE(detail.params.size() == 1);
  CHECK(detail.params[0].type == "int");
  const Route& things = route_with_path(inv, "things/");
  CHECK(things.methods == Strings{"GET", "POST"});
  CHECK(things.handler == "app.api.ThingViewSet");
  CHECK(route_with_path(inv, "own/").methods == Strings{"DELETE", "GET"});
}

TEST_CASE("a project decorator called with HTTP methods restricts the view", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from app.views import shared, tagged
urlpatterns = [path('shared/', shared), path('tagged/', tagged)]
)",
                                       {{"app/__init__.py", ""},
                                        {"app/views.py", R"(
from app.decorators import cors, tag

@cors("GET", "POST")
def shared(request):
    pass

@tag("x")
def tagged(request):
    pass
)"},
                                        {"app/decorators.py", R"(
def cors(*methods):
    def wrap(f):
        return f
    return wrap

def tag(name):
    def wrap(f):
        return f
    return wrap
)"}});
  REQUIRE(inv.routes.size() == 2);
  CHECK(route_with_path(inv, "shared/").methods == Strings{"GET", "POST"});
  CHECK(route_with_path(inv, "tagged/").methods == Strings{"ANY"});
  const std::vector<Diagnostic> notes = diagnostics_with_code(inv.diagnostics, "method-decorator");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].file == "app/views.py");
  CHECK(notes[0].line == 4);
  CHECK(notes[0].severity == Severity::kInfo);
}

TEST_CASE("a view wrapped in decorator calls is still the view", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.contrib.auth.decorators import login_required
from django.contrib.auth.decorators import permission_required
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie
from django.views.generic import TemplateView
from decorator_include import decorator_include
from rest_framework.authtoken.views import obtain_auth_token
from app import views
urlpatterns = [
    path('add/', login_required(views.ItemCreate.as_view())),
    path('remove/', views.Remove().as_view()),
    path('gen/', csrf_exempt(views.Remove().as_view())),
    path('gen2/', never_cache(csrf_exempt(views.Remove.as_view()))),
    path('perm/', permission_required('app.add')(views.ItemCreate.as_view())),
    path('page/', ensure_csrf_cookie(TemplateView.as_view(template_name='x.html'))),
    path('fn/', login_required(views.index)),
    path('preview/', login_required(views.Preview(views.ItemForm))),
    path('token/', csrf_exempt(obtain_auth_token)),
    path('inc/', decorator_include(login_required, 'app.urls')),
]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", R"(
from django.views.generic import CreateView
from rest_framework.views import APIView

class ItemCreate(CreateView):
    fields = ["name"]

class Remove(APIView):
    def post(self, request):
        pass

def index(request):
    pass

class Preview:
    def __init__(self, form):
        pass
)"}});
  REQUIRE(inv.routes.size() == 10);
  const Route& add = route_with_path(inv, "add/");
  CHECK(add.methods == Strings{"GET", "POST", "PUT"});
  CHECK(add.handler == "app.views.ItemCreate");
  CHECK(add.handler_file == "app/views.py");
  CHECK(add.handler_line == 5);
  CHECK(add.guards == Strings{"login_required"});
  CHECK_FALSE(add.partial);
  const Route& remove = route_with_path(inv, "remove/");
  CHECK(remove.methods == Strings{"POST"});
  CHECK(remove.handler == "app.views.Remove");
  CHECK(route_with_path(inv, "gen/").methods == Strings{"POST"});
  const Route& gen2 = route_with_path(inv, "gen2/");
  CHECK(gen2.methods == Strings{"POST"});
  CHECK(gen2.guards == Strings{"never_cache", "csrf_exempt"});
  const Route& perm = route_with_path(inv, "perm/");
  CHECK(perm.methods == Strings{"GET", "POST", "PUT"});
  CHECK(perm.guards == Strings{"permission_required"});
  const Route& page = route_with_path(inv, "page/");
  CHECK(page.methods == Strings{"GET"});
  CHECK(page.handler == "django.views.generic.TemplateView");
  const Route& fn = route_with_path(inv, "fn/");
  CHECK(fn.methods == Strings{"ANY"});
  CHECK(fn.handler == "app.views.index");
  // An instance of a class of the tree is a view too: its class is the handler.
  const Route& preview = route_with_path(inv, "preview/");
  CHECK(preview.methods == Strings{"ANY"});
  CHECK(preview.handler == "app.views.Preview");
  CHECK(preview.handler_line == 15);
  CHECK(preview.guards == Strings{"login_required"});
  CHECK_FALSE(preview.partial);
  // A view decorator around another package's view function.
  const Route& token = route_with_path(inv, "token/");
  CHECK(token.handler == "rest_framework.authtoken.views.obtain_auth_token");
  CHECK(token.guards == Strings{"csrf_exempt"});
  // Not a view decorator, and its argument is no view: left as written.
  const Route& inc = route_with_path(inv, "inc/");
  CHECK(inc.partial);
  CHECK(inc.methods == Strings{"ANY"});
}

TEST_CASE("views that are not in the tree", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from django.contrib.flatpages import views as flat
urlpatterns = [path('page/', flat.flatpage), path('gone/', missing_view)]
)",
                                       {});
  REQUIRE(inv.routes.size() == 2);
  const Route& page = route_with_path(inv, "page/");
  CHECK(page.handler == "django.contrib.flatpages.views.flatpage");
  CHECK(page.methods == Strings{"ANY"});
  CHECK_FALSE(page.partial);
  const Route& gone = route_with_path(inv, "gone/");
  CHECK(gone.partial);
  CHECK(gone.unresolved == "view missing_view");
  CHECK(gone.methods == Strings{"ANY"});
  CHECK(testing::has_diagnostic(inv.diagnostics, "proj/urls.py", 3, "partial-route"));
}

}  // namespace
}  // namespace cutover
