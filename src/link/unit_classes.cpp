// UnitUseResolver's view of classes: each class's lineage in the tree, the
// methods it has through it, and whether a library class or an ORM's model
// base is among its ancestors.
#include <algorithm>
#include <map>

#include "link/unit_uses.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

constexpr std::size_t kMaxLineage = 64;

// An ORM's model base, seen from outside the tree: `db.Model`,
// `django.db.models.Model`, `AbstractUser`, SQLAlchemy's DeclarativeBase.
bool names_model_base(std::string_view dotted) {
  const std::string_view last = last_name(dotted);
  return last == "Model" || last == "AbstractUser" || last == "AbstractBaseUser" ||
         last == "DeclarativeBase";
}

bool is_call_to(const PythonValue& value, std::string_view callee) {
  return value.kind == PythonValue::Kind::kCall && last_name(value.text) == callee;
}

}  // namespace

const UnitUseResolver::ClassInfo& UnitUseResolver::class_info(std::uint32_t cls) const {
  std::call_once(class_once_[cls],
                 [&] { classes_[cls] = std::make_unique<ClassInfo>(compute_class_info(cls)); });
  return *classes_[cls];
}

UnitUseResolver::ClassInfo UnitUseResolver::compute_class_info(std::uint32_t cls) const {
  ClassInfo info;
  // Depth-first, bases in order, nearest first: close to Python's MRO for
  // the single and mixin inheritance web code uses.
  std::vector<std::uint32_t> stack{cls};
  while (!stack.empty() && info.lineage.size() < kMaxLineage) {
    const std::uint32_t id = stack.back();
    stack.pop_back();
    if (std::find(info.lineage.begin(), info.lineage.end(), id) != info.lineage.end()) continue;
    info.lineage.push_back(id);
    const std::size_t f = units_.file(id);
    const DefinitionFact& d = units_.definition(id);
    if (model_names_.contains(units_.files()[f].module + "." + d.qualified_name)) info.model = true;
    for (auto base = d.bases.rbegin(); base != d.bases.rend(); ++base) {
      if (base->kind != PythonValue::Kind::kName) continue;
      const NameTarget t = names_.resolve(f, d.scope, base->text);
      switch (t.kind) {
        case NameTarget::Kind::kDefinition:
          if (t.definition->kind == DefinitionFact::Kind::kClass && !test_files_[t.file]) {
            stack.push_back(units_.id(t.file, *t.definition));
          }
          break;
        case NameTarget::Kind::kExternal:
          // `object` and the other builtins are not bound: a dotted name is
          // a library's class.
          info.framework = info.framework || t.name.find('.') != std::string::npos;
          info.model = info.model || names_model_base(t.name);
          break;
        case NameTarget::Kind::kAssignment:  // `Base = declarative_base()`, `db.Model`
          info.framework = true;
          info.model = info.model || is_call_to(t.assignment->value, "declarative_base") ||
                       is_call_to(t.assignment->value, "generate_base");
          break;
        default:
          info.framework = info.framework || base->text.find('.') != std::string::npos;
          info.model = info.model || names_model_base(base->text);
          break;
      }
    }
  }
  std::map<std::string_view, std::uint32_t> methods;
  for (const std::uint32_t id : info.lineage) {
    const DefinitionFact& d = units_.definition(id);
    const std::size_t f = units_.file(id);
    for (const std::string& m : d.methods) {
      if (methods.contains(m)) continue;  // overridden nearer
      if (const auto mid = units_.find(f, d.qualified_name + "." + m)) methods.emplace(m, *mid);
    }
  }
  info.methods.assign(methods.begin(), methods.end());
  return info;
}

// `db.relationship('OrderItem')`, `relationship(OrderItem)`,
// `models.ForeignKey('stores.Site')`, `OneToOneField(User)`: the model an
// attribute holds (one, or each of a collection).
std::optional<std::uint32_t> UnitUseResolver::relation_target(std::size_t file,
                                                              std::string_view scope,
                                                              const PythonValue& value) const {
  if (value.kind != PythonValue::Kind::kCall) return std::nullopt;
  const std::string_view callee = last_name(value.text);
  if (callee != "relationship" && callee != "ForeignKey" && callee != "OneToOneField" &&
      callee != "ManyToManyField")
    return std::nullopt;
  const PythonValue* target = call_argument(value, 0, callee == "relationship" ? "argument" : "to");
  if (!target) return std::nullopt;
  if (target->kind == PythonValue::Kind::kString) {
    const auto it = model_by_class_.find(last_name(target->text));
    if (it == model_by_class_.end()) return std::nullopt;
    return it->second;
  }
  if (target->kind != PythonValue::Kind::kName) return std::nullopt;
  const NameTarget t = names_.resolve(file, scope, target->text);
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass || test_files_[t.file])
    return std::nullopt;
  return units_.id(t.file, *t.definition);
}

// The relations a model's body declares, both ways.
void UnitUseResolver::add_relations(std::uint32_t model) {
  const DefinitionFact& d = units_.definition(model);
  const std::size_t f = units_.file(model);
  for (const AssignmentFact& a : units_.files()[f].assignments) {
    if (a.scope != d.qualified_name) continue;
    const auto related = relation_target(f, a.scope, a.value);
    if (!related) continue;
    relations_.try_emplace({model, a.target}, *related);
    // backref='order', backref=db.backref('order', ...), related_name='devices'
    const PythonValue* reverse = a.value.keyword("backref");
    if (!reverse) reverse = a.value.keyword("related_name");
    if (reverse && reverse->kind == PythonValue::Kind::kCall && !reverse->items.empty())
      reverse = &reverse->items.front();
    if (reverse && reverse->kind == PythonValue::Kind::kString && is_identifier(reverse->text))
      relations_.try_emplace({*related, reverse->text}, model);
  }
}

std::optional<std::uint32_t> UnitUseResolver::related_model(std::uint32_t cls,
                                                            std::string_view attribute) const {
  for (const std::uint32_t id : class_info(cls).lineage) {
    const auto it = relations_.find({id, attribute});
    if (it != relations_.end()) return it->second;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> UnitUseResolver::method(std::uint32_t cls, std::string_view name,
                                                     bool past_itself) const {
  const ClassInfo& info = class_info(cls);
  if (!past_itself) {
    const auto it = std::lower_bound(info.methods.begin(), info.methods.end(), name,
                                     [](const auto& m, std::string_view n) { return m.first < n; });
    if (it != info.methods.end() && it->first == name) return it->second;
    return std::nullopt;
  }
  for (std::size_t i = 1; i < info.lineage.size(); ++i) {
    const DefinitionFact& d = units_.definition(info.lineage[i]);
    if (std::find(d.methods.begin(), d.methods.end(), name) == d.methods.end()) continue;
    if (const auto m =
            units_.find(units_.file(info.lineage[i]), d.qualified_name + "." + std::string(name)))
      return m;
  }
  return std::nullopt;
}

}  // namespace cutover
