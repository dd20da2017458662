#pragma once
// django.contrib.admin: the URLs an admin site (`admin.site`, or an instance
// of an AdminSite subclass) serves where a URLconf mounts its `.urls` — the
// site's own views and, per registered model (`site.register(Model, Admin)`,
// `@admin.register(Model)`, the models Django's contrib apps register), its
// changelist/add/history/delete/change views — as Django 3.2 builds them.

#include <optional>
#include <string>
#include <vector>

#include "frameworks/django/django_apps.h"
#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

struct AdminRoute {
  std::string pattern;  // relative to where the site is mounted
  bool regex = false;   // re_path() rather than path()
  std::string name;     // URL name within the site's namespace, "" when unnamed
  std::vector<std::string> methods;
  std::string handler;
  // The tree's ModelAdmin registered for the model, dotted ("" for Django's
  // own): the class Django's view dispatches to.
  std::string admin_class;
  std::vector<ConditionRef> condition_refs;  // `if` branches of the model's registration
};

struct AdminSiteUrls {
  std::string namespace_name;  // the site's name: "admin" unless AdminSite(name=...)
  std::vector<AdminRoute> routes;
};

class DjangoAdmin {
 public:
  // Reads every registration of the tree once.
  DjangoAdmin(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
              const DjangoProject& project, std::vector<Diagnostic>& diagnostics);

  // `dotted` as a URLconf in `scope` of `file` writes it (`admin.site.urls`):
  // the site's URLs, or nullopt when it is not the `urls` of an admin site.
  std::optional<AdminSiteUrls> site_urls(std::size_t file, std::string_view scope,
                                         std::string_view dotted) const;

 private:
  struct Registration;
  // nullptr: django.contrib.admin.site; else the construction of a custom site.
  std::optional<const AssignmentFact*> site_of(std::size_t file, std::string_view scope,
                                               std::string_view dotted) const;
  void read_registrations();
  std::vector<AdminRoute> model_routes(const Registration& r) const;

  const NameResolver& names_;
  const DjangoProject& project_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<const ClassConstruction*> custom_sites_;
  struct Registration {
    const AssignmentFact* site = nullptr;
    ModelLabel model;
    // The ModelAdmin: a class of the tree (file, scope, dotted as written)...
    std::size_t file = 0;
    std::string scope, admin;
    // ...or one of another package, dotted; both empty for ModelAdmin itself.
    std::string external_admin;
    std::vector<ConditionRef> condition_refs;
  };
  std::vector<Registration> registry_;  // in registration order
};

}  // namespace cutover
