#include "frameworks/django/django_views.h"
#include "util/ascii_case.h"

#include <algorithm>
#include <map>
#include <set>

#include "link/class_hierarchy.h"

namespace cutover {
namespace {

constexpr std::string_view kHttpHandlers[] = {"get",    "post", "put",     "patch",
                                              "delete", "head", "options", "trace"};

// Handlers Django's and DRF's generic views define, by class name. View and
// APIView define `options` themselves; like the resolver dump, it is not
// counted unless a class of the tree defines it.
const std::map<std::string_view, std::vector<std::string_view>>& known_view_handlers() {
  static const std::map<std::string_view, std::vector<std::string_view>> table = {
      {"TemplateView", {"get"}},
      {"RedirectView", {"get", "head", "post", "options", "delete", "put", "patch"}},
      {"ListView", {"get"}},
      {"DetailView", {"get"}},
      {"ArchiveIndexView", {"get"}},
      {"YearArchiveView", {"get"}},
      {"MonthArchiveView", {"get"}},
      {"WeekArchiveView", {"get"}},
      {"DayArchiveView", {"get"}},
      {"TodayArchiveView", {"get"}},
      {"DateDetailView", {"get"}},
      {"FormView", {"get", "post", "put"}},
      {"CreateView", {"get", "post", "put"}},
      {"UpdateView", {"get", "post", "put"}},
      {"DeleteView", {"get", "post", "delete"}},
      {"LoginView", {"get", "post", "put"}},
      {"LogoutView", {"get", "post"}},  // Django 3.2: TemplateView + post
      {"PasswordChangeView", {"get", "post", "put"}},
      {"PasswordChangeDoneView", {"get"}},
      {"PasswordResetView", {"get", "post", "put"}},
      {"PasswordResetDoneView", {"get"}},
      {"PasswordResetConfirmView", {"get", "post", "put"}},
      {"PasswordResetCompleteView", {"get"}},
      {"FilterView", {"get"}},          // django-filter
      {"SpectacularAPIView", {"get"}},  // drf-spectacular
      {"SpectacularSwaggerView", {"get"}},
      {"SpectacularRedocView", {"get"}},
      {"ObtainAuthToken", {"post"}},  // DRF authtoken
      {"ListAPIView", {"get"}},
      {"CreateAPIView", {"post"}},
      {"RetrieveAPIView", {"get"}},
      {"DestroyAPIView", {"delete"}},
      {"UpdateAPIView", {"put", "patch"}},
      {"ListCreateAPIView", {"get", "post"}},
      {"RetrieveUpdateAPIView", {"get", "put", "patch"}},
      {"RetrieveDestroyAPIView", {"get", "delete"}},
      {"RetrieveUpdateDestroyAPIView", {"get", "put", "patch", "delete"}},
  };
  return table;
}

// ViewSet classes and mixins → the actions they provide.
const std::map<std::string_view, std::vector<std::string_view>>& known_viewset_actions() {
  static const std::map<std::string_view, std::vector<std::string_view>> table = {
      {"ModelViewSet", {"list", "create", "retrieve", "update", "partial_update", "destroy"}},
      {"ReadOnlyModelViewSet", {"list", "retrieve"}},
      {"ListModelMixin", {"list"}},
      {"CreateModelMixin", {"create"}},
      {"RetrieveModelMixin", {"retrieve"}},
      {"UpdateModelMixin", {"update", "partial_update"}},
      {"DestroyModelMixin", {"destroy"}},
  };
  return table;
}

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

std::vector<std::string> class_view_methods(const NameResolver& names, std::size_t file,
                                            std::string_view scope, std::string_view dotted,
                                            std::vector<std::string>* guards,
                                            std::string* unknown_base) {
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
        }
        for (const PythonValue& d : cls.decorators) {
          if (auto g = guard_of(d); g && guards) guards->push_back(*g);
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
        if (auto it = known_view_handlers().find(name); it != known_view_handlers().end()) {
          handlers.insert(it->second.begin(), it->second.end());
        } else if (guards && is_guard_mixin(name)) {
          guards->emplace_back(name);
        } else if (unknown_base && unknown_base->empty() && !name.ends_with("Mixin") &&
                   name != "View" && name != "APIView" && name != "GenericAPIView" &&
                   name != "object") {
          *unknown_base = external;  // a view class we have no table for
        }
      });
  std::vector<std::string> out;
  for (const std::string& h : handlers) {
    if (allowed && std::find(allowed->begin(), allowed->end(), h) == allowed->end()) continue;
    out.push_back(ascii_upper(h));
  }
  std::sort(out.begin(), out.end());
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
        const auto& table = known_viewset_actions();
        if (auto it = table.find(last_component(external)); it != table.end()) {
          actions.insert(it->second.begin(), it->second.end());
        }
      });
  return {actions.begin(), actions.end()};
}

DjangoView describe_django_view(const NameResolver& names, const PythonValue& given,
                                const EvalScope& at, const std::string& string_prefix) {
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
    return describe_django_view(names, function, EvalScope{.names = &names, .file = *module}, "");
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
  if (view.kind == PythonValue::Kind::kCall && view.text.ends_with(".as_view")) {
    const std::string cls = view.text.substr(0, view.text.size() - 8);
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
    const PythonValue* actions = view.positional(0);
    if (actions && actions->kind == PythonValue::Kind::kDict) {  // ViewSet.as_view({'get': 'list'})
      for (std::size_t i = 0; i + 1 < actions->items.size(); i += 2) {
        if (actions->items[i].is_string())
          out.methods.push_back(ascii_upper(actions->items[i].text));
      }
      std::sort(out.methods.begin(), out.methods.end());
      return out;
    }
    std::string unknown_base;
    out.methods =
        class_view_methods(names, where.file, where.scope, cls, &out.guards, &unknown_base);
    if (out.methods.empty() && !unknown_base.empty()) {
      // Most views of other packages are read-only pages; say it is a guess.
      out.methods = {"GET"};
      out.unresolved = "methods of " + unknown_base + " (GET assumed)";
    }
    if (const PythonValue* allowed = view.keyword("http_method_names")) {
      if (auto list = string_list(allowed, where)) {
        std::erase_if(out.methods, [&](const std::string& m) {
          return std::none_of(list->begin(), list->end(),
                              [&](const std::string& a) { return ascii_upper(a) == m; });
        });
      }
    }
    return out;
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

}  // namespace cutover
