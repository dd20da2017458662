#include "frameworks/django/django_admin_table.h"

namespace cutover {
const std::vector<AdminUrl>& admin_site_urls() {
  static const std::vector<AdminUrl> table = {
      {"", false, "index", "django.contrib.admin.sites.AdminSite.index"},
      {"login/", false, "login", "django.contrib.admin.sites.AdminSite.login"},
      {"logout/", false, "logout", "django.contrib.admin.sites.AdminSite.logout"},
      {"password_change/", false, "password_change",
       "django.contrib.admin.sites.AdminSite.password_change"},
      {"password_change/done/", false, "password_change_done",
       "django.contrib.admin.sites.AdminSite.password_change_done"},
      {"autocomplete/", false, "autocomplete",
       "django.contrib.admin.sites.AdminSite.autocomplete_view"},
      {"jsi18n/", false, "jsi18n", "django.contrib.admin.sites.AdminSite.i18n_javascript"},
      {"r/<int:content_type_id>/<path:object_id>/", false, "view_on_site",
       "django.contrib.contenttypes.views.shortcut"},
  };
  return table;
}

const AdminUrl kAdminAppIndex = {"^(?P<app_label>", true, "app_list",
                                 "django.contrib.admin.sites.AdminSite.app_index"};
const AdminUrl kAdminCatchAll = {"(?P<url>.*)$", true, "",
                                 "django.contrib.admin.sites.AdminSite.catch_all_view"};

const std::vector<AdminUrl>& model_admin_urls() {
  static const std::vector<AdminUrl> table = {
      {"", false, "{}_changelist", "django.contrib.admin.options.ModelAdmin.changelist_view"},
      {"add/", false, "{}_add", "django.contrib.admin.options.ModelAdmin.add_view"},
      {"<path:object_id>/history/", false, "{}_history",
       "django.contrib.admin.options.ModelAdmin.history_view"},
      {"<path:object_id>/delete/", false, "{}_delete",
       "django.contrib.admin.options.ModelAdmin.delete_view"},
      {"<path:object_id>/change/", false, "{}_change",
       "django.contrib.admin.options.ModelAdmin.change_view"},
      // Kept for URLs of Django < 1.9: redirects to the change view.
      {"<path:object_id>/", false, "", "django.views.generic.base.RedirectView", true},
  };
  return table;
}

std::vector<AdminUrl> external_model_admin_urls(std::string_view origin) {
  static const AdminUrl kPassword = {"<id>/password/", false, "auth_user_password_change",
                                     "django.contrib.auth.admin.UserAdmin.user_change_password"};
  // django-import-export 3.x: ImportMixin, ExportMixin and their combinations.
  static const AdminUrl kProcessImport = {"process_import/", false, "{}_process_import",
                                          "import_export.admin.ImportMixin.process_import"};
  static const AdminUrl kImport = {"import/", false, "{}_import",
                                   "import_export.admin.ImportMixin.import_action"};
  static const AdminUrl kExport = {"export/", false, "{}_export",
                                   "import_export.admin.ExportMixin.export_action"};
  struct Entry {
    std::string_view origin;
    std::vector<AdminUrl> urls;
  };
  static const std::vector<Entry> table = {
      {"django.contrib.auth.admin.UserAdmin", {kPassword}},
      {"import_export.admin.ImportMixin", {kProcessImport, kImport}},
      {"import_export.admin.ExportMixin", {kExport}},
      {"import_export.admin.ExportActionMixin", {kExport}},
      {"import_export.admin.ExportActionModelAdmin", {kExport}},
      {"import_export.admin.ImportExportMixin", {kProcessImport, kImport, kExport}},
      {"import_export.admin.ImportExportModelAdmin", {kProcessImport, kImport, kExport}},
      {"import_export.admin.ImportExportActionModelAdmin", {kProcessImport, kImport, kExport}},
  };
  for (const Entry& e : table) {
    if (e.origin == origin) return e.urls;
  }
  return {};
}

const std::vector<ContribRegistration>& contrib_admin_registrations() {
  static const std::vector<ContribRegistration> table = {
      {"django.contrib.auth", "django.contrib.auth.models.Group",
       "django.contrib.auth.admin.GroupAdmin"},
      {"django.contrib.auth", "django.contrib.auth.models.User",
       "django.contrib.auth.admin.UserAdmin"},
      {"django.contrib.sites", "django.contrib.sites.models.Site",
       "django.contrib.sites.admin.SiteAdmin"},
      {"django.contrib.flatpages", "django.contrib.flatpages.models.FlatPage",
       "django.contrib.flatpages.admin.FlatPageAdmin"},
      {"django.contrib.redirects", "django.contrib.redirects.models.Redirect",
       "django.contrib.redirects.admin.RedirectAdmin"},
  };
  return table;
}

}  // namespace cutover
