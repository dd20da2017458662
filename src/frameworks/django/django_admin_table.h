#pragma once
// django.contrib.admin's URLs as data (Django 3.2's AdminSite.get_urls and
// ModelAdmin.get_urls), the URLs some ModelAdmin classes of other packages
// add, and the models Django's own contrib apps register with the admin.

#include <string_view>
#include <vector>

namespace cutover {

struct AdminUrl {
  std::string_view pattern;  // relative to the site or to "<app_label>/<model_name>/"
  bool regex = false;        // re_path() rather than path()
  // The URL name; in a model's URLs "{}" stands for "<app_label>_<model_name>".
  // "" when unnamed.
  std::string_view name;
  // The view, dotted ("django.contrib.admin.sites.AdminSite.index"); a class
  // of the tree that overrides the method serves it instead.
  std::string_view view;
  bool redirect = false;  // a RedirectView, not an admin function view (methods ANY)
};

// AdminSite.get_urls before the models' URLs (index, login, ...), and after
// them: the app index (one regex over the registered app labels, only when
// a model is registered) and the catch-all (final_catch_all_view).
const std::vector<AdminUrl>& admin_site_urls();
extern const AdminUrl kAdminAppIndex;  // pattern: the part before the labels
extern const AdminUrl kAdminCatchAll;

// ModelAdmin.get_urls, under "<app_label>/<model_name>/".
const std::vector<AdminUrl>& model_admin_urls();

// URLs a ModelAdmin class of another package adds in front of ModelAdmin's
// (UserAdmin's password form, django-import-export's import/export), by the
// class's full dotted name; empty when none or not known.
std::vector<AdminUrl> external_model_admin_urls(std::string_view origin);

// Models the admin modules of Django's contrib apps register when the app is
// installed (autodiscovered): {app, model, admin class}.
struct ContribRegistration {
  std::string_view app;
  std::string_view model;
  std::string_view admin;
};
const std::vector<ContribRegistration>& contrib_admin_registrations();

}  // namespace cutover
