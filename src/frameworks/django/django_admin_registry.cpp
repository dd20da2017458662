// DjangoAdmin's registry: which models are registered with which admin site,
// in the order Django registers them (app loading, then autodiscover over
// INSTALLED_APPS, contrib apps included).

#include "frameworks/django/django_admin.h"

#include <algorithm>

#include "frameworks/django/django_admin_table.h"
#include "link/import_resolver.h"
#include "link/static_eval.h"
#include "link/test_code.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

bool is_register_decorator(std::string_view external) {
  return external == "django.contrib.admin.register" ||
         external == "django.contrib.admin.decorators.register";
}

// Whether `module` is an admin module: "<app>.admin" or inside an admin package.
bool is_admin_module(std::string_view module) {
  return module == "admin" || module.ends_with(".admin") || module.starts_with("admin.") ||
         module.find(".admin.") != std::string_view::npos;
}

bool in_package(std::string_view module, std::string_view package) {
  return module == package || (module.starts_with(package) && module.size() > package.size() &&
                               module[package.size()] == '.');
}

// One register() or unregister() of models with a site.
struct AdminEvent {
  std::uint32_t line = 0;
  bool unregister = false;
  const AssignmentFact* site = nullptr;
  std::vector<ModelLabel> models;
  std::string scope, admin;  // the ModelAdmin class of the tree, as written in `scope`
  std::vector<ConditionRef> condition_refs;
};

// The models a register() argument names: a model class or a list of them.
std::vector<ModelLabel> models_of(const NameResolver& names, const DjangoProject& project,
                                  const PythonValue& given, const EvalScope& at) {
  std::vector<ModelLabel> out;
  std::vector<std::pair<const PythonValue*, EvalScope>> stack{{&given, at}};
  for (int steps = 0; !stack.empty() && steps < 256; ++steps) {
    auto [value, where] = stack.back();
    stack.pop_back();
    using Kind = PythonValue::Kind;
    if (value->kind == Kind::kList || value->kind == Kind::kTuple) {
      for (auto it = value->items.rbegin(); it != value->items.rend(); ++it)
        stack.emplace_back(&*it, where);
      continue;
    }
    EvalScope there;
    const PythonValue& v = dereference(*value, where, &there);
    if (v.kind == Kind::kList || v.kind == Kind::kTuple) {
      stack.emplace_back(&v, there);
      continue;
    }
    if (v.kind == Kind::kCall && last_component(v.text) == "get_user_model") {
      const std::string& model = project.auth_user_model;
      const std::size_t dot = model.find('.');
      if (model.empty() || dot == std::string::npos) {
        out.push_back({"auth", "user"});
      } else {
        out.push_back({model.substr(0, dot), ascii_lower(model.substr(dot + 1))});
      }
      continue;
    }
    if (v.kind != Kind::kName) continue;
    const NameTarget t = names.resolve(there.file, there.scope, v.text);
    if (t.kind == NameTarget::Kind::kDefinition &&
        t.definition->kind == DefinitionFact::Kind::kClass) {
      // Django refuses to register an abstract model.
      const std::string meta = t.definition->qualified_name + ".Meta";
      const auto& assignments = names.files()[t.file].assignments;
      const bool abstract = std::any_of(assignments.begin(), assignments.end(), [&](const auto& a) {
        return a.scope == meta && a.target == "abstract" && a.value.text == "True";
      });
      if (!abstract) out.push_back(model_label(project, names, t.file, *t.definition));
    } else if (t.kind == NameTarget::Kind::kExternal) {
      // A swapped-out model (auth.User under a custom AUTH_USER_MODEL) is not registered.
      const bool swapped = t.name == "django.contrib.auth.models.User" &&
                           !project.auth_user_model.empty() &&
                           project.auth_user_model != "auth.User";
      if (swapped) continue;
      if (auto label = external_model_label(project, t.name)) out.push_back(std::move(*label));
    }
  }
  return out;
}

}  // namespace

void DjangoAdmin::read_registrations() {
  const std::vector<FileSummary>& files = names_.files();
  std::vector<std::vector<AdminEvent>> events(files.size());
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FileSummary& file = files[f];
    if (is_test_path(file.path)) continue;
    for (const CallFact& c : file.calls) {
      const std::string& callee = c.call.text;
      const bool unregister = callee.ends_with(".unregister");
      if (c.call.kind != PythonValue::Kind::kCall || c.call.items.empty() ||
          (!unregister && !callee.ends_with(".register"))) {
        continue;
      }
      const std::string_view receiver = std::string_view(callee).substr(0, callee.rfind('.'));
      const auto site = site_of(f, c.scope, receiver);
      if (!site) continue;
      const EvalScope at{.names = &names_, .file = f, .scope = c.scope};
      AdminEvent e{.line = c.line, .unregister = unregister, .site = *site, .scope = c.scope};
      if (c.loop >= 0) {  // `for model in [A, B]: site.register(model)`
        for (const Bindings& b : loop_iterations(file.loops[c.loop], at)) {
          EvalScope bound = at;
          bound.bindings = &b;
          std::vector<ModelLabel> more = models_of(names_, project_, c.call.items[0], bound);
          e.models.insert(e.models.end(), more.begin(), more.end());
        }
      } else {
        e.models = models_of(names_, project_, c.call.items[0], at);
      }
      if (const PythonValue* admin = call_argument(c.call, 1, "admin_class");
          admin && admin->kind == PythonValue::Kind::kName) {
        e.admin = admin->text;
      }
      if (c.condition >= 0) e.condition_refs.push_back({f, c.condition});
      events[f].push_back(std::move(e));
    }
    for (const DefinitionFact& d : file.definitions) {
      if (d.kind != DefinitionFact::Kind::kClass) continue;
      for (const PythonValue& decorator : d.decorators) {
        if (decorator.kind != PythonValue::Kind::kCall) continue;
        const NameTarget t = names_.resolve(f, d.scope, decorator.text);
        if (t.kind != NameTarget::Kind::kExternal || !is_register_decorator(t.name)) continue;
        std::optional<const AssignmentFact*> site = static_cast<const AssignmentFact*>(nullptr);
        if (const PythonValue* given = decorator.keyword("site")) {
          site = given->kind == PythonValue::Kind::kName ? site_of(f, d.scope, given->text)
                                                         : std::nullopt;
        }
        if (!site) continue;
        const EvalScope at{.names = &names_, .file = f, .scope = d.scope};
        AdminEvent e{.line = d.line, .site = *site, .scope = d.scope, .admin = d.name};
        for (const PythonValue& model : decorator.items) {
          std::vector<ModelLabel> more = models_of(names_, project_, model, at);
          e.models.insert(e.models.end(), more.begin(), more.end());
        }
        events[f].push_back(std::move(e));
      }
    }
    std::sort(events[f].begin(), events[f].end(),
              [](const AdminEvent& a, const AdminEvent& b) { return a.line < b.line; });
  }

  const bool autodiscover = project_.installed("django.contrib.admin") ||
                            project_.installed("django.contrib.admin.apps.AdminConfig");
  // The registrations of a contrib app's admin module, once: at its place in
  // INSTALLED_APPS, or earlier when the tree unregisters one of its models
  // (which imports that module first).
  std::vector<std::string_view> contrib_done;
  auto apply_contrib = [&](std::string_view app) {
    if (!autodiscover || !project_.installed(app) ||
        std::find(contrib_done.begin(), contrib_done.end(), app) != contrib_done.end()) {
      return;
    }
    contrib_done.push_back(app);
    for (const ContribRegistration& c : contrib_admin_registrations()) {
      if (c.app != app) continue;
      if (c.model == "django.contrib.auth.models.User" && !project_.auth_user_model.empty() &&
          project_.auth_user_model != "auth.User") {
        continue;  // swapped out
      }
      if (auto label = external_model_label(project_, c.model)) {
        registry_.push_back(Registration{.model = *label, .external_admin = std::string(c.admin)});
      }
    }
  };
  auto apply = [&](std::size_t f, const AdminEvent& e) {
    for (const ModelLabel& m : e.models) {
      auto same = [&](const Registration& r) {
        return r.site == e.site && r.model.app_label == m.app_label &&
               r.model.model_name == m.model_name;
      };
      if (e.unregister) {
        for (const ContribRegistration& c : contrib_admin_registrations()) {
          const auto label = external_model_label(project_, c.model);
          if (!e.site && label && label->app_label == m.app_label &&
              label->model_name == m.model_name) {
            apply_contrib(c.app);
          }
        }
        std::erase_if(registry_, same);
        continue;
      }
      Registration r{.site = e.site,
                     .model = m,
                     .file = f,
                     .scope = e.scope,
                     .admin = e.admin,
                     .condition_refs = e.condition_refs};
      if (auto it = std::find_if(registry_.begin(), registry_.end(), same); it != registry_.end()) {
        *it = std::move(r);
      } else {
        registry_.push_back(std::move(r));
      }
    }
  };
  auto apply_file = [&](std::size_t f) {
    for (const AdminEvent& e : events[f])
      apply(f, e);
  };
  if (!project_.apps) {  // which modules run is unknown: all of them, in file order
    for (std::size_t f = 0; f < files.size(); ++f)
      apply_file(f);
    return;
  }
  // Modules that are not admin modules run as the apps load; then
  // autodiscover imports each installed app's admin module in order.
  std::vector<bool> done(files.size(), false);
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (!events[f].empty() && !is_admin_module(files[f].module)) {
      apply_file(f);
      done[f] = true;
    }
  }
  for (const DjangoApp& app : *project_.apps) {
    if (!app.in_tree) {
      apply_contrib(app.name);
      continue;
    }
    for (std::size_t f = 0; f < files.size(); ++f) {
      if (done[f] || events[f].empty()) continue;
      if (in_package(files[f].module, app.name + ".admin")) {
        apply_file(f);
        done[f] = true;
      }
    }
  }
  // An admin module no installed app owns runs only when something imports it.
  std::vector<bool> imported;
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (done[f] || events[f].empty()) continue;
    if (imported.empty()) {  // every import of the tree, once
      imported.assign(files.size(), false);
      for (std::size_t g = 0; g < files.size(); ++g) {
        for (const ImportFact& i : files[g].imports) {
          const std::optional<std::string> base = absolute_import_base(files[g], i);
          if (!base) continue;
          if (auto m = names_.module_file(*base)) imported[*m] = true;
          for (const ImportedName& n : i.names) {
            if (auto m = names_.module_file(i.is_from ? *base + "." + n.name : n.name)) {
              imported[*m] = true;
            }
          }
        }
      }
    }
    if (imported[f]) apply_file(f);
  }
}

}  // namespace cutover
