#include "frameworks/flask/registration_helpers.h"

#include <algorithm>

namespace cutover {
namespace {

bool is_registration(const PythonValue& call, const std::vector<std::string>& params) {
  if (call.kind != PythonValue::Kind::kCall) return false;
  const std::size_t dot = call.text.rfind('.');
  if (dot == std::string::npos) return false;
  const std::string_view method = std::string_view(call.text).substr(dot + 1);
  if (method != "add_url_rule" && method != "add_resource") return false;
  const std::string root = call.text.substr(0, call.text.find('.'));
  return std::find(params.begin(), params.end(), root) != params.end();
}

// The caller's arguments bound to the helper's parameters; keyword arguments
// matching no parameter are returned in `extra` (they land in **kwargs).
Bindings bind_arguments(const DefinitionFact& helper, const PythonValue& call,
                        std::vector<KeywordArgument>* extra) {
  Bindings bound;
  const std::vector<std::string>& params = helper.parameters;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].starts_with("*")) break;
    const PythonValue* arg = call.keyword(params[i]);
    if (!arg) arg = call.positional(i);
    if (arg) bound.emplace(params[i], *arg);
  }
  for (const KeywordArgument& k : call.keywords) {
    if (k.name == "*" || k.name == "**") continue;
    if (std::find(params.begin(), params.end(), k.name) == params.end()) extra->push_back(k);
  }
  return bound;
}

}  // namespace

RegistrationHelpers::RegistrationHelpers(const NameResolver& names, FlaskObjects& objects,
                                         std::vector<Diagnostic>& diagnostics) {
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const DefinitionFact& helper : files[f].definitions) {
      if (helper.kind != DefinitionFact::Kind::kFunction || helper.parameters.empty()) continue;
      std::vector<const CallFact*> inside;
      for (const CallFact& c : files[f].calls) {
        if (c.scope == helper.qualified_name && is_registration(c.call, helper.parameters)) {
          inside.push_back(&c);
        }
      }
      if (inside.empty()) continue;
      const auto& sites = objects.call_sites(&helper);
      if (sites.empty()) continue;
      diagnostics.push_back(
          {files[f].path, helper.line, Severity::kInfo, "registration-helper",
           "calls of " + helper.name + "() are read as the route registrations it makes"});
      for (const CallFact* registration : inside) {
        inlined_.insert(registration);
        for (const CallSite& site : sites) {
          std::vector<KeywordArgument> extra;
          Bindings bound = bind_arguments(helper, *site.call, &extra);
          // The helper's locals (`view_func = view.as_view(endpoint)`), in terms
          // of the caller's arguments, in the order the helper computes them.
          for (const AssignmentFact& local : files[f].assignments) {
            if (local.scope == helper.qualified_name && !local.augmented) {
              bound.bind(local.target, substitute_names(local.value, bound));
            }
          }
          PythonValue call = substitute_names(registration->call, bound);
          // Forward the caller's extra keywords where the helper passes **kwargs on.
          const auto splat = std::find_if(call.keywords.begin(), call.keywords.end(),
                                          [](const KeywordArgument& k) { return k.name == "**"; });
          if (splat != call.keywords.end()) {
            call.keywords.erase(splat);
            call.keywords.insert(call.keywords.end(), extra.begin(), extra.end());
          }
          std::vector<Bindings> iterations = {bound};
          if (registration->loop >= 0) {
            iterations = loop_iterations(
                objects.flow(), files[f].loops[static_cast<std::size_t>(registration->loop)],
                EvalScope{
                    .names = &names, .file = site.file, .scope = site.scope, .bindings = &bound});
          }
          // The route exists when the call does and the helper reaches its registration.
          std::vector<ConditionRef> conditions;
          if (site.condition >= 0)
            conditions.push_back({.file = site.file, .index = site.condition});
          if (registration->condition >= 0) {
            conditions.push_back({.file = f, .index = registration->condition});
          }
          for (Bindings& bindings : iterations) {
            registrations_.push_back(InlinedRegistration{.file = site.file,
                                                         .scope = std::string(site.scope),
                                                         .line = site.line,
                                                         .call = call,
                                                         .bindings = std::move(bindings),
                                                         .helper_file = f,
                                                         .helper_scope = helper.qualified_name,
                                                         .conditions = conditions});
          }
        }
      }
    }
  }
}

}  // namespace cutover
