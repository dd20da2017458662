#include "frameworks/django/django_project.h"

#include <set>

#include "link/django_settings_statement.h"
#include "link/static_eval.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

// `pending` is the caller's, reused: every assignment of the tree comes here.
void collect_include_strings(const PythonValue& v, std::set<std::string>& out,
                             std::vector<const PythonValue*>& pending) {
  if (v.items.empty()) return;  // nothing inside, and no include() of its own
  pending.assign(1, &v);
  while (!pending.empty()) {
    const PythonValue* value = pending.back();
    pending.pop_back();
    if (value->kind == PythonValue::Kind::kCall && last_component(value->text) == "include" &&
        !value->items.empty() && value->items[0].is_string()) {
      out.insert(value->items[0].text);
    }
    for (const PythonValue& item : value->items)
      pending.push_back(&item);
  }
}

std::string settings_module_named(const std::vector<FileSummary>& files) {
  for (const FileSummary& file : files) {
    for (const CallFact& c : file.calls) {
      const PythonValue* value = django_settings_set_by(c);
      if (value && value->is_string()) return value->text;
    }
  }
  return {};
}

}  // namespace

DjangoEntryPoints find_django_project(const NameResolver& names, const DjangoOptions& options,
                                      std::vector<Diagnostic>& diagnostics) {
  const std::vector<FileSummary>& files = names.files();
  auto note = [&](const std::string& file, std::uint32_t line, Severity severity, std::string code,
                  std::string message) {
    diagnostics.push_back({file, line, severity, std::move(code), std::move(message)});
  };
  DjangoEntryPoints project;
  const std::string settings =
      options.settings_module.empty() ? settings_module_named(files) : options.settings_module;
  if (!settings.empty()) project.settings = names.module_file(settings);
  if (project.settings) {
    const NameTarget t = names.resolve(*project.settings, "", "ROOT_URLCONF");
    if (t.kind == NameTarget::Kind::kAssignment) {
      const EvalScope at{.names = &names, .file = t.file, .scope = "", .notes = &diagnostics};
      if (auto root = evaluate_string(t.assignment->value, at)) {
        if (auto root_file = names.module_file(*root)) {
          project.root_urlconfs = {*root_file};
          return project;
        }
        note(files[t.file].path, t.assignment->line, Severity::kWarning, "unresolved-urlconf",
             "ROOT_URLCONF " + *root + " is not a module of the scanned tree");
      }
    }
  }
  // Without ROOT_URLCONF: every module with urlpatterns that nothing includes.
  std::vector<std::size_t> candidates;
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.scope.empty() && a.target == "urlpatterns") {
        candidates.push_back(f);
        break;
      }
    }
  }
  std::set<std::string> included;
  std::vector<const PythonValue*> pending;
  for (std::size_t f = 0; f < files.size() && !candidates.empty(); ++f) {
    for (const AssignmentFact& a : files[f].assignments)
      collect_include_strings(a.value, included, pending);
  }
  for (std::size_t f : candidates) {
    if (included.contains(files[f].module)) continue;
    project.root_urlconfs.push_back(f);
    note(files[f].path, 0, Severity::kInfo, "assumed-urlconf",
         settings.empty() ? "no DJANGO_SETTINGS_MODULE / ROOT_URLCONF found; " + files[f].module +
                                " is taken as a root URLconf (nothing includes it)"
                          : "ROOT_URLCONF of " + settings + " not found; " + files[f].module +
                                " is taken as a root URLconf (nothing includes it)");
  }
  return project;
}

}  // namespace cutover
