// The known-view tables: classes of Django and DRF found by their full
// dotted origin (re-exports included), and what is said of other packages'.

#include "frameworks/django/django_view_table.h"

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
  return link_python(testing::django_project_files(urls, std::move(more)));
}

TEST_CASE("known view classes by full origin and package re-export", "[unit][django]") {
  const KnownViewClass* update = known_view_class("django.views.generic.UpdateView");
  REQUIRE(update != nullptr);
  CHECK(update->origin == "django.views.generic.edit.UpdateView");
  CHECK(known_view_class("django.views.generic.edit.UpdateView") == update);
  const KnownViewClass* view = known_view_class("django.views.View");
  REQUIRE(view != nullptr);
  CHECK(view->handlers.empty());
  REQUIRE(known_view_class("rest_framework.generics.ListCreateAPIView") != nullptr);
  CHECK(known_view_class("rest_framework.viewsets.ModelViewSet")->actions.size() == 6);
  // Another package's class of the same name is not Django's.
  CHECK(known_view_class("sesame.views.LoginView") == nullptr);
  CHECK(known_view_class("LoginView") == nullptr);
  CHECK(known_view_class("django.views.generic.LoginView") == nullptr);
}

TEST_CASE("Django generic class views serve their handlers", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from django.views.generic import RedirectView
from django.contrib.auth import views as auth_views
from app import views
urlpatterns = [
    path('', views.Home.as_view()),
    path('contact/', views.Contact.as_view()),
    path('edit/', views.Edit.as_view()),
    path('delete/', views.Delete.as_view()),
    path('old/', RedirectView.as_view(url='/new/')),
    path('login/', auth_views.LoginView.as_view()),
    path('logout/', auth_views.LogoutView.as_view()),
]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", R"(
from django.views.generic import TemplateView, FormView
from django.views.generic.edit import UpdateView, DeleteView

class Home(TemplateView):
    template_name = 'home.html'

class Contact(FormView):
    pass

class Edit(UpdateView):
    pass

class Delete(DeleteView):
    pass
)"}});
  REQUIRE(inv.routes.size() == 7);
  const Route& home = route_with_path(inv, "");
  CHECK(home.methods == Strings{"GET"});
  CHECK(home.handler == "app.views.Home");
  CHECK(home.path_template == "/");
  CHECK(route_with_path(inv, "contact/").methods == Strings{"GET", "POST", "PUT"});
  CHECK(route_with_path(inv, "edit/").methods == Strings{"GET", "POST", "PUT"});
  CHECK(route_with_path(inv, "delete/").methods == Strings{"DELETE", "GET", "POST"});
  const Route& old = route_with_path(inv, "old/");
  CHECK(old.methods == Strings{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"});
  CHECK(old.handler == "django.views.generic.RedirectView");
  CHECK_FALSE(old.partial);
  const Route& login = route_with_path(inv, "login/");
  CHECK(login.handler == "django.contrib.auth.views.LoginView");
  CHECK(login.methods == Strings{"GET", "POST", "PUT"});
  // Django 3.2: LogoutView(SuccessURLAllowedHostsMixin, TemplateView) adds only post().
  CHECK(route_with_path(inv, "logout/").methods == Strings{"GET", "POST"});
}

TEST_CASE("a Django auth view missing from the known table still serves methods",
          "[unit][django]") {
  // Django 3.2: PasswordResetView(PasswordContextMixin, FormView) → get, post, put.
  const Inventory inv = django_project(R"(from django.urls import path
from django.contrib.auth import views as auth_views
urlpatterns = [path('reset/', auth_views.PasswordResetView.as_view())]
)",
                                       {});
  REQUIRE(inv.routes.size() == 1);
  const Route& reset = inv.routes[0];
  CHECK(reset.handler == "django.contrib.auth.views.PasswordResetView");
  CHECK(reset.methods == Strings{"GET", "POST", "PUT"});
}

TEST_CASE("a class named like the generic view it derives from", "[unit][django]") {
  // Python evaluates the bases before it binds the class name: the base is Django's.
  const Inventory inv = django_project(R"(from django.urls import path
from app import views
urlpatterns = [
    path('items/', views.ListView.as_view()),
    path('items/<int:pk>/edit', views.UpdateView.as_view()),
    path('items/<int:pk>/delete', views.DeleteView.as_view()),
]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", R"(
from django.views.generic import CreateView, DeleteView, ListView, UpdateView

class ListView(ListView):
    template_name = "items.html"

class UpdateView(UpdateView):
    fields = ["name"]

class DeleteView(DeleteView):
    success_url = "/"
)"}});
  REQUIRE(inv.routes.size() == 3);
  const Route& list = route_with_path(inv, "items/");
  CHECK(list.methods == Strings{"GET"});
  CHECK(list.handler == "app.views.ListView");
  CHECK_FALSE(list.partial);
  CHECK(route_with_path(inv, "items/<int:pk>/edit").methods == Strings{"GET", "POST", "PUT"});
  CHECK(route_with_path(inv, "items/<int:pk>/delete").methods == Strings{"DELETE", "GET", "POST"});
}

TEST_CASE("view classes of other packages: what the tree says, GET assumed", "[unit][django]") {
  const Inventory inv = django_project(R"(from django.urls import path
from extlib.views import LoginView, DisconnectView, WizardView
from app import views
urlpatterns = [
    path('email/login/', LoginView.as_view()),
    path('disconnect/', DisconnectView.as_view()),
    path('upload/', views.UploadView.as_view()),
    path('graphql/', views.Graph.as_view()),
    path('bare/', views.Bare.as_view()),
    path('settings/', views.Settings.as_view()),
]
)",
                                       {{"app/__init__.py", ""}, {"app/views.py", R"(
from django.views import View
from extlib.views import WizardView, GraphView

class UploadView(WizardView):
    def post(self, request, *a, **k):
        return super().post(request, *a, **k)

class Graph(GraphView):
    def dispatch(self, request, *a, **k):
        pass

class Bare(View):
    pass

class Settings(WizardView):
    def get(self, request):
        pass
)"}});
  REQUIRE(inv.routes.size() == 6);
  // extlib's LoginView is not django.contrib.auth's: its methods are unknown.
  const Route& login = route_with_path(inv, "email/login/");
  CHECK(login.methods == Strings{"GET"});
  CHECK(login.partial);
  CHECK(login.unresolved == "methods of extlib.views.LoginView (GET assumed)");
  // The tree's handlers plus the assumed GET of the unknown base.
  const Route& upload = route_with_path(inv, "upload/");
  CHECK(upload.methods == Strings{"GET", "POST"});
  CHECK(upload.partial);
  CHECK(upload.handler == "app.views.UploadView");
  // A tree class that serves GET itself on an unknown base: known, but maybe not all.
  const Route& settings = route_with_path(inv, "settings/");
  CHECK(settings.methods == Strings{"GET"});
  CHECK(settings.unresolved == "methods of extlib.views.WizardView beyond the tree's handlers");
  // dispatch() in the tree on an unknown base takes every method.
  const Route& graph = route_with_path(inv, "graphql/");
  CHECK(graph.methods == Strings{"ANY"});
  CHECK(graph.unresolved == "methods of extlib.views.GraphView (ANY assumed)");
  // A view with no handler at all never has an empty method list.
  const Route& bare = route_with_path(inv, "bare/");
  CHECK(bare.methods == Strings{"ANY"});
  CHECK_FALSE(bare.partial);
}

}  // namespace
}  // namespace cutover
