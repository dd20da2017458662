#include "link/class_hierarchy.h"

#include <algorithm>

namespace cutover {

namespace {

void collect_external_ancestors(const NameResolver& names, std::size_t file, std::string_view scope,
                                std::string_view dotted, int depth, std::vector<std::string>& out) {
  if (depth > 8) return;
  NameTarget t = names.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kExternal) {
    out.push_back(std::move(t.name));
    return;
  }
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return;
  }
  for (const PythonValue& base : t.definition->bases) {
    if (base.kind == PythonValue::Kind::kName)
      collect_external_ancestors(names, t.file, t.definition->scope, base.text, depth + 1, out);
  }
}

}  // namespace

std::vector<std::string> external_ancestors(const NameResolver& names, std::size_t file,
                                            std::string_view scope, std::string_view dotted) {
  std::vector<std::string> out;
  collect_external_ancestors(names, file, scope, dotted, 0, out);
  return out;
}

std::vector<ClassConstruction> find_class_constructions(const NameResolver& names) {
  std::vector<ClassConstruction> out;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.value.kind != PythonValue::Kind::kCall) continue;
      NameTarget callee = names.resolve(f, a.scope, a.value.text);
      ClassConstruction c{.file = f, .assignment = &a};
      if (callee.kind == NameTarget::Kind::kExternal) {
        c.external_ancestors.push_back(std::move(callee.name));
      } else if (callee.kind == NameTarget::Kind::kDefinition &&
                 callee.definition->kind == DefinitionFact::Kind::kClass) {
        for (const PythonValue& base : callee.definition->bases) {
          if (base.kind == PythonValue::Kind::kName) {
            collect_external_ancestors(names, callee.file, callee.definition->scope, base.text, 1,
                                       c.external_ancestors);
          }
        }
      } else {
        continue;
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

bool has_ancestor(const std::vector<std::string>& ancestors,
                  std::initializer_list<std::string_view> externals) {
  return std::any_of(ancestors.begin(), ancestors.end(), [&](const std::string& a) {
    return std::find(externals.begin(), externals.end(), a) != externals.end();
  });
}

bool derives_from(const NameResolver& names, std::size_t file, std::string_view scope,
                  std::string_view dotted, std::initializer_list<std::string_view> externals,
                  int depth) {
  std::vector<std::string> ancestors;
  collect_external_ancestors(names, file, scope, dotted, depth, ancestors);
  return has_ancestor(ancestors, externals);
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
