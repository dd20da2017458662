#include "link/code_uses.h"

#include <algorithm>
#include <map>
#include <set>

#include "link/class_hierarchy.h"
#include "link/data_models.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

constexpr std::string_view kModelPrefix = "model:";

bool is_write_call(std::string_view use) {
  static constexpr std::string_view kWrites[] = {
      "add",         "add_all",     "delete", "save",          "create",
      "bulk_create", "update",      "merge",  "get_or_create", "update_or_create",
      "commit",      "bulk_update", "insert", "remove"};
  const std::string_view method = last_name(use);
  return use.find('.') != std::string_view::npos &&
         std::find(std::begin(kWrites), std::end(kWrites), method) != std::end(kWrites);
}

bool in_scope(std::string_view scope, std::string_view prefix) {
  return prefix.empty() || is_within(scope, prefix);
}

}  // namespace

std::string_view model_in_use(std::string_view resolved) {
  if (!resolved.starts_with(kModelPrefix)) return {};
  resolved.remove_prefix(kModelPrefix.size());
  const std::size_t end = resolved.find('|');
  return end == std::string_view::npos ? resolved : resolved.substr(0, end);
}

CodeUseResolver::CodeUseResolver(const NameResolver& names, const std::vector<DataModel>& models)
    : names_(names) {
  for (const DataModel& m : models) {
    models_.emplace(m.name, &m);
    const std::string class_name = m.name.substr(m.name.rfind('.') + 1);
    local_names_.insert(class_name);
    if (class_name.empty() || class_name[0] < 'A' || class_name[0] > 'Z') continue;  // a Table
    // Two models of one name make the parameter ambiguous: nullptr.
    auto [it, inserted] = models_by_parameter_.emplace(camel_to_snake(class_name), &m);
    if (!inserted) it->second = nullptr;
  }
}

const DataModel* CodeUseResolver::model_of(const NameTarget& t) const {
  if (t.kind != NameTarget::Kind::kDefinition && t.kind != NameTarget::Kind::kAssignment) return {};
  const FileSummary& file = names_.files()[t.file];
  const std::string& local = t.definition ? t.definition->qualified_name : t.assignment->target;
  const auto it = models_.find(file.module + "." + local);
  return it == models_.end() ? nullptr : it->second;
}

std::string CodeUseResolver::resolve(std::size_t f, const NameUse& use) const {
  std::string_view chain = use.name;
  if (chain.starts_with("self.request.")) chain.remove_prefix(5);  // class-based views
  const std::size_t dot = chain.find('.');
  const std::string_view first = chain.substr(0, dot);
  const std::string_view rest = dot == std::string_view::npos ? "" : chain.substr(dot);
  const NameTarget t = names_.resolve(f, use.scope, first);
  switch (t.kind) {
    case NameTarget::Kind::kExternal:
      return t.name + std::string(rest);
    case NameTarget::Kind::kParameter: {
      if (first == "request") return std::string(chain);
      // A parameter named after a model (`def refund_order(order)`) is
      // taken to hold one: callers pass the instance they looked up.
      const auto m = models_by_parameter_.find(first);
      if (m == models_by_parameter_.end() || !m->second) return {};
      return std::string(kModelPrefix) + m->second->name + "|" + std::string(rest);
    }
    case NameTarget::Kind::kModule: {
      // `models.Order.query`: the module's attribute.
      const std::size_t second_end = chain.find('.', dot + 1);
      const NameTarget inner = names_.resolve(f, use.scope, chain.substr(0, second_end));
      if (const DataModel* m = model_of(inner)) {
        const std::string_view tail =
            second_end == std::string_view::npos ? "" : chain.substr(second_end);
        return std::string(kModelPrefix) + m->name + "|" + std::string(tail);
      }
      if (inner.kind == NameTarget::Kind::kExternal) {
        return inner.name +
               std::string(second_end == std::string_view::npos ? "" : chain.substr(second_end));
      }
      return {};
    }
    default:
      if (const DataModel* m = model_of(t)) {
        return std::string(kModelPrefix) + m->name + "|" + std::string(rest);
      }
      return {};
  }
}

std::vector<NameUse> CodeUseResolver::uses_in(std::size_t f, std::string_view scope) const {
  std::vector<NameUse> out;
  std::set<std::string> seen;
  const FileSummary& file = names_.files()[f];
  // A class-based view's configuration, and the decorators of the handler.
  static constexpr std::string_view kViewAttributes[] = {
      "serializer_class", "permission_classes", "authentication_classes",
      "throttle_classes", "pagination_class",   "filter_backends"};
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope == scope && std::find(std::begin(kViewAttributes), std::end(kViewAttributes),
                                      a.target) != std::end(kViewAttributes)) {
      out.push_back(NameUse{.scope = a.scope, .name = "view." + a.target, .line = a.line});
    }
  }
  for (const DefinitionFact& d : file.definitions) {
    if (d.scope == scope && d.name == "get_serializer_class") {
      out.push_back(NameUse{.scope = d.scope, .name = "view.get_serializer_class", .line = d.line});
    }
    if (d.qualified_name != scope) continue;
    for (const PythonValue& decorator : d.decorators) {
      const std::string& name =
          decorator.kind == PythonValue::Kind::kCall || decorator.kind == PythonValue::Kind::kName
              ? decorator.text
              : std::string();
      if (!name.empty())
        out.push_back(NameUse{.scope = scope.empty() ? "" : std::string(scope),
                              .name = "decorator:" + name,
                              .line = decorator.line});
    }
  }
  for (const NameUse& use : names_.files()[f].name_uses) {
    if (!in_scope(use.scope, scope) || (scope.empty() && use.scope.empty())) continue;
    std::string resolved = resolve(f, use);
    if (resolved.empty() || !seen.insert(resolved).second) continue;
    out.push_back(NameUse{.scope = use.scope, .name = std::move(resolved), .line = use.line});
  }
  return out;
}

std::vector<HandlerUse> CodeUseResolver::handler_uses(std::size_t f, std::string_view scope,
                                                      InheritedUses* inherited) const {
  std::vector<HandlerUse> out;
  std::set<std::string> seen;
  const auto add_uses = [&](std::size_t file, const std::vector<NameUse>& uses) {
    for (const NameUse& use : uses) {
      if (!seen.insert(use.name).second) continue;
      out.push_back(
          HandlerUse{.name = use.name, .file = names_.files()[file].path, .line = use.line});
    }
  };
  const auto add = [&](std::size_t file, std::string_view in_scope) {
    if (!inherited) return add_uses(file, uses_in(file, in_scope));
    auto [it, fresh] = inherited->try_emplace({file, std::string(in_scope)});
    if (fresh) it->second = uses_in(file, in_scope);
    add_uses(file, it->second);
  };
  add_uses(f, uses_in(f, scope));
  const NameTarget handler = names_.resolve(f, "", scope);
  if (handler.kind != NameTarget::Kind::kDefinition ||
      handler.definition->kind != DefinitionFact::Kind::kClass) {
    return out;
  }
  walk_class_hierarchy(
      names_, f, "", scope,
      [&](std::size_t file, const DefinitionFact& cls) {
        if (&cls != handler.definition) add(file, cls.qualified_name);
      },
      [](const std::string&) {});
  return out;
}

bool CodeUseResolver::may_name_model(std::string_view use) const {
  // Model classes are CamelCase (`Order`, `models.Order`); Table variables
  // and model-named parameters are looked up by name. Everything else
  // (`request.args`, `db.session.add`) is skipped without a resolution.
  const std::size_t dot = use.find('.');
  const std::string_view first = use.substr(0, dot);
  const auto upper = [](std::string_view name) {
    return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
  };
  if (upper(first)) return true;
  if (dot != std::string_view::npos) {
    const std::string_view rest = use.substr(dot + 1);
    if (upper(rest.substr(0, rest.find('.')))) return true;
  }
  return local_names_.contains(first) || models_by_parameter_.contains(first);
}

std::vector<TableAccess> CodeUseResolver::table_accesses(std::size_t f,
                                                         const std::string& module_id) const {
  const FileSummary& file = names_.files()[f];
  std::set<std::string> writing_scopes;
  for (const NameUse& use : file.name_uses) {
    if (!use.scope.empty() && is_write_call(use.name)) writing_scopes.insert(use.scope);
  }
  std::map<std::pair<std::string, std::string>, TableAccess> by_table_scope;
  for (const NameUse& use : file.name_uses) {
    if (use.scope.empty() || !may_name_model(use.name)) continue;
    const std::string resolved = resolve(f, use);
    const std::string_view model = model_in_use(resolved);
    if (model.empty()) continue;
    const DataModel* m = models_.at(std::string(model));
    const bool write = writing_scopes.contains(use.scope);
    auto [it, inserted] =
        by_table_scope.try_emplace({m->table, use.scope}, TableAccess{.table = m->table,
                                                                      .write = write,
                                                                      .module = module_id,
                                                                      .scope = use.scope,
                                                                      .file = file.path,
                                                                      .line = use.line});
    if (!inserted && use.line < it->second.line) it->second.line = use.line;
  }
  std::vector<TableAccess> out;
  for (auto& [key, access] : by_table_scope)
    out.push_back(std::move(access));
  return out;
}

}  // namespace cutover
