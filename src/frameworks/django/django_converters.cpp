#include "frameworks/django/django_converters.h"

#include "link/class_attributes.h"
#include "link/static_eval.h"

namespace cutover {

std::map<std::string, std::string> registered_converters(const NameResolver& names) {
  std::map<std::string, std::string> out;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const CallFact& c : files[f].calls) {
      if (!c.call.text.ends_with("register_converter") || c.call.items.size() < 2) continue;
      const NameTarget callee = names.resolve(f, c.scope, c.call.text);
      if (callee.kind != NameTarget::Kind::kExternal ||
          (callee.name != "django.urls.register_converter" &&
           callee.name != "django.urls.converters.register_converter"))
        continue;
      const EvalScope at{.names = &names, .file = f, .scope = c.scope};
      const std::optional<std::string> name = evaluate_string(c.call.items[1], at);
      const PythonValue& cls = c.call.items[0];
      if (!name || cls.kind != PythonValue::Kind::kName) continue;
      const ClassAttribute regex = class_attribute(names, f, c.scope, cls.text, "regex");
      if (!regex.assignment) continue;
      const EvalScope there{.names = &names, .file = regex.file, .scope = regex.assignment->scope};
      if (std::optional<std::string> text = evaluate_string(regex.assignment->value, there))
        out[*name] = std::move(*text);
    }
  }
  return out;
}

void apply_registered_converters(std::vector<Route>& routes,
                                 const std::map<std::string, std::string>& converters) {
  if (converters.empty()) return;
  for (Route& r : routes) {
    for (RouteParam& p : r.params) {
      if (const auto it = converters.find(p.type); it != converters.end()) p.regex = it->second;
    }
  }
}

}  // namespace cutover
