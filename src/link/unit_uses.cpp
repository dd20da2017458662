#include "link/unit_uses.h"

#include <algorithm>

#include "link/data_models.h"
#include "link/static_eval.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

bool has_decorator(const DefinitionFact& d, std::string_view name) {
  return std::any_of(d.decorators.begin(), d.decorators.end(),
                     [&](const PythonValue& v) { return last_name(v.text) == name; });
}

// The scope a binding was made in, for a definition or an assignment.
std::string_view binding_scope(const NameTarget& t) {
  if (t.kind == NameTarget::Kind::kDefinition) return t.definition->scope;
  if (t.kind == NameTarget::Kind::kAssignment) return t.assignment->scope;
  return {};
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
  assignment_offset_.assign(units.files().size() + 1, 0);
  for (std::size_t f = 0; f < units.files().size(); ++f) {
    file_of.emplace(units.files()[f].path, f);
    assignment_offset_[f + 1] =
        assignment_offset_[f] + static_cast<std::uint32_t>(units.files()[f].assignments.size());
  }
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
  index_callbacks();
  index_auth_backends();
}

// Django authenticates through the classes settings.AUTHENTICATION_BACKENDS
// names: request.user is the backend's get_user(), authenticate() asks each
// backend's authenticate().
void UnitUseResolver::index_auth_backends() {
  for (const std::size_t f : names_.django_settings()) {
    for (const AssignmentFact& a : units_.files()[f].assignments) {
      if (!a.scope.empty() || a.target != "AUTHENTICATION_BACKENDS") continue;
      const auto classes =
          evaluate_string_list(a.value, EvalScope{.names = &names_, .file = f, .scope = ""});
      if (!classes) continue;
      for (const std::string& dotted : *classes) {
        const auto file = names_.module_file(parent_name(dotted));
        if (!file || test_files_[*file]) continue;
        const auto cls = units_.find(*file, last_name(dotted));
        if (!cls || units_.definition(*cls).kind != DefinitionFact::Kind::kClass) continue;
        backend_get_user_.push_back(*cls);
        backend_authenticate_.push_back(*cls);
        if (const auto m = method(*cls, "get_user")) backend_get_user_.push_back(*m);
        if (const auto m = method(*cls, "authenticate")) backend_authenticate_.push_back(*m);
      }
    }
  }
  for (std::vector<std::uint32_t>* ids : {&backend_get_user_, &backend_authenticate_}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
}

void UnitUseResolver::add_units(const std::vector<std::uint32_t>& ids, UnitEdges* out) const {
  if (!out) return;
  for (const std::uint32_t id : ids)
    out->units.push_back(units_.unit(id));
}

// A library object calls back the functions registered on it: a function
// decorated with `@auth.login_required` runs the tree's `@auth.verify_token`
// and `@auth.error_handler` (Flask-HTTPAuth, Flask-Limiter, CSRFProtect ...);
// flask_login's `current_user` is what the `@login.user_loader` returns.
void UnitUseResolver::index_callbacks() {
  for (std::size_t f = 0; f < units_.files().size(); ++f) {
    if (test_files_[f]) continue;
    for (const DefinitionFact& d : units_.files()[f].definitions) {
      for (const PythonValue& v : d.decorators) {
        if (v.kind != PythonValue::Kind::kName) continue;
        const std::string_view object = parent_name(v.text);
        const std::string_view attribute = last_name(v.text);
        if (object.empty()) continue;
        if (attribute == "user_loader" || attribute == "request_loader")
          user_loaders_.push_back(units_.id(f, d));
        const NameTarget t = names_.resolve(f, d.scope, object);
        if (t.kind != NameTarget::Kind::kAssignment || !t.assignment->scope.empty() ||
            t.assignment->value.kind != PythonValue::Kind::kCall)
          continue;
        callbacks_[t.assignment].emplace_back(attribute, units_.id(f, d));
      }
    }
  }
  // A library keeps one function per hook (`verify_token`, `error_handler`);
  // an attribute decorating several functions wraps each (`login_required`,
  // `task`): those are the object's users, not its callbacks.
  for (auto& [object, registered] : callbacks_) {
    std::map<std::string_view, int> uses;
    for (const auto& [attribute, id] : registered)
      ++uses[attribute];
    std::erase_if(registered, [&](const auto& r) { return uses[r.first] > 1; });
  }
  std::sort(user_loaders_.begin(), user_loaders_.end());
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
    add_decorator(f, d.scope, decorator, out, 0);
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

// A decorator runs when the function is called: its callee (a wrapper, or a
// factory whose result wraps the function: that result's function or
// `__call__`), and the names it is given (`method_decorator(login_required)`,
// `permission_classes([IsAdmin])`). Calls among its arguments run once, when
// the module is imported (`@bp.route(org_scoped_rule('/x'))`): no use.
void UnitUseResolver::add_decorator(std::size_t file, std::string_view scope, const PythonValue& v,
                                    UnitEdges& out, int depth) const {
  if (depth > 3) return;
  if (v.kind == PythonValue::Kind::kName) {
    add_use(file, scope, v.text, depth == 0, out);
    if (depth > 0) return;
    if (const std::string_view object = parent_name(v.text); !object.empty()) {
      const NameTarget o = names_.resolve(file, scope, object);
      const auto registered = o.kind == NameTarget::Kind::kAssignment
                                  ? callbacks_.find(o.assignment)
                                  : callbacks_.end();
      if (registered != callbacks_.end()) {
        // The object's other callbacks: what it runs when this is called.
        for (const auto& [attribute, id] : registered->second) {
          if (attribute != last_name(v.text)) out.units.push_back(units_.unit(id));
        }
      }
    }
    const UseTarget t = follow(file, scope, v.text, 0, nullptr);
    if (t.kind == UseTarget::Kind::kClass) {  // a class as decorator: its instance is called
      if (const auto call = method(t.id, "__call__")) out.units.push_back(units_.unit(*call));
    }
  } else if (v.kind == PythonValue::Kind::kCall && depth == 0) {
    if (v.text.empty()) return;
    add_use(file, scope, v.text, true, out);
    const UseTarget made = call_result(follow(file, scope, v.text, 0, nullptr), 0);
    if (made.kind == UseTarget::Kind::kFunction) {
      out.units.push_back(units_.unit(made.id));
    } else if (made.kind == UseTarget::Kind::kInstance) {
      if (const auto call = method(made.id, "__call__")) out.units.push_back(units_.unit(*call));
    }
    for (const PythonValue& item : v.items)
      add_decorator(file, scope, item, out, depth + 1);
    for (const KeywordArgument& k : v.keywords) {
      for (const PythonValue& item : k.value)
        add_decorator(file, scope, item, out, depth + 1);
    }
  } else if (v.kind == PythonValue::Kind::kList || v.kind == PythonValue::Kind::kTuple) {
    for (const PythonValue& item : v.items)
      add_decorator(file, scope, item, out, depth + 1);
  }
}

void UnitUseResolver::add_use(std::size_t file, std::string_view scope, std::string_view name,
                              bool called, UnitEdges& out) const {
  const UseTarget t = follow(file, scope, name, 0, &out);
  if (t.kind == UseTarget::Kind::kClass) {
    add_class_use(t.id, out, called);  // named or instantiated
  } else if (t.kind == UseTarget::Kind::kUnknown && called &&
             name.find('.') != std::string_view::npos) {
    ++out.unresolved_calls;  // a call on a receiver nothing resolves
  }
}

void UnitUseResolver::add_class_use(std::uint32_t cls, UnitEdges& out, bool instantiated) const {
  out.units.push_back(units_.unit(cls));
  const ClassInfo& info = class_info(cls);
  // A model named in a query or a relation is not built; any other class
  // passed on may be, by whoever receives it.
  if (instantiated || !info.model) {
    if (const auto init = method(cls, "__init__")) out.units.push_back(units_.unit(*init));
  }
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
      const UseTarget called = follow(file, scope, callee, depth + 1, nullptr);
      // A row an ORM fetches (`Order.query.get_or_404(id).total()`).
      const auto model = orm_instance(file, scope, callee, nullptr, called);
      t = model ? UseTarget{K::kInstance, *model} : call_result(called, depth);
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
  NameTarget bound = names_.resolve(file, scope, first);
  // Python: a class body's names are not visible from its methods; the
  // lookup goes on around the class.
  for (int hop = 0; hop < 8; ++hop) {
    const std::string_view at = binding_scope(bound);
    if (at.empty() || bound.file != file || at == scope || !is_within(scope, at)) break;
    const auto cls = units_.find(file, at);
    if (!cls || units_.definition(*cls).kind != DefinitionFact::Kind::kClass) break;
    bound = names_.resolve(file, parent_name(at), first);
  }
  if (bound.kind == NameTarget::Kind::kParameter && first == "request" &&
      chain.substr(dot == std::string_view::npos ? chain.size() : dot).starts_with(".user")) {
    add_units(backend_get_user_, out);  // Django's request.user: the backend loads it
  }
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
      const std::uint64_t id =
          assignment_offset_[t.file] +
          static_cast<std::uint64_t>(&a - units_.files()[t.file].assignments.data());
      UseTarget value = memoized((id << 8) | (static_cast<std::uint64_t>(depth) << 1),
                                 [&] { return value_target(t.file, a.scope, a.value, depth + 1); });
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
    case NameTarget::Kind::kExternal: {
      const std::string_view name = t.name;
      const std::string_view what = last_name(name);
      if (!user_loaders_.empty() && name.starts_with("flask_login") &&
          (what == "current_user" || what == "login_required" || what == "fresh_login_required")) {
        // The request's user is loaded by the tree's user loader.
        UseTarget user{K::kExternal, 0};
        for (const std::uint32_t loader : user_loaders_) {
          if (out) out->units.push_back(units_.unit(loader));
          const UseTarget r = returned(loader, depth + 1);
          if (what == "current_user" && r.kind == K::kInstance) user = r;
        }
        return user;
      }
      if (name == "django.contrib.auth.authenticate") add_units(backend_authenticate_, out);
      if (name.starts_with("django.contrib.auth.decorators.") ||
          name == "django.contrib.auth.mixins.LoginRequiredMixin") {
        add_units(backend_get_user_, out);
      }
      return {K::kExternal, 0};
    }
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

std::optional<std::uint32_t> UnitUseResolver::model_named(std::string_view local) const {
  const auto it = model_by_local_.find(local);
  if (it == model_by_local_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cutover
