#include "frameworks/flask/view_methods.h"
#include "util/ascii_case.h"

#include <algorithm>
#include <set>

#include "link/static_eval.h"

namespace cutover {
namespace {

constexpr std::string_view kHandlers[] = {"get",    "post", "put",     "patch",
                                          "delete", "head", "options", "trace"};
const std::initializer_list<std::string_view> kMethodViews = {
    "flask.views.MethodView", "flask_restful.Resource", "flask_restx.Resource",
    "flask_restplus.Resource", "flask_restful.Resource"};

struct Computed {
  std::optional<std::set<std::string>> methods;
  std::set<std::string> handlers;  // handler names the class has, inherited included
  bool method_view = false;
};

class MethodsOfClass {
 public:
  MethodsOfClass(const NameResolver& names, const FlaskObjects& objects)
      : names_(names), objects_(objects) {}

  Computed compute(const ViewClass& view, int depth) {
    Computed out;
    if (depth > 12) return out;
    const DefinitionFact& cls = *view.definition;
    for (const std::string& method : cls.methods) {
      if (std::find(std::begin(kHandlers), std::end(kHandlers), method) != std::end(kHandlers)) {
        out.handlers.insert(method);
      }
    }
    std::vector<Computed> bases;
    for (const PythonValue& base : cls.bases) {
      if (base.kind != PythonValue::Kind::kName) continue;
      if (objects_.derives_from(view.file, cls.scope, base.text, kMethodViews)) {
        out.method_view = true;
      }
      if (auto base_class = resolve_class(names_, view.file, cls.scope, base.text)) {
        bases.push_back(compute(*base_class, depth + 1));
        out.handlers.insert(bases.back().handlers.begin(), bases.back().handlers.end());
      }
    }
    if (auto own = explicit_methods(view)) {
      out.methods = std::move(own);
      return out;
    }
    if (out.method_view) {
      std::set<std::string> methods;
      for (const Computed& b : bases) {
        if (b.methods) methods.insert(b.methods->begin(), b.methods->end());
      }
      for (const std::string& h : out.handlers)
        methods.insert(ascii_upper(h));
      if (!methods.empty()) out.methods = std::move(methods);
      return out;
    }
    for (const Computed& b : bases) {  // plain View: the first base that sets methods
      if (b.methods) {
        out.methods = b.methods;
        break;
      }
    }
    return out;
  }

 private:
  std::optional<std::set<std::string>> explicit_methods(const ViewClass& view) const {
    const FileSummary& file = names_.files()[view.file];
    for (const AssignmentFact& a : file.assignments) {
      if (a.scope != view.definition->qualified_name || a.target != "methods") continue;
      const EvalScope where{.names = &names_, .file = view.file, .scope = a.scope};
      if (auto list = evaluate_string_list(a.value, where)) {
        std::set<std::string> methods;
        for (std::string& m : *list)
          methods.insert(ascii_upper(std::move(m)));
        return methods;
      }
    }
    return std::nullopt;
  }

  const NameResolver& names_;
  const FlaskObjects& objects_;
};

}  // namespace

std::optional<ViewClass> resolve_class(const NameResolver& names, std::size_t file,
                                       std::string_view scope, std::string_view dotted) {
  const NameTarget t = names.resolve(file, scope, dotted);
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return std::nullopt;
  }
  return ViewClass{.file = t.file, .definition = t.definition};
}

std::optional<std::vector<std::string>> view_class_methods(const NameResolver& names,
                                                           const FlaskObjects& objects,
                                                           const ViewClass& view) {
  Computed computed = MethodsOfClass(names, objects).compute(view, 0);
  if (!computed.methods) return std::nullopt;
  return std::vector<std::string>(computed.methods->begin(), computed.methods->end());
}

}  // namespace cutover
