#include "frameworks/django/django_app_configs.h"

#include <algorithm>
#include <set>

#include "link/class_attributes.h"
#include "link/class_hierarchy.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

constexpr std::uint32_t kEnd = UINT32_MAX;

struct AppEntry {
  std::string name;
  std::vector<ConditionRef> conditions;
};

// The strings a list expression holds, through `+`, names bound to lists and
// the steps that grew them (`INSTALLED_APPS += [...]` under an `if`).
class AppListReader {
 public:
  explicit AppListReader(const NameResolver& names) : names_(names) {}

  void read(const PythonValue& v, const EvalScope& at, std::uint32_t line,
            const std::vector<ConditionRef>& conditions, int depth) {
    if (depth > 12) return;
    using Kind = PythonValue::Kind;
    if (v.kind == Kind::kList || v.kind == Kind::kTuple) {
      for (const PythonValue& item : v.items) {
        if (auto text = evaluate_string(item, at)) {
          out.push_back({*text, conditions});
        } else {
          read(item, at, line, conditions, depth + 1);
        }
      }
    } else if (v.kind == Kind::kBinary && v.text == "+" && v.items.size() == 2) {
      read(v.items[0], at, line, conditions, depth + 1);
      read(v.items[1], at, line, conditions, depth + 1);
    } else if (v.kind == Kind::kName) {
      const NameTarget t = names_.resolve(at.file, at.scope, v.text);
      if (t.kind != NameTarget::Kind::kAssignment) return;
      const bool here = t.file == at.file && t.assignment->scope == at.scope;
      read_variable(t.file, t.assignment->scope, t.assignment->target, here ? line : kEnd,
                    conditions, depth + 1);
    }
  }

  void read_variable(std::size_t file, std::string_view scope, const std::string& name,
                     std::uint32_t upto, const std::vector<ConditionRef>& conditions, int depth) {
    const std::tuple key{file, std::string(scope), name};
    if (reading_.contains(key)) return;  // `X = X + [...]`: what X held is read already
    reading_.insert(key);
    const std::vector<ListStep> steps = list_steps(names_.files()[file], file, scope, name);
    for (std::size_t i = first_live_step(steps, name, upto); i < steps.size(); ++i) {
      const ListStep& s = steps[i];
      if (s.line > upto) break;
      std::vector<ConditionRef> under = conditions;
      if (s.condition >= 0) under.push_back({s.file, s.condition});
      const EvalScope at{.names = &names_, .file = s.file, .scope = s.scope};
      if (s.kind == ListStep::Kind::kAppend) {
        if (auto text = evaluate_string(*s.value, at)) out.push_back({*text, under});
      } else {
        read(*s.value, at, s.line, under, depth + 1);
      }
    }
    reading_.erase(key);
  }

  std::vector<AppEntry> out;

 private:
  const NameResolver& names_;
  std::set<std::tuple<std::size_t, std::string, std::string>> reading_;
};

bool is_app_config(const NameResolver& names, std::size_t file, const DefinitionFact& cls) {
  return derives_from(names, file, cls.scope, cls.name,
                      {"django.apps.AppConfig", "django.apps.config.AppConfig"});
}

// `default = True / False` in the class body (through its bases).
std::optional<bool> default_flag(const NameResolver& names, std::size_t file,
                                 const DefinitionFact& cls) {
  const ClassAttribute a = class_attribute(names, file, cls.scope, cls.name, "default");
  if (!a.assignment || a.assignment->value.kind != PythonValue::Kind::kBool) return std::nullopt;
  return a.assignment->value.text == "True";
}

// A class or method of the tree.
struct Defined {
  std::size_t file = 0;
  const DefinitionFact* def = nullptr;
};

// The AppConfig class `entry` makes Django use, when it is one of the tree.
std::optional<Defined> app_config_of(const NameResolver& names, const std::string& entry,
                                     int depth = 0) {
  const std::vector<FileSummary>& files = names.files();
  if (depth > 4) return std::nullopt;
  if (const std::optional<std::size_t> module = names.module_file(entry)) {
    // default_app_config takes over the automatic detection (Django 3.2).
    for (const AssignmentFact& a : files[*module].assignments) {
      if (a.scope.empty() && a.target == "default_app_config" && a.value.is_string()) {
        return app_config_of(names, a.value.text, depth + 1);
      }
    }
    const std::optional<std::size_t> apps = names.module_file(entry + ".apps");
    if (!apps) return std::nullopt;
    std::vector<Defined> candidates, defaults;
    for (const DefinitionFact& d : files[*apps].definitions) {
      if (d.kind != DefinitionFact::Kind::kClass || !d.scope.empty()) continue;
      if (!is_app_config(names, *apps, d)) continue;
      const std::optional<bool> flag = default_flag(names, *apps, d);
      if (flag == false) continue;
      candidates.push_back({*apps, &d});
      if (flag == true) defaults.push_back({*apps, &d});
    }
    if (candidates.size() == 1) return candidates.front();
    if (defaults.size() == 1) return defaults.front();
    return std::nullopt;
  }
  // "pkg.apps.PkgConfig": the class itself.
  const std::size_t dot = entry.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::optional<std::size_t> module = names.module_file(entry.substr(0, dot));
  if (!module) return std::nullopt;
  const NameTarget t = names.resolve(*module, "", entry.substr(dot + 1));
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return std::nullopt;
  }
  return Defined{t.file, t.definition};
}

// The ready() method Python finds on the AppConfig class: its own, or the
// nearest base's.
std::optional<Defined> ready_method(const NameResolver& names, const Defined& config) {
  std::optional<Defined> found;
  walk_class_hierarchy(
      names, config.file, config.def->scope, config.def->name,
      [&](std::size_t f, const DefinitionFact& cls) {
        if (found) return;
        if (std::find(cls.methods.begin(), cls.methods.end(), "ready") == cls.methods.end()) {
          return;
        }
        for (const DefinitionFact& d : names.files()[f].definitions) {
          if (d.scope == cls.qualified_name && d.name == "ready") found = Defined{f, &d};
        }
      },
      [](const std::string&) {});
  return found;
}

// The statements of ready() that grow a module-level list of some module.
void add_ready_steps(const NameResolver& names, const Defined& ready,
                     const std::vector<ConditionRef>& conditions, std::vector<ReadyListStep>& out) {
  const FileSummary& file = names.files()[ready.file];
  const std::string& scope = ready.def->qualified_name;
  auto add = [&](std::string_view list, ListStep step) {
    const NameTarget t = names.resolve(ready.file, scope, list);
    if (t.kind != NameTarget::Kind::kAssignment || !t.assignment->scope.empty()) {
      return;  // a local list: gone when ready() returns
    }
    out.push_back({t.file, t.assignment->target, step, conditions});
  };
  for (const CallFact& c : file.calls) {
    if (c.scope != scope || c.call.kind != PythonValue::Kind::kCall) continue;
    const std::size_t dot = c.call.text.rfind('.');
    if (dot == std::string::npos) continue;
    const std::string_view list = std::string_view(c.call.text).substr(0, dot);
    for (const ListStep& s : list_steps(file, ready.file, scope, list)) {
      if (s.line == c.line && s.kind != ListStep::Kind::kAssign) add(list, s);
    }
  }
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope == scope && a.augmented) {
      add(a.target, ListStep{.kind = ListStep::Kind::kExtend,
                             .value = &a.value,
                             .file = ready.file,
                             .scope = a.scope,
                             .line = a.line,
                             .condition = a.condition});
    }
  }
}

}  // namespace

std::vector<ReadyListStep> ready_list_steps(const NameResolver& names,
                                            std::optional<std::size_t> settings) {
  const std::vector<FileSummary>& files = names.files();
  std::vector<AppEntry> apps;
  if (settings) {
    const NameTarget t = names.resolve(*settings, "", "INSTALLED_APPS");
    if (t.kind == NameTarget::Kind::kAssignment) {
      AppListReader reader(names);
      reader.read_variable(t.file, t.assignment->scope, t.assignment->target, kEnd, {}, 0);
      apps = std::move(reader.out);
    }
  }
  if (apps.empty()) {  // every app package of the tree
    for (const FileSummary& f : files) {
      constexpr std::string_view kApps = ".apps";
      if (f.module.ends_with(kApps)) {
        apps.push_back({f.module.substr(0, f.module.size() - kApps.size()), {}});
      }
    }
  }
  std::vector<ReadyListStep> out;
  std::set<const DefinitionFact*> seen;
  for (const AppEntry& app : apps) {
    const std::optional<Defined> config = app_config_of(names, app.name);
    if (!config) continue;
    const std::optional<Defined> ready = ready_method(names, *config);
    if (ready && seen.insert(ready->def).second)
      add_ready_steps(names, *ready, app.conditions, out);
  }
  return out;
}

}  // namespace cutover
