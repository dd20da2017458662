#include "frameworks/django/django_view_table.h"

#include <algorithm>
#include <string>

namespace cutover {
namespace {

using Views = std::vector<KnownViewClass>;

// Django 3.2 and packages built on its views (checked against the classes'
// MRO). Mixins without handlers are left out: a base whose name ends in
// "Mixin" never counts as an unknown view.
const Views& django_views() {
  static const Views table = {
      {"django.views.generic.base.View", {}, {}},
      {"django.views.generic.base.TemplateView", {"get"}, {}},
      {"django.views.generic.base.RedirectView",
       {"get", "head", "post", "options", "delete", "put", "patch"},
       {}},
      {"django.views.generic.dates.ArchiveIndexView", {"get"}, {}},
      {"django.views.generic.dates.BaseArchiveIndexView", {"get"}, {}},
      {"django.views.generic.dates.BaseDateDetailView", {"get"}, {}},
      {"django.views.generic.dates.BaseDateListView", {"get"}, {}},
      {"django.views.generic.dates.BaseDayArchiveView", {"get"}, {}},
      {"django.views.generic.dates.BaseMonthArchiveView", {"get"}, {}},
      {"django.views.generic.dates.BaseTodayArchiveView", {"get"}, {}},
      {"django.views.generic.dates.BaseWeekArchiveView", {"get"}, {}},
      {"django.views.generic.dates.BaseYearArchiveView", {"get"}, {}},
      {"django.views.generic.dates.DateDetailView", {"get"}, {}},
      {"django.views.generic.dates.DayArchiveView", {"get"}, {}},
      {"django.views.generic.dates.MonthArchiveView", {"get"}, {}},
      {"django.views.generic.dates.TodayArchiveView", {"get"}, {}},
      {"django.views.generic.dates.WeekArchiveView", {"get"}, {}},
      {"django.views.generic.dates.YearArchiveView", {"get"}, {}},
      {"django.views.generic.detail.BaseDetailView", {"get"}, {}},
      {"django.views.generic.detail.DetailView", {"get"}, {}},
      {"django.views.generic.edit.BaseCreateView", {"get", "post", "put"}, {}},
      {"django.views.generic.edit.BaseDeleteView", {"get", "post", "delete"}, {}},
      {"django.views.generic.edit.BaseFormView", {"get", "post", "put"}, {}},
      {"django.views.generic.edit.BaseUpdateView", {"get", "post", "put"}, {}},
      {"django.views.generic.edit.CreateView", {"get", "post", "put"}, {}},
      {"django.views.generic.edit.DeleteView", {"get", "post", "delete"}, {}},
      {"django.views.generic.edit.DeletionMixin", {"post", "delete"}, {}},
      {"django.views.generic.edit.FormView", {"get", "post", "put"}, {}},
      {"django.views.generic.edit.ProcessFormView", {"get", "post", "put"}, {}},
      {"django.views.generic.edit.UpdateView", {"get", "post", "put"}, {}},
      {"django.views.generic.list.BaseListView", {"get"}, {}},
      {"django.views.generic.list.ListView", {"get"}, {}},
      {"django.contrib.auth.views.LoginView", {"get", "post", "put"}, {}},
      {"django.contrib.auth.views.LogoutView", {"get", "post"}, {}},  // TemplateView + post
      {"django.contrib.auth.views.PasswordChangeView", {"get", "post", "put"}, {}},
      {"django.contrib.auth.views.PasswordChangeDoneView", {"get"}, {}},
      {"django.contrib.auth.views.PasswordResetView", {"get", "post", "put"}, {}},
      {"django.contrib.auth.views.PasswordResetDoneView", {"get"}, {}},
      {"django.contrib.auth.views.PasswordResetConfirmView", {"get", "post", "put"}, {}},
      {"django.contrib.auth.views.PasswordResetCompleteView", {"get"}, {}},
      {"django_filters.views.FilterView", {"get"}, {}},
  };
  return table;
}

// Django REST Framework 3.14 and packages built on it.
const Views& drf_views() {
  static const Views table = {
      {"rest_framework.views.APIView", {}, {}},
      {"rest_framework.generics.GenericAPIView", {}, {}},
      {"rest_framework.generics.CreateAPIView", {"post"}, {}},
      {"rest_framework.generics.ListAPIView", {"get"}, {}},
      {"rest_framework.generics.RetrieveAPIView", {"get"}, {}},
      {"rest_framework.generics.DestroyAPIView", {"delete"}, {}},
      {"rest_framework.generics.UpdateAPIView", {"put", "patch"}, {}},
      {"rest_framework.generics.ListCreateAPIView", {"get", "post"}, {}},
      {"rest_framework.generics.RetrieveUpdateAPIView", {"get", "put", "patch"}, {}},
      {"rest_framework.generics.RetrieveDestroyAPIView", {"get", "delete"}, {}},
      {"rest_framework.generics.RetrieveUpdateDestroyAPIView",
       {"get", "put", "patch", "delete"},
       {}},
      {"rest_framework.viewsets.ViewSet", {}, {}},
      {"rest_framework.viewsets.GenericViewSet", {}, {}},
      {"rest_framework.viewsets.ReadOnlyModelViewSet", {}, {"list", "retrieve"}},
      {"rest_framework.viewsets.ModelViewSet",
       {},
       {"list", "create", "retrieve", "update", "partial_update", "destroy"}},
      {"rest_framework.mixins.ListModelMixin", {}, {"list"}},
      {"rest_framework.mixins.CreateModelMixin", {}, {"create"}},
      {"rest_framework.mixins.RetrieveModelMixin", {}, {"retrieve"}},
      {"rest_framework.mixins.UpdateModelMixin", {}, {"update", "partial_update"}},
      {"rest_framework.mixins.DestroyModelMixin", {}, {"destroy"}},
      {"rest_framework.routers.APIRootView", {"get"}, {}},
      {"rest_framework.authtoken.views.ObtainAuthToken", {"post"}, {}},
      {"drf_spectacular.views.SpectacularAPIView", {"get"}, {}},
      {"drf_spectacular.views.SpectacularJSONAPIView", {"get"}, {}},
      {"drf_spectacular.views.SpectacularYAMLAPIView", {"get"}, {}},
      {"drf_spectacular.views.SpectacularSwaggerView", {"get"}, {}},
      {"drf_spectacular.views.SpectacularSwaggerSplitView", {"get"}, {}},
      {"drf_spectacular.views.SpectacularRedocView", {"get"}, {}},
  };
  return table;
}

// Packages that re-export classes defined in their submodules.
struct ReExport {
  std::string_view package;
  std::vector<std::string_view> from;
};
const std::vector<ReExport>& re_exports() {
  static const std::vector<ReExport> table = {
      {"django.views", {"django.views.generic.base"}},
      {"django.views.generic",
       {"django.views.generic.base", "django.views.generic.dates", "django.views.generic.detail",
        "django.views.generic.edit", "django.views.generic.list"}},
  };
  return table;
}

const KnownViewClass* find_exact(std::string_view origin) {
  for (const Views* table : {&django_views(), &drf_views()}) {
    const auto it = std::find_if(table->begin(), table->end(),
                                 [&](const KnownViewClass& c) { return c.origin == origin; });
    if (it != table->end()) return &*it;
  }
  return nullptr;
}

}  // namespace

const KnownViewClass* known_view_class(std::string_view dotted) {
  if (const KnownViewClass* found = find_exact(dotted)) return found;
  const std::size_t dot = dotted.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  const std::string_view package = dotted.substr(0, dot);
  const std::string_view name = dotted.substr(dot + 1);
  for (const ReExport& r : re_exports()) {
    if (r.package != package) continue;
    for (std::string_view module : r.from) {
      if (const KnownViewClass* found = find_exact(std::string(module) + "." + std::string(name)))
        return found;
    }
  }
  return nullptr;
}

}  // namespace cutover
