#include "frameworks/django/django_views.h"
#include "util/ascii_case.h"

#include <algorithm>
#include <map>
#include <set>

#include "frameworks/django/django_view_table.h"
#include "link/class_hierarchy.h"

namespace cutover {
namespace {

constexpr std::string_view kHttpHandlers[] = {"get",    "post", "put",     "patch",
                                              "delete", "head", "options", "trace"};

bool is_guard_mixin(std::string_view name) {
  return name.ends_with("Mixin") && (name.find("Required") != std::string_view::npos ||
                                     name.find("Permission") != std::string_view::npos ||
                                     name.find("Login") != std::string_view::npos ||
                                     name.find("Auth") != std::string_view::npos);
}

// login_required, permission_required('x'), csrf_exempt, method_decorator(login_required)...
std::optional<std::string> guard_of(const PythonValue& decorator) {
  std::string_view name = last_component(decorator.text);
  if (name == "method_decorator" && !decorator.items.empty()) return guard_of(decorator.items[0]);
  static constexpr std::string_view kGuards[] = {
      "login_required",        "permission_required",    "user_passes_test",
      "staff_member_required", "superuser_required",     "csrf_exempt",
      "csrf_protect",          "ensure_csrf_cookie",     "requires_csrf_token",
      "permission_classes",    "authentication_classes", "never_cache"};
  if (std::find(std::begin(kGuards), std::end(kGuards), name) == std::end(kGuards)) {
    return std::nullopt;
  }
  return std::string(name);
}

std::optional<std::vector<std::string>> string_list(const PythonValue* v, const EvalScope& where) {
  if (!v) return std::nullopt;
  return evaluate_string_list(*v, where);
}

// The arguments of a decorator call when every one is an HTTP method name.
std::optional<std::vector<std::string>> method_literals(const PythonValue& decorator) {
  if (decorator.kind != PythonValue::Kind::kCall || decorator.items.empty() ||
      !decorator.keywords.empty()) {
    return std::nullopt;
  }
  static constexpr std::string_view kMethods[] = {"GET",    "POST", "PUT",    "PATCH",
                                                  "DELETE", "HEAD", "OPTIONS"};
  std::vector<std::string> out;
  for (const PythonValue& arg : decorator.items) {
    if (!arg.is_string() ||
        std::find(std::begin(kMethods), std::end(kMethods), arg.text) == std::end(kMethods)) {
      return std::nullopt;
    }
    out.push_back(arg.text);
  }
  return out;
}

}  // namespace

ClassView class_view(const NameResolver& names, std::size_t file, std::string_view scope,
                     std::string_view dotted) {
  ClassView out;
  std::set<std::string> handlers;
  std::optional<std::vector<std::string>> allowed;  // http_method_names, nearest class wins
  walk_class_hierarchy(
      names, file, scope, dotted,
      [&](std::size_t f, const DefinitionFact& cls) {
        for (const std::string& m : cls.methods) {
          if (std::find(std::begin(kHttpHandlers), std::end(kHttpHandlers), m) !=
              std::end(kHttpHandlers)) {
            handlers.insert(m);
          }
          out.dispatches = out.dispatches || m == "dispatch";
        }
        for (const PythonValue& d : cls.decorators) {
          if (auto g = guard_of(d)) out.guards.push_back(*g);
        }
        if (allowed) return;
        for (const AssignmentFact& a : names.files()[f].assignments) {
          if (a.scope == cls.qualified_name && a.target == "http_method_names") {
            allowed = evaluate_string_list(a.value,
                                           EvalScope{.names = &names, .file = f, .scope = a.scope});
          }
        }
      },
      [&](const std::string& external) {
        const std::string_view name = last_component(external);
        if (const KnownViewClass* known = known_view_class(external)) {
          handlers.insert(known->handlers.begin(), known->handlers.end());
        } else if (is_guard_mixin(name)) {
          out.guards.emplace_back(name);
        } else if (out.unknown_base.empty() && !name.ends_with("Mixin") && external != "object") {
          out.unknown_base = external;  // a view class we have no table for
        }
      });
  for (const std::string& h : handlers) {
    if (allowed && std::find(allowed->begin(), allowed->end(), h) == allowed->end()) continue;
    out.methods.push_back(ascii_upper(h));
  }
  std::sort(out.methods.begin(), out.methods.end());
  return out;
}

std::vector<std::string> viewset_actions(const NameResolver& names, std::size_t file,
                                         std::string_view scope, std::string_view dotted) {
  std::set<std::string> actions;  // every method name of the tree's classes counts
  walk_class_hierarchy(
      names, file, scope, dotted,
      [&](std::size_t, const DefinitionFact& cls) {
        actions.insert(cls.methods.begin(), cls.methods.end());
      },
      [&](const std::string& external) {
        if (const KnownViewClass* known = known_view_class(external)) {
          actions.insert(known->actions.begin(), known->actions.end());
        }
      });
  return {actions.begin(), actions.end()};
}

namespace {

// `Cls.as_view(...)`, or `Cls().as_view(...)` on an instance (DRF's as_view is
// a classmethod): the class as written, and the as_view call.
struct AsView {
  std::string cls;
  const PythonValue* call = nullptr;
  std::size_t first_argument = 0;  // 1 on an instance: items[0] is the receiver
};

std::optional<AsView> as_view_of(const PythonValue& v) {
  if (v.kind == PythonValue::Kind::kCall && v.text.ends_with(".as_view")) {
    return AsView{.cls = v.text.substr(0, v.text.size() - 8), .call = &v};
  }
  if (v.kind == PythonValue::Kind::kMethodCall && v.text == "as_view" && !v.items.empty() &&
      v.items[0].kind == PythonValue::Kind::kCall && !v.items[0].text.ends_with(")")) {
    return AsView{.cls = v.items[0].text, .call = &v, .first_argument = 1};
  }
  return std::nullopt;
}

// The function a call applies: `login_required` in `login_required(view)`,
// `permission_required` in `permission_required('x')(view)`.
std::string_view applied_function(const PythonValue& call) {
  std::string_view text = call.text;
  if (const std::size_t paren = text.find('('); paren != std::string_view::npos) {
    text = text.substr(0, paren);
  }
  return text;
}

constexpr int kMaxWrappers = 8;

DjangoView describe(const NameResolver& names, const PythonValue& given, const EvalScope& at,
                    const std::string& string_prefix, int depth);

// `decorator(view)`: a function call, not a class instantiation, whose first
// argument is a view. Django keeps the wrapped view's class (functools.wraps
// copies view_class), so the route serves what the view serves.
std::optional<DjangoView> describe_wrapper(const NameResolver& names, const PythonValue& call,
                                           const EvalScope& where, int depth) {
  if (call.kind != PythonValue::Kind::kCall || call.items.empty() || depth >= kMaxWrappers) {
    return std::nullopt;
  }
  const std::string_view function = applied_function(call);
  const std::string_view name = last_component(function);
  if (name.empty() || ascii_upper(name.substr(0, 1)) == name.substr(0, 1)) return std::nullopt;
  if (function.size() == call.text.size()) {  // a plain name: not a class of the tree
    const NameTarget t = names.resolve(where.file, where.scope, function);
    if (t.kind == NameTarget::Kind::kDefinition &&
        t.definition->kind == DefinitionFact::Kind::kClass) {
      return std::nullopt;
    }
  }
  EvalScope inner_at;
  const PythonValue& inner = dereference(call.items[0], where, &inner_at);
  const std::optional<std::string> guard =
      guard_of(PythonValue{.kind = PythonValue::Kind::kName, .text = std::string(name)});
  // A view: an as_view() or another call, a function or class of the tree,
  // or, under a known view decorator (login_required...), another package's
  // view function. Other decorators may take other things (decorator_include).
  bool is_view = inner.kind == PythonValue::Kind::kCall || as_view_of(inner).has_value();
  if (inner.kind == PythonValue::Kind::kName) {
    const NameTarget t = names.resolve(inner_at.file, inner_at.scope, inner.text);
    is_view =
        t.kind == NameTarget::Kind::kDefinition || (guard && t.kind == NameTarget::Kind::kExternal);
  }
  if (!is_view) return std::nullopt;
  DjangoView out = describe(names, inner, inner_at, "", depth + 1);
  if (!out.unresolved.empty() && !as_view_of(inner)) return std::nullopt;
  if (guard) out.guards.insert(out.guards.begin(), *guard);
  return out;
}

DjangoView describe_class_view(const NameResolver& names, const AsView& as_view,
                               const EvalScope& where) {
  DjangoView out;
  const std::string& cls = as_view.cls;
  const NameTarget t = names.resolve(where.file, where.scope, cls);
  if (t.kind == NameTarget::Kind::kDefinition) {
    const std::string& module = names.files()[t.file].module;
    out.handler = module + "." + t.definition->qualified_name;
    out.file = t.file;
    out.line = t.definition->line;
  } else {
    out.handler = t.kind == NameTarget::Kind::kExternal ? t.name : cls;
    if (t.kind != NameTarget::Kind::kExternal) out.unresolved = "view class " + cls;
  }
  const PythonValue& call = *as_view.call;
  const PythonValue* actions = call.positional(as_view.first_argument);
  if (actions && actions->kind == PythonValue::Kind::kDict) {  // ViewSet.as_view({'get': 'list'})
    for (std::size_t i = 0; i + 1 < actions->items.size(); i += 2) {
      if (actions->items[i].is_string()) out.methods.push_back(ascii_upper(actions->items[i].text));
    }
    std::sort(out.methods.begin(), out.methods.end());
    return out;
  }
  ClassView found = class_view(names, where.file, where.scope, cls);
  out.methods = std::move(found.methods);
  out.guards = std::move(found.guards);
  const std::string& unknown = found.unknown_base;
  if (!unknown.empty() && out.methods.empty() && found.dispatches) {
    // The tree's class takes every request in dispatch(), on a base of
    // another package: like a class without handlers, it serves any method.
    if (out.unresolved.empty()) out.unresolved = "methods of " + unknown + " (ANY assumed)";
  } else if (!unknown.empty() &&
             std::find(out.methods.begin(), out.methods.end(), "GET") == out.methods.end()) {
    // Most views of other packages serve pages: say GET is a guess, next to
    // the handlers the tree's own classes define.
    out.methods.insert(std::upper_bound(out.methods.begin(), out.methods.end(), "GET"), "GET");
    if (out.unresolved.empty()) out.unresolved = "methods of " + unknown + " (GET assumed)";
  } else if (!unknown.empty() && out.unresolved.empty()) {
    // What the tree's classes define is listed; the base may serve more.
    out.unresolved = "methods of " + unknown + " beyond the tree's handlers";
  }
  if (const PythonValue* allowed = call.keyword("http_method_names")) {
    if (auto list = string_list(allowed, where)) {
      std::erase_if(out.methods, [&](const std::string& m) {
        return std::none_of(list->begin(), list->end(),
                            [&](const std::string& a) { return ascii_upper(a) == m; });
      });
    }
  }
  // No handler anywhere: the class branches on request.method in dispatch().
  if (out.methods.empty()) out.methods = {"ANY"};
  return out;
}

DjangoView describe(const NameResolver& names, const PythonValue& given, const EvalScope& at,
                    const std::string& string_prefix, int depth) {
  DjangoView out;
  EvalScope where;
  const PythonValue& view = dereference(given, at, &where);
  if (view.kind == PythonValue::Kind::kString) {  // Django 1.x: 'app.views.index'
    out.handler = string_prefix.empty() ? view.text : string_prefix + "." + view.text;
    out.methods = {"ANY"};
    // 'pkg.views.func' names a function of the tree when pkg.views is ours.
    const std::size_t dot = out.handler.rfind('.');
    const auto module = dot == std::string::npos
                            ? std::nullopt
                            : names.module_file(std::string_view(out.handler).substr(0, dot));
    if (!module) {
      out.unresolved = "view " + out.handler;
      return out;
    }
    const PythonValue function{.kind = PythonValue::Kind::kName,
                               .text = out.handler.substr(dot + 1)};
    return describe(names, function, EvalScope{.names = &names, .file = *module}, "", depth);
  }
  if (view.kind == PythonValue::Kind::kCall) {
    // Schema and docs views built by a factory: DRF's get_schema_view(...),
    // drf-yasg's schema_view.with_ui(...) / .without_ui(...) serve GET.
    const std::string_view factory = last_component(view.text);
    if (factory == "get_schema_view" || factory == "with_ui" || factory == "without_ui") {
      out.handler = view.text;
      out.methods = {"GET"};
      return out;
    }
  }
  if (auto as_view = as_view_of(view)) return describe_class_view(names, *as_view, where);
  if (auto wrapped = describe_wrapper(names, view, where, depth)) return std::move(*wrapped);
  if (view.kind == PythonValue::Kind::kCall) {
    // An instance of a class of the tree (formtools' FormPreview(form), a
    // Feed()): Django calls it, so its class's __call__ takes any method.
    const NameTarget cls = names.resolve(where.file, where.scope, view.text);
    if (cls.kind == NameTarget::Kind::kDefinition &&
        cls.definition->kind == DefinitionFact::Kind::kClass) {
      out.handler = names.files()[cls.file].module + "." + cls.definition->qualified_name;
      out.file = cls.file;
      out.line = cls.definition->line;
      out.methods = {"ANY"};
      return out;
    }
  }
  const NameTarget t = view.kind == PythonValue::Kind::kName
                           ? names.resolve(where.file, where.scope, view.text)
                           : NameTarget{};
  if (t.kind != NameTarget::Kind::kDefinition) {
    out.handler = t.kind == NameTarget::Kind::kExternal ? t.name : render(view);
    out.methods = {"ANY"};
    if (t.kind != NameTarget::Kind::kExternal) out.unresolved = "view " + render(view);
    return out;
  }
  const DefinitionFact& fn = *t.definition;
  out.handler = names.files()[t.file].module + "." + fn.qualified_name;
  out.file = t.file;
  out.line = fn.line;
  const EvalScope def_scope{.names = &names, .file = t.file, .scope = fn.scope};
  for (const PythonValue& d : fn.decorators) {
    const std::string_view name = last_component(d.text);
    if (name == "require_http_methods" || name == "api_view") {
      if (auto list = string_list(
              call_argument(d, 0, name == "api_view" ? "http_method_names" : "request_method_list"),
              def_scope)) {
        out.methods.clear();
        for (const std::string& m : *list)
          out.methods.push_back(ascii_upper(m));
      } else if (name == "api_view" && d.kind == PythonValue::Kind::kName) {
        out.methods = {"GET"};  // bare @api_view
      } else if (name == "api_view" && d.items.empty() && d.keywords.empty()) {
        out.methods = {"GET"};
      }
    } else if (name == "require_GET") {
      out.methods = {"GET"};
    } else if (name == "require_POST") {
      out.methods = {"POST"};
    } else if (name == "require_safe") {
      out.methods = {"GET", "HEAD"};
    } else if (auto g = guard_of(d)) {
      out.guards.push_back(*g);
    } else if (auto methods = method_literals(d)) {
      // A project decorator called with HTTP methods only (`@cors("GET", "POST")`,
      // `@allow("POST")`) restricts the view to them in practice.
      out.methods = std::move(*methods);
      if (at.notes) {
        at.notes->push_back(
            {names.files()[t.file].path, d.line, Severity::kInfo, "method-decorator",
             render(d) + " is read as restricting " + fn.name + " to " +
                 render(PythonValue{.kind = PythonValue::Kind::kList, .items = d.items})});
      }
    }
  }
  if (out.methods.empty()) out.methods = {"ANY"};
  std::sort(out.methods.begin(), out.methods.end());
  out.methods.erase(std::unique(out.methods.begin(), out.methods.end()), out.methods.end());
  return out;
}

}  // namespace

DjangoView describe_django_view(const NameResolver& names, const PythonValue& view,
                                const EvalScope& where, const std::string& string_prefix) {
  return describe(names, view, where, string_prefix, 0);
}

}  // namespace cutover
