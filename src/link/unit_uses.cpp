#include "link/unit_uses.h"

#include <algorithm>

#include "link/data_models.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

// How far a value's class is followed through assignments and returns:
// `cart = _cart()` where `_cart` returns `SessionCart(uid)` is two steps.
constexpr int kMaxDepth = 6;

bool is_builtin_value(PythonValue::Kind kind) {
  using K = PythonValue::Kind;
  return kind == K::kString || kind == K::kFString || kind == K::kNumber || kind == K::kList ||
         kind == K::kTuple || kind == K::kDict || kind == K::kBool || kind == K::kNone;
}

bool has_decorator(const DefinitionFact& d, std::string_view name) {
  return std::any_of(d.decorators.begin(), d.decorators.end(),
                     [&](const PythonValue& v) { return last_name(v.text) == name; });
}

}  // namespace

void UnitEdges::finish() {
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  std::sort(modules.begin(), modules.end());
  modules.erase(std::unique(modules.begin(), modules.end()), modules.end());
}

UnitUseResolver::UnitUseResolver(const NameResolver& names, const CodeUnits& units,
                                 const std::vector<char>& test_files,
                                 const std::vector<DataModel>& models)
    : names_(names),
      units_(units),
      test_files_(test_files),
      edge_once_(new std::once_flag[units.count()]),
      class_once_(new std::once_flag[units.count()]),
      edges_(units.count()),
      classes_(units.count()) {
  StringMap<std::size_t> file_of;
  for (std::size_t f = 0; f < units.files().size(); ++f)
    file_of.emplace(units.files()[f].path, f);
  StringSet ambiguous;
  for (const DataModel& m : models) {
    model_names_.insert(m.name);
    const std::string_view class_name = last_name(m.name);
    if (class_name.empty() || class_name[0] < 'A' || class_name[0] > 'Z') continue;  // a Table
    const auto f = file_of.find(m.file);
    if (f == file_of.end()) continue;
    const std::string& module = units.files()[f->second].module;
    if (m.name.size() <= module.size() + 1) continue;
    const auto id = units.find(f->second, std::string_view(m.name).substr(module.size() + 1));
    if (!id) continue;
    // Two models of one name leave the local name to nobody.
    const auto [it, fresh] = model_by_local_.emplace(camel_to_snake(class_name), *id);
    if (!fresh) ambiguous.insert(it->first);
    const auto [c, fresh_class] = model_by_class_.emplace(class_name, *id);
    if (!fresh_class) ambiguous.insert(c->first);
  }
  for (const std::string& name : ambiguous) {
    model_by_local_.erase(name);
    model_by_class_.erase(name);
  }
  // In the models' order (by name): the first declaration of a relation wins.
  for (const DataModel& m : models) {
    const auto id = model_by_class_.find(last_name(m.name));
    if (id != model_by_class_.end() && model_names_.contains(m.name)) add_relations(id->second);
  }
}

const UnitEdges& UnitUseResolver::edges(std::uint32_t unit) const {
  std::call_once(edge_once_[unit], [&] { edges_[unit] = compute_edges(unit); });
  return edges_[unit];
}

UnitEdges UnitUseResolver::compute_edges(std::uint32_t unit) const {
  UnitEdges out;
  const std::size_t f = units_.file(unit);
  const FileSummary& file = units_.files()[f];
  const DefinitionFact& d = units_.definition(unit);
  out.modules.push_back(static_cast<std::uint32_t>(f));
  for (const std::uint32_t i : units_.uses(unit)) {
    const NameUse& use = file.name_uses[i];
    // A method's decorators are written in the class body: they are the
    // method's, taken from its definition below.
    if (!use.in_decorator) add_use(f, use.scope, use.name, use.called, out);
  }
  for (const PythonValue& decorator : d.decorators)
    add_value_names(f, d.scope, decorator, out, 0);
  if (d.kind == DefinitionFact::Kind::kClass) {
    // Its bases' bodies are part of its definition; their methods come
    // when they are called, or with the class's use (add_class_use).
    for (const PythonValue& base : d.bases) {
      if (base.kind == PythonValue::Kind::kName) follow(f, d.scope, base.text, 0, &out);
    }
    for (const std::uint32_t nested : units_.nested_classes(unit))
      out.units.push_back(nested);
  } else if (const auto around = units_.parent(unit);
             around && units_.definition(*around).kind == DefinitionFact::Kind::kClass) {
    out.units.push_back(*around);  // a method needs its class
  }
  out.finish();
  std::erase(out.units, unit);
  return out;
}

void UnitUseResolver::add_value_names(std::size_t file, std::string_view scope,
                                      const PythonValue& v, UnitEdges& out, int depth) const {
  if (depth > 3) return;
  if (v.kind == PythonValue::Kind::kName) {
    add_use(file, scope, v.text, depth == 0, out);  // a bare decorator is called with the function
  } else if (v.kind == PythonValue::Kind::kCall) {
    if (!v.text.empty()) add_use(file, scope, v.text, true, out);
    for (const PythonValue& item : v.items)
      add_value_names(file, scope, item, out, depth + 1);
    for (const KeywordArgument& k : v.keywords) {
      for (const PythonValue& item : k.value)
        add_value_names(file, scope, item, out, depth + 1);
    }
  } else if (v.kind == PythonValue::Kind::kList || v.kind == PythonValue::Kind::kTuple) {
    for (const PythonValue& item : v.items)
      add_value_names(file, scope, item, out, depth + 1);
  }
}

void UnitUseResolver::add_use(std::size_t file, std::string_view scope, std::string_view name,
                              bool called, UnitEdges& out) const {
  const UseTarget t = follow(file, scope, name, 0, &out);
  if (t.kind == UseTarget::Kind::kClass) {
    add_class_use(t.id, out);  // named or instantiated
  } else if (t.kind == UseTarget::Kind::kUnknown && called &&
             name.find('.') != std::string_view::npos) {
    ++out.unresolved_calls;  // a call on a receiver nothing resolves
  }
}

void UnitUseResolver::add_class_use(std::uint32_t cls, UnitEdges& out) const {
  out.units.push_back(units_.unit(cls));
  const ClassInfo& info = class_info(cls);
  if (const auto init = method(cls, "__init__")) out.units.push_back(units_.unit(*init));
  if (!info.framework || info.model) return;
  for (const auto& [name, m] : info.methods)
    out.units.push_back(units_.unit(m));
}

UseTarget UnitUseResolver::follow(std::size_t file, std::string_view scope, std::string_view chain,
                                  int depth, UnitEdges* out) const {
  using K = UseTarget::Kind;
  if (depth > kMaxDepth || chain.empty()) return {};
  if (const std::size_t paren = chain.find("()."); paren != std::string_view::npos) {
    // `F().m`: a method of what F returns; F's own use is recorded apart.
    const std::string_view callee = chain.substr(0, paren);
    std::string_view rest = chain.substr(paren + 3);
    UseTarget t;
    if (callee == "super") {
      // super().m: m as the classes after the method's own class define it.
      const auto unit = units_.unit_of_scope(file, scope);
      const auto cls = unit ? units_.parent(*unit) : std::nullopt;
      if (!cls || units_.definition(*cls).kind != DefinitionFact::Kind::kClass) return {};
      const std::string_view first = rest.substr(0, rest.find('.'));
      const auto m = method(*cls, first, /*past_itself=*/true);
      if (m && out) out->units.push_back(units_.unit(*m));
      t = m ? UseTarget{K::kFunction, *m}
            : UseTarget{class_info(*cls).framework ? K::kExternal : K::kUnknown, 0};
      rest = rest.size() > first.size() ? rest.substr(first.size() + 1) : std::string_view();
    } else {
      t = call_result(follow(file, scope, callee, depth + 1, nullptr), depth);
    }
    for (std::size_t at = 0; !rest.empty() && at != std::string_view::npos;) {
      const std::size_t dot = rest.find('.', at);
      t = member(t, rest.substr(at, dot - at), out);
      at = dot == std::string_view::npos ? dot : dot + 1;
    }
    return t;
  }
  std::size_t dot = chain.find('.');
  const std::string_view first = chain.substr(0, dot);
  const NameTarget bound = names_.resolve(file, scope, first);
  UseTarget t = from_name(bound, scope, depth, out);
  if (bound.kind == NameTarget::Kind::kUnknown && dot != std::string_view::npos) {
    // An unbound name (a loop or comprehension variable) named after a
    // model holds one, as a model-named parameter or local does.
    if (const auto m = model_named(first)) t = {K::kInstance, *m};
  }
  while (dot != std::string_view::npos) {
    const std::size_t next = chain.find('.', dot + 1);
    if (t.kind == K::kModule) {
      // A module's attribute: a submodule, or a name the module binds.
      t = from_name(names_.resolve(file, scope, chain.substr(0, next)), scope, depth, out);
    } else {
      t = member(t, chain.substr(dot + 1, next - dot - 1), out);
    }
    dot = next;
  }
  return t;
}

UseTarget UnitUseResolver::from_name(const NameTarget& t, std::string_view scope, int depth,
                                     UnitEdges* out) const {
  using K = UseTarget::Kind;
  switch (t.kind) {
    case NameTarget::Kind::kModule:
      if (test_files_[t.file]) return {};
      if (out) out->modules.push_back(static_cast<std::uint32_t>(t.file));
      return {K::kModule, static_cast<std::uint32_t>(t.file)};
    case NameTarget::Kind::kDefinition: {
      const std::uint32_t id = units_.id(t.file, *t.definition);
      if (in_test(id)) return {};
      if (out) out->units.push_back(units_.unit(id));
      return {t.definition->kind == DefinitionFact::Kind::kClass ? K::kClass : K::kFunction, id};
    }
    case NameTarget::Kind::kAssignment: {
      const AssignmentFact& a = *t.assignment;
      if (test_files_[t.file]) return {};
      if (a.scope.empty() && out) out->modules.push_back(static_cast<std::uint32_t>(t.file));
      // The value's own uses are the code that assigns it, not this one's.
      UseTarget value = value_target(t.file, a.scope, a.value, depth + 1);
      if (value.kind != K::kInstance && value.kind != K::kClass && value.kind != K::kFunction &&
          !a.scope.empty()) {
        // A local named after a model holds one (`order = ...get_or_404(id)`).
        if (const auto m = model_named(a.target)) value = {K::kInstance, *m};
      }
      return value;
    }
    case NameTarget::Kind::kParameter: {
      const DefinitionFact& fn = *t.definition;
      if (t.name == "request") return {K::kExternal, 0};  // a view's request: the framework's
      const auto at = std::find(fn.parameters.begin(), fn.parameters.end(), t.name);
      const std::size_t index = static_cast<std::size_t>(at - fn.parameters.begin());
      const std::uint32_t fid = units_.id(t.file, fn);
      const auto around = units_.parent(fid);
      if (index == 0 && around && units_.definition(*around).kind == DefinitionFact::Kind::kClass &&
          !has_decorator(fn, "staticmethod")) {
        // self, or cls in a classmethod
        return {has_decorator(fn, "classmethod") ? K::kClass : K::kInstance, *around};
      }
      if (index < fn.parameter_types.size() && !fn.parameter_types[index].empty()) {
        std::string_view type = fn.parameter_types[index];
        if (type.size() > 2 && (type.front() == '"' || type.front() == '\''))
          type = type.substr(1, type.size() - 2);
        if (is_identifier(top_level_name(type))) {
          const UseTarget c = follow(t.file, fn.scope, type, depth + 1, nullptr);
          if (c.kind == K::kClass) return {K::kInstance, c.id};
          if (c.kind == K::kExternal) return c;
        }
      }
      if (const auto m = model_named(t.name)) return {K::kInstance, *m};
      return {};
    }
    case NameTarget::Kind::kExternal:
      return {K::kExternal, 0};
    case NameTarget::Kind::kUnknown:
      break;
  }
  (void)scope;
  return {};
}

UseTarget UnitUseResolver::member(UseTarget base, std::string_view attribute,
                                  UnitEdges* out) const {
  using K = UseTarget::Kind;
  switch (base.kind) {
    case K::kExternal:
    case K::kFunction:  // an attribute of a function: `task.delay`, library-made
      return {K::kExternal, 0};
    case K::kClass:
    case K::kInstance: {
      if (base.kind == K::kInstance && out) out->units.push_back(units_.unit(base.id));
      if (const auto m = method(base.id, attribute)) {
        if (out) out->units.push_back(units_.unit(*m));
        return {K::kFunction, *m};
      }
      if (base.kind == K::kInstance) {
        // Reading a relation loads the related model's rows.
        if (const auto related = related_model(base.id, attribute)) {
          if (out) out->units.push_back(units_.unit(*related));
          return {K::kInstance, *related};
        }
      }
      // Attributes a library class or the ORM provides (`self.request`,
      // `Order.query`) are its; a plain class's unknown attribute is not.
      const ClassInfo& info = class_info(base.id);
      return {info.framework || info.model ? K::kExternal : K::kUnknown, 0};
    }
    case K::kModule:  // follow() resolves module attributes by name
    case K::kUnknown:
      break;
  }
  return {};
}

UseTarget UnitUseResolver::call_result(UseTarget callee, int depth) const {
  using K = UseTarget::Kind;
  switch (callee.kind) {
    case K::kClass:
      return {K::kInstance, callee.id};
    case K::kFunction:
      return returned(callee.id, depth + 1);
    case K::kExternal:
      return callee;
    default:
      return {};
  }
}

UseTarget UnitUseResolver::value_target(std::size_t file, std::string_view scope,
                                        const PythonValue& v, int depth) const {
  if (depth > kMaxDepth) return {};
  if (is_builtin_value(v.kind)) return {UseTarget::Kind::kExternal, 0};
  if (v.kind == PythonValue::Kind::kName) return follow(file, scope, v.text, depth + 1, nullptr);
  if (v.kind == PythonValue::Kind::kCall && !v.text.empty())
    return call_result(follow(file, scope, v.text, depth + 1, nullptr), depth + 1);
  return {};
}

// What a function of the tree returns: the first return whose value is a
// class, an instance or a function of the tree; else something outside it.
UseTarget UnitUseResolver::returned(std::uint32_t function, int depth) const {
  if (depth > kMaxDepth) return {};
  const std::size_t f = units_.file(function);
  const DefinitionFact& fn = units_.definition(function);
  UseTarget found;
  for (const ReturnFact& r : units_.files()[f].returns) {
    if (r.scope != fn.qualified_name) continue;
    const UseTarget t = value_target(f, r.scope, r.value, depth + 1);
    if (t.kind == UseTarget::Kind::kExternal) {
      found = t;
    } else if (t.kind != UseTarget::Kind::kUnknown && t.kind != UseTarget::Kind::kModule) {
      return t;
    }
  }
  return found;
}

std::optional<std::uint32_t> UnitUseResolver::model_named(std::string_view local) const {
  const auto it = model_by_local_.find(local);
  if (it == model_by_local_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cutover
