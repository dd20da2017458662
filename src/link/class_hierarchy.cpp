#include "link/class_hierarchy.h"

#include <algorithm>
#include <iterator>

#include "util/parallel_for.h"

namespace cutover {

namespace {

// Whether `dotted` names something outside the tree or a class of the tree;
// the external classes it is or derives from go to `out`. `before`: the
// line of the class statement whose base `dotted` is (see resolve_before).
bool collect_external_ancestors(const NameResolver& names, std::size_t file, std::string_view scope,
                                std::string_view dotted, int depth, std::vector<std::string>& out,
                                std::uint32_t before = UINT32_MAX) {
  if (depth > 8) return false;
  NameTarget t = names.resolve_before(file, scope, dotted, before);
  if (t.kind == NameTarget::Kind::kExternal) {
    out.push_back(std::move(t.name));
    return true;
  }
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return false;
  }
  for (const PythonValue& base : t.definition->bases) {
    if (base.kind == PythonValue::Kind::kName)
      collect_external_ancestors(names, t.file, t.definition->scope, base.text, depth + 1, out,
                                 t.definition->line);
  }
  return true;
}

}  // namespace

std::vector<ClassConstruction> find_class_constructions(const NameResolver& names, unsigned jobs) {
  const std::vector<FileSummary>& files = names.files();
  std::vector<std::vector<ClassConstruction>> in_file(files.size());
  parallel_for_each_index(files.size(), jobs, [&](std::size_t f) {
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.value.kind != PythonValue::Kind::kCall) continue;
      ClassConstruction c{.file = f, .assignment = &a};
      if (collect_external_ancestors(names, f, a.scope, a.value.text, 0, c.external_ancestors))
        in_file[f].push_back(std::move(c));
    }
  });
  std::vector<ClassConstruction> out;
  for (std::vector<ClassConstruction>& constructions : in_file)
    std::move(constructions.begin(), constructions.end(), std::back_inserter(out));
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
    std::uint32_t before = UINT32_MAX;  // a base: the line of its class statement
  };
  std::vector<Pending> stack{{file, std::string(scope), std::string(dotted), 0}};
  while (!stack.empty()) {
    Pending p = std::move(stack.back());
    stack.pop_back();
    if (p.depth > 12) continue;
    const NameTarget t = names.resolve_before(p.file, p.scope, p.dotted, p.before);
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
        stack.push_back({t.file, t.definition->scope, base->text, p.depth + 1, t.definition->line});
      }
    }
  }
}

}  // namespace cutover
