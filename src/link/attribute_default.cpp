#include "link/attribute_default.h"

#include "link/class_hierarchy.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

// The call constructing the object `target` names: the assigned call, or the
// call a factory function of the tree returns (`settings = get_settings()`).
struct Construction {
  const PythonValue* call = nullptr;
  std::size_t file = 0;
  std::string_view scope;
};

std::optional<Construction> construction_of(const NameResolver& names, const NameTarget& t) {
  if (t.kind != NameTarget::Kind::kAssignment ||
      t.assignment->value.kind != PythonValue::Kind::kCall) {
    return std::nullopt;
  }
  Construction c{.call = &t.assignment->value, .file = t.file, .scope = t.assignment->scope};
  const NameTarget callee = names.resolve(c.file, c.scope, c.call->text);
  if (callee.kind != NameTarget::Kind::kDefinition ||
      callee.definition->kind != DefinitionFact::Kind::kFunction) {
    return c;
  }
  for (const ReturnFact& r : names.files()[callee.file].returns) {
    if (r.scope == callee.definition->qualified_name && !r.conditional &&
        r.value.kind == PythonValue::Kind::kCall) {
      return Construction{.call = &r.value, .file = callee.file, .scope = r.scope};
    }
  }
  return std::nullopt;
}

// `Field("/api")`, `Field(default="/api")`, `field(default=...)`, `attr.ib(default=...)`.
const PythonValue& unwrap_default(const PythonValue& value) {
  if (value.kind != PythonValue::Kind::kCall) return value;
  if (const PythonValue* given = value.keyword("default")) return *given;
  if (last_name(value.text) == "Field" && value.positional(0)) return *value.positional(0);
  return value;
}

}  // namespace

std::optional<AttributeDefault> attribute_default(const NameResolver& names, std::size_t file,
                                                  std::string_view scope, std::string_view dotted) {
  const std::string_view base = parent_name(dotted);
  const std::string_view attribute = last_name(dotted);
  if (base.empty()) return std::nullopt;
  const NameTarget t = names.resolve(file, scope, base);
  // The class: `base` itself, or what constructs it.
  std::size_t from_file = file;
  std::string_view from_scope = scope;
  std::string_view class_name = base;
  std::optional<Construction> construction;
  if (t.kind != NameTarget::Kind::kDefinition) {
    construction = construction_of(names, t);
    if (!construction) return std::nullopt;
    if (const PythonValue* given = construction->call->keyword(attribute)) {
      return AttributeDefault{
          .value = given, .file = construction->file, .scope = construction->scope};
    }
    from_file = construction->file;
    from_scope = construction->scope;
    class_name = construction->call->text;
  } else if (t.definition->kind != DefinitionFact::Kind::kClass) {
    return std::nullopt;
  }
  std::optional<AttributeDefault> found;
  walk_class_hierarchy(
      names, from_file, from_scope, class_name,
      [&](std::size_t f, const DefinitionFact& cls) {
        if (found) return;
        for (const AssignmentFact& a : names.files()[f].assignments) {
          if (a.scope == cls.qualified_name && a.target == attribute && !a.augmented) {
            found = AttributeDefault{.value = &unwrap_default(a.value),
                                     .file = f,
                                     .scope = a.scope,
                                     .owner = cls.qualified_name};
          }
        }
      },
      [](const std::string&) {});
  return found;
}

}  // namespace cutover
