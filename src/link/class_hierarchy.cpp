#include "link/class_hierarchy.h"

#include <algorithm>

namespace cutover {

bool derives_from(const NameResolver& names, std::size_t file, std::string_view scope,
                  std::string_view dotted, std::initializer_list<std::string_view> externals,
                  int depth) {
  if (depth > 8) return false;
  const NameTarget t = names.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kExternal) {
    return std::find(externals.begin(), externals.end(), t.name) != externals.end();
  }
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return false;
  }
  return std::any_of(
      t.definition->bases.begin(), t.definition->bases.end(), [&](const PythonValue& base) {
        return base.kind == PythonValue::Kind::kName &&
               derives_from(names, t.file, t.definition->scope, base.text, externals, depth + 1);
      });
}

void walk_class_hierarchy(const NameResolver& names, std::size_t file, std::string_view scope,
                          std::string_view dotted,
                          const std::function<void(std::size_t, const DefinitionFact&)>& visit,
                          const std::function<void(const std::string&)>& external) {
  struct Pending {
    std::size_t file;
    std::string scope, dotted;
    int depth;
  };
  std::vector<Pending> stack{{file, std::string(scope), std::string(dotted), 0}};
  while (!stack.empty()) {
    Pending p = std::move(stack.back());
    stack.pop_back();
    if (p.depth > 12) continue;
    const NameTarget t = names.resolve(p.file, p.scope, p.dotted);
    if (t.kind == NameTarget::Kind::kExternal) {
      external(t.name);
      continue;
    }
    if (t.kind != NameTarget::Kind::kDefinition ||
        t.definition->kind != DefinitionFact::Kind::kClass) {
      if (t.kind == NameTarget::Kind::kUnknown) external(p.dotted);
      continue;
    }
    visit(t.file, *t.definition);
    const auto& bases = t.definition->bases;
    for (auto base = bases.rbegin(); base != bases.rend(); ++base) {  // first base on top
      if (base->kind == PythonValue::Kind::kName) {
        stack.push_back({t.file, t.definition->scope, base->text, p.depth + 1});
      }
    }
  }
}

}  // namespace cutover
