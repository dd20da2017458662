#include "frameworks/django/drf_api_root.h"

#include "frameworks/django/django_views.h"
#include "link/class_hierarchy.h"

namespace cutover {
namespace {

// The view class `dotted` names, seen from `scope` of `file`, if a class of the tree.
std::optional<ApiRootView> tree_view(const NameResolver& names, std::size_t file,
                                     std::string_view scope, std::string_view dotted) {
  const NameTarget t = names.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kExternal) return ApiRootView{.handler = t.name};
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return std::nullopt;
  }
  ApiRootView out{.handler = names.files()[t.file].module + "." + t.definition->qualified_name};
  std::vector<std::string> methods = class_view(names, file, scope, dotted).methods;
  if (!methods.empty()) out.methods = std::move(methods);
  return out;
}

}  // namespace

ApiRootView drf_api_root_view(const NameResolver& names, std::size_t file, std::string_view scope,
                              std::string_view router_class, const PythonValue* instance_value,
                              std::size_t instance_file, std::string_view instance_scope) {
  // The nearest get_api_root_view override and APIRootView class attribute
  // of the router's classes in the tree (bases depth-first, as the MRO
  // mostly is).
  const DefinitionFact* override_in = nullptr;
  std::size_t override_file = 0;
  const AssignmentFact* class_attribute = nullptr;
  std::size_t attribute_file = 0;
  walk_class_hierarchy(
      names, file, scope, router_class,
      [&](std::size_t f, const DefinitionFact& cls) {
        if (!override_in) {
          for (const std::string& m : cls.methods) {
            if (m == "get_api_root_view") {
              override_in = &cls;
              override_file = f;
            }
          }
        }
        if (class_attribute) return;
        for (const AssignmentFact& a : names.files()[f].assignments) {
          if (a.scope == cls.qualified_name && a.target == "APIRootView") {
            class_attribute = &a;
            attribute_file = f;
          }
        }
      },
      [](const std::string&) {});
  if (override_in) {
    // A view class defined inside the override is the one it returns.
    const std::string method = override_in->qualified_name + ".get_api_root_view";
    for (const DefinitionFact& d : names.files()[override_file].definitions) {
      if (d.kind == DefinitionFact::Kind::kClass && d.scope == method) {
        if (auto view = tree_view(names, override_file, method, d.name)) return *view;
      }
    }
  }
  if (instance_value && instance_value->kind == PythonValue::Kind::kName) {
    if (auto view = tree_view(names, instance_file, instance_scope, instance_value->text)) {
      return *view;
    }
  }
  if (class_attribute && class_attribute->value.kind == PythonValue::Kind::kName) {
    if (auto view =
            tree_view(names, attribute_file, class_attribute->scope, class_attribute->value.text)) {
      return *view;
    }
  }
  return {};
}

}  // namespace cutover
