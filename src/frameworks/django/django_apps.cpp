#include "frameworks/django/django_apps.h"

#include <algorithm>

#include "link/static_eval.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

std::vector<std::string_view> components(std::string_view dotted) {
  std::vector<std::string_view> out;
  for (std::size_t dot; (dot = dotted.find('.')) != std::string_view::npos;
       dotted.remove_prefix(dot + 1)) {
    out.push_back(dotted.substr(0, dot));
  }
  out.push_back(dotted);
  return out;
}

// The string attribute `attribute` set in the body of class `cls` of `file`.
const std::string* class_string(const FileSummary& file, std::string_view cls,
                                std::string_view attribute) {
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope == cls && a.target == attribute && a.value.is_string()) return &a.value.text;
  }
  return nullptr;
}

// The strings of an INSTALLED_APPS value: a list, a tuple, their sums, and
// names of such constants. nullopt when something in it is not static.
std::optional<std::vector<std::string>> app_strings(const PythonValue& root,
                                                    const EvalScope& where) {
  std::vector<std::string> out;
  std::vector<std::pair<const PythonValue*, EvalScope>> stack{{&root, where}};
  for (int steps = 0; !stack.empty(); ++steps) {
    if (steps > 4096) return std::nullopt;
    auto [given, at] = stack.back();
    stack.pop_back();
    EvalScope there;
    const PythonValue& v = dereference(*given, at, &there);
    using Kind = PythonValue::Kind;
    if (v.is_string()) {
      out.push_back(v.text);
    } else if (v.kind == Kind::kList || v.kind == Kind::kTuple ||
               (v.kind == Kind::kBinary && v.text == "+")) {
      for (auto it = v.items.rbegin(); it != v.items.rend(); ++it)
        stack.emplace_back(&*it, there);
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// The class an INSTALLED_APPS entry names ("blog.apps.BlogConfig") or, for
// a package, the AppConfig its apps module defines when it is the only one
// (Django 3.2 picks it automatically).
void read_app_config(const NameResolver& names, DjangoApp& app) {
  const auto& files = names.files();
  if (auto module = names.module_file(app.entry)) {
    app.in_tree = true;
    app.name = app.entry;
    app.label = std::string(components(app.name).back());
    const auto apps_module = names.module_file(app.entry + ".apps");
    if (!apps_module) return;
    const FileSummary& file = files[*apps_module];
    const DefinitionFact* only = nullptr;
    int configs = 0;
    for (const DefinitionFact& d : file.definitions) {
      if (d.kind != DefinitionFact::Kind::kClass || !d.scope.empty()) continue;
      if (!class_string(file, d.qualified_name, "name")) continue;  // not an AppConfig
      ++configs;
      only = &d;
    }
    if (configs == 1) {
      if (const std::string* label = class_string(file, only->qualified_name, "label")) {
        app.label = *label;
      }
    }
    return;
  }
  const std::size_t dot = app.entry.rfind('.');
  const auto module =
      dot == std::string::npos ? std::nullopt : names.module_file(app.entry.substr(0, dot));
  app.name = app.entry;
  if (module) {
    const FileSummary& file = files[*module];
    const std::string cls = app.entry.substr(dot + 1);
    app.in_tree = true;
    if (const std::string* name = class_string(file, cls, "name")) app.name = *name;
    if (const std::string* label = class_string(file, cls, "label")) {
      app.label = *label;
      return;
    }
  } else if (const std::size_t apps = app.entry.find(".apps."); apps != std::string::npos) {
    app.name = app.entry.substr(0, apps);  // another package's AppConfig
  }
  app.label = std::string(components(app.name).back());
}

std::optional<std::vector<std::string>> installed_apps(const NameResolver& names,
                                                       std::size_t settings) {
  const NameTarget base = names.resolve(settings, "", "INSTALLED_APPS");
  if (base.kind != NameTarget::Kind::kAssignment) return std::nullopt;
  std::optional<std::vector<std::string>> out = app_strings(
      base.assignment->value, EvalScope{.names = &names, .file = base.file, .scope = ""});
  if (!out) return std::nullopt;
  // Then, in line order, `INSTALLED_APPS += [...]` and INSTALLED_APPS.append/
  // extend(...) outside any `if`, in the module of that list and in the
  // settings module (which may star-import it).
  std::vector<std::size_t> modules{base.file};
  if (settings != base.file) modules.push_back(settings);
  for (std::size_t f : modules) {
    struct Step {
      std::uint32_t line;
      const PythonValue* value;
    };
    std::vector<Step> steps;
    const FileSummary& file = names.files()[f];
    const std::uint32_t after = f == base.file ? base.assignment->line : 0;
    for (const AssignmentFact& a : file.assignments) {
      if (a.scope.empty() && a.target == "INSTALLED_APPS" && a.augmented && !a.conditional &&
          a.line > after) {
        steps.push_back({a.line, &a.value});
      }
    }
    for (const CallFact& c : file.calls) {
      if (!c.scope.empty() || c.conditional || c.line <= after || c.call.items.empty()) continue;
      if (c.call.text == "INSTALLED_APPS.append" || c.call.text == "INSTALLED_APPS.extend") {
        steps.push_back({c.line, &c.call.items[0]});
      }
    }
    std::sort(steps.begin(), steps.end(),
              [](const Step& a, const Step& b) { return a.line < b.line; });
    for (const Step& s : steps) {
      if (auto more = app_strings(*s.value, EvalScope{.names = &names, .file = f, .scope = ""})) {
        out->insert(out->end(), more->begin(), more->end());
      }
    }
  }
  return out;
}

}  // namespace

bool DjangoProject::installed(std::string_view name) const {
  return apps && std::any_of(apps->begin(), apps->end(),
                             [&](const DjangoApp& a) { return a.name == name || a.entry == name; });
}

const DjangoApp* DjangoProject::app_of_module(std::string_view module) const {
  if (!apps) return nullptr;
  const DjangoApp* best = nullptr;
  for (const DjangoApp& a : *apps) {
    const bool holds = a.in_tree && (module == a.name ||
                                     (module.starts_with(a.name) && module.size() > a.name.size() &&
                                      module[a.name.size()] == '.'));
    if (holds && (!best || a.name.size() > best->name.size())) best = &a;
  }
  return best;
}

DjangoProject read_django_project(const NameResolver& names, const std::string& settings_module) {
  DjangoProject out;
  const std::vector<FileSummary>& files = names.files();
  std::string settings = settings_module;
  for (std::size_t f = 0; f < files.size() && settings.empty(); ++f) {
    for (const CallFact& c : files[f].calls) {
      const PythonValue* key = c.call.positional(0);
      const PythonValue* value = c.call.positional(1);
      if (c.call.text.ends_with("environ.setdefault") && key && key->is_string() &&
          key->text == "DJANGO_SETTINGS_MODULE" && value && value->is_string()) {
        settings = value->text;
        break;
      }
    }
  }
  if (settings.empty()) return out;
  out.settings_file = names.module_file(settings);
  if (!out.settings_file) return out;
  if (auto entries = installed_apps(names, *out.settings_file)) {
    out.apps.emplace();
    for (std::string& entry : *entries) {
      DjangoApp app{.entry = std::move(entry)};
      read_app_config(names, app);
      out.apps->push_back(std::move(app));
    }
  }
  const NameTarget user = names.resolve(*out.settings_file, "", "AUTH_USER_MODEL");
  if (user.kind == NameTarget::Kind::kAssignment && user.assignment->value.is_string()) {
    out.auth_user_model = user.assignment->value.text;
  }
  return out;
}

ModelLabel model_label(const DjangoProject& project, const NameResolver& names, std::size_t file,
                       const DefinitionFact& cls) {
  const FileSummary& summary = names.files()[file];
  ModelLabel out{.model_name = ascii_lower(cls.name)};
  if (const std::string* given = class_string(summary, cls.qualified_name + ".Meta", "app_label")) {
    out.app_label = *given;
  } else if (const DjangoApp* app = project.app_of_module(summary.module)) {
    out.app_label = app->label;
  } else {
    const std::vector<std::string_view> parts = components(summary.module);
    const auto models = std::find(parts.begin(), parts.end(), "models");
    if (models != parts.begin() && models != parts.end()) {
      out.app_label = std::string(*(models - 1));
    } else {
      out.app_label = std::string(parts.size() >= 2 ? parts[parts.size() - 2] : parts.back());
    }
  }
  return out;
}

std::optional<ModelLabel> external_model_label(const DjangoProject& project,
                                               std::string_view dotted) {
  const std::vector<std::string_view> parts = components(dotted);
  if (parts.size() < 2) return std::nullopt;
  ModelLabel out{.model_name = ascii_lower(parts.back())};
  const auto models = std::find(parts.begin(), parts.end() - 1, "models");
  if (models != parts.begin() && models != parts.end() - 1) {
    out.app_label = std::string(*(models - 1));
    return out;
  }
  if (project.apps) {
    for (const DjangoApp& a : *project.apps) {
      if (dotted.starts_with(a.name + ".")) {
        out.app_label = a.label;
        return out;
      }
    }
  }
  return std::nullopt;
}

}  // namespace cutover
