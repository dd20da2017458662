#pragma once
// The Django project as its settings module declares it: INSTALLED_APPS
// (each app's name and label) and AUTH_USER_MODEL, and the app label of a
// model class — what django.contrib.admin builds its URLs from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "link/name_resolver.h"

namespace cutover {

struct DjangoApp {
  std::string entry;  // as INSTALLED_APPS lists it: "blog" or "blog.apps.BlogConfig"
  std::string name;   // the app's package: AppConfig.name, else the entry
  std::string label;  // AppConfig.label, else the last component of the name
  bool in_tree = false;
};

struct DjangoProject {
  std::optional<std::size_t> settings_file;
  // INSTALLED_APPS in order; nullopt when no settings module or no static list.
  std::optional<std::vector<DjangoApp>> apps;
  std::string auth_user_model;  // "app_label.Model" as set, "" for the default auth.User

  bool installed(std::string_view name) const;
  // The installed app of the tree whose package holds `module` (the longest
  // match), or nullptr.
  const DjangoApp* app_of_module(std::string_view module) const;
};

// `settings_module`: DJANGO_SETTINGS_MODULE when given; otherwise the one
// manage.py/wsgi.py/asgi.py sets with os.environ.setdefault.
DjangoProject read_django_project(const NameResolver& names, const std::string& settings_module);

// A model's _meta.app_label and _meta.model_name: Meta.app_label, else the
// label of the installed app holding its module, else the package above its
// models module.
struct ModelLabel {
  std::string app_label;
  std::string model_name;
};
ModelLabel model_label(const DjangoProject& project, const NameResolver& names, std::size_t file,
                       const DefinitionFact& cls);
// The same for a model outside the tree ("django.contrib.auth.models.Group"),
// nullopt when its dotted name does not say which app it is in.
std::optional<ModelLabel> external_model_label(const DjangoProject& project,
                                               std::string_view dotted);

}  // namespace cutover
