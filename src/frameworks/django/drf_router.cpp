#include "frameworks/django/drf_router.h"
#include "util/ascii_case.h"

#include <algorithm>
#include <tuple>

#include "frameworks/django/django_views.h"
#include "link/class_attributes.h"
#include "link/class_hierarchy.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

struct ExtraAction {
  bool detail = false;
  std::string name, url_path, url_name;  // name: the method
  std::vector<std::string> methods;
};

// Methods decorated with @action(detail=..., methods=[...], url_path=, url_name=)
// (or DRF < 3.9's @detail_route / @list_route) on the viewset and its bases.
std::vector<ExtraAction> extra_actions(const NameResolver& names, std::size_t file,
                                       std::string_view scope, std::string_view cls) {
  std::vector<ExtraAction> out;
  std::vector<std::string> seen;
  walk_class_hierarchy(
      names, file, scope, cls,
      [&](std::size_t f, const DefinitionFact& def) {
        for (const DefinitionFact& m : names.files()[f].definitions) {
          if (m.scope != def.qualified_name) continue;
          for (const PythonValue& d : m.decorators) {
            const std::string_view callee = d.text;
            const bool action = callee == "action" || callee.ends_with(".action");
            const bool legacy = callee.ends_with("detail_route") || callee.ends_with("list_route");
            if (!action && !legacy) continue;
            if (std::find(seen.begin(), seen.end(), m.name) != seen.end()) break;  // overridden
            seen.push_back(m.name);
            const EvalScope at{.names = &names, .file = f, .scope = m.scope};
            ExtraAction a{.detail = callee.ends_with("detail_route"),
                          .name = m.name,
                          .url_path = m.name,
                          .url_name = m.name,
                          .methods = {"GET"}};
            std::replace(a.url_name.begin(), a.url_name.end(), '_', '-');
            if (const PythonValue* detail = d.keyword("detail")) a.detail = detail->text == "True";
            if (const PythonValue* p = d.keyword("url_path")) {
              a.url_path = evaluate_string(*p, at).value_or(a.url_path);
            }
            if (const PythonValue* n = d.keyword("url_name")) {
              a.url_name = evaluate_string(*n, at).value_or(a.url_name);
            }
            if (const PythonValue* ms = d.keyword("methods")) {
              if (auto list = evaluate_string_list(*ms, at)) {
                a.methods.clear();
                for (std::string& method : *list)
                  a.methods.push_back(ascii_upper(method));
              }
            }
            out.push_back(std::move(a));
          }
        }
      },
      [](const std::string&) {});
  // DRF's get_extra_actions lists them as inspect.getmembers does: by name.
  std::stable_sort(out.begin(), out.end(),
                   [](const ExtraAction& a, const ExtraAction& b) { return a.name < b.name; });
  return out;
}

// `self.routes[N].mapping.update({...})` in the methods of a router subclass.
void read_mapping_updates(const NameResolver& names, std::size_t file, std::string_view scope,
                          std::string_view cls,
                          std::map<int, std::map<std::string, std::string>>& out) {
  walk_class_hierarchy(
      names, file, scope, cls,
      [&](std::size_t f, const DefinitionFact& def) {
        for (const CallFact& c : names.files()[f].calls) {
          if (!c.scope.starts_with(def.qualified_name + ".")) continue;
          const PythonValue& call = c.call;
          if (call.kind != PythonValue::Kind::kMethodCall || call.text != "update" ||
              call.items.size() < 2 || call.items[1].kind != PythonValue::Kind::kDict) {
            continue;
          }
          const std::string& receiver = call.items[0].text;  // self.routes[0].mapping
          constexpr std::string_view kRoutes = "self.routes[";
          if (!receiver.starts_with(kRoutes) || !receiver.ends_with("].mapping")) continue;
          const int index = std::atoi(receiver.c_str() + kRoutes.size());
          const PythonValue& dict = call.items[1];
          for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2) {
            if (dict.items[i].is_string() && dict.items[i + 1].is_string()) {
              out[index][dict.items[i].text] = dict.items[i + 1].text;
            }
          }
        }
      },
      [](const std::string&) {});
}

// Whether `callee` builds a DRF router (true: a DefaultRouter, with an API
// root), nullopt if it does not. Projects that forked DRF's router into their
// own tree (shop.base.routers) are recognised by shape: a class with both
// register() and get_urls().
std::optional<bool> router_kind(const NameResolver& names, const ClassConstruction& c) {
  if (has_ancestor(c.external_ancestors, {"rest_framework.routers.DefaultRouter"})) return true;
  if (has_ancestor(c.external_ancestors, {"rest_framework.routers.SimpleRouter"})) return false;
  const std::size_t file = c.file;
  const std::string_view scope = c.assignment->scope;
  const std::string_view callee = c.assignment->value.text;
  bool registers = false, builds_urls = false, is_default = false, is_class = false;
  walk_class_hierarchy(
      names, file, scope, callee,
      [&](std::size_t, const DefinitionFact& cls) {
        is_class = true;
        is_default = is_default || cls.name.find("DefaultRouter") != std::string::npos;
        for (const std::string& m : cls.methods) {
          registers = registers || m == "register";
          builds_urls = builds_urls || m == "get_urls";
        }
      },
      [](const std::string&) {});
  if (!is_class || !registers || !builds_urls) return std::nullopt;
  return is_default;
}

}  // namespace

DrfRouters::DrfRouters(const NameResolver& names,
                       const std::vector<ClassConstruction>& constructions)
    : names_(names) {
  const std::vector<FileSummary>& files = names.files();
  for (const ClassConstruction& c : constructions) {
    const std::optional<bool> is_default = router_kind(names, c);
    if (!is_default) continue;
    const AssignmentFact& a = *c.assignment;
    Router router{.file = c.file, .default_router = *is_default};
    read_mapping_updates(names, c.file, a.scope, a.value.text, router.extra_mappings);
    if (const PythonValue* slash = a.value.keyword("trailing_slash")) {
      router.trailing_slash = slash->text != "False";
    }
    routers_.emplace(&a, std::move(router));
  }
  if (routers_.empty()) return;
  // `router.APIRootView = View`: the last one of each router.
  struct Assigned {
    std::size_t file;
    const AssignmentFact* assignment;
  };
  std::map<const AssignmentFact*, Assigned> root_views;
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const AssignmentFact& a : files[f].assignments) {
      constexpr std::string_view kAttribute = ".APIRootView";
      if (!a.target.ends_with(kAttribute) || a.augmented) continue;
      const NameTarget t = names.resolve(
          f, a.scope, std::string_view(a.target).substr(0, a.target.size() - kAttribute.size()));
      if (t.kind == NameTarget::Kind::kAssignment && routers_.contains(t.assignment)) {
        root_views[t.assignment] = Assigned{f, &a};
      }
    }
  }
  for (auto& [construction, router] : routers_) {
    if (!router.default_router) continue;
    const auto assigned = root_views.find(construction);
    const bool has = assigned != root_views.end();
    router.root = drf_api_root_view(
        names, router.file, construction->scope, construction->value.text,
        has ? &assigned->second.assignment->value : nullptr, has ? assigned->second.file : 0,
        has ? std::string_view(assigned->second.assignment->scope) : std::string_view());
  }
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const CallFact& c : files[f].calls) {
      // Unwind `router.register(a).register(b).register(c)` to the router call.
      std::vector<const PythonValue*> chain{&c.call};
      while (chain.back()->kind == PythonValue::Kind::kMethodCall &&
             chain.back()->text == "register" && !chain.back()->items.empty()) {
        chain.push_back(&chain.back()->items[0]);
      }
      const PythonValue& first = *chain.back();
      if (first.kind != PythonValue::Kind::kCall || !first.text.ends_with(".register")) continue;
      const NameTarget t =
          names.resolve(f, c.scope, std::string_view(first.text).substr(0, first.text.size() - 9));
      if (t.kind != NameTarget::Kind::kAssignment) continue;
      auto router = routers_.find(t.assignment);
      if (router == routers_.end()) continue;
      const EvalScope at{.names = &names, .file = f, .scope = c.scope};
      std::optional<std::string> parent;  // full prefix of the previous link
      for (auto link = chain.rbegin(); link != chain.rend(); ++link) {
        const PythonValue& call = **link;
        const std::size_t shift = call.kind == PythonValue::Kind::kMethodCall ? 1 : 0;
        const PythonValue* prefix = call_argument(call, shift, "prefix");
        const std::string own =
            prefix ? evaluate_string(*prefix, at).value_or(render(*prefix)) : std::string();
        std::optional<std::string> full;
        if (parent) {
          std::string lookup = "pk";
          if (const PythonValue* lookups =
                  call_argument(call, shift + 3, "parents_query_lookups")) {
            if (auto list = evaluate_string_list(*lookups, at); list && !list->empty()) {
              lookup = list->back();
            }
          }
          full = *parent + "/(?P<parent_lookup_" + lookup + ">[^/.]+)/" + own;
        }
        router->second.registrations.push_back(
            {f, c.scope, c.line, c.condition, &call, shift, full});
        parent = full ? *full : own;
      }
    }
  }
}

std::optional<std::vector<RouterPattern>> DrfRouters::patterns(std::size_t file,
                                                               std::string_view scope,
                                                               std::string_view dotted) const {
  const NameTarget t = names_.resolve(file, scope, dotted);
  if (t.kind != NameTarget::Kind::kAssignment) return std::nullopt;
  const auto router = routers_.find(t.assignment);
  if (router == routers_.end()) return std::nullopt;
  return expand(router->second);
}

std::vector<RouterPattern> DrfRouters::expand(const Router& router) const {
  std::vector<RouterPattern> out;
  const std::string slash = router.trailing_slash ? "/" : "";
  if (router.default_router) {
    out.push_back(RouterPattern{.regex = "^$",
                                .name = "api-root",
                                .methods = router.root.methods,
                                .handler = router.root.handler,
                                .file = router.file,
                                .api_root = true});
  }
  for (const Registration& r : router.registrations) {
    const EvalScope at{.names = &names_, .file = r.file, .scope = r.scope};
    const PythonValue* prefix_value = call_argument(*r.call, r.first_argument, "prefix");
    const PythonValue* viewset = call_argument(*r.call, r.first_argument + 1, "viewset");
    if (!prefix_value || !viewset) continue;
    const std::string prefix =
        r.nested_prefix ? *r.nested_prefix
                        : evaluate_string(*prefix_value, at).value_or(render(*prefix_value));
    const NameTarget cls = names_.resolve(r.file, r.scope, viewset->text);
    const std::string handler =
        cls.kind == NameTarget::Kind::kDefinition
            ? names_.files()[cls.file].module + "." + cls.definition->qualified_name
            : viewset->text;
    // basename=, DRF < 3.9's base_name=, else the queryset's model name.
    std::string basename;
    const PythonValue* given = r.call->keyword("basename");
    if (!given) given = r.call->keyword("base_name");
    if (!given) given = r.call->positional(r.first_argument + 2);
    if (given) {
      basename = evaluate_string(*given, at).value_or("");
    } else if (const AssignmentFact* qs =
                   class_attribute(names_, r.file, r.scope, viewset->text, "queryset").assignment) {
      // `models.Article.objects.filter(...)`: the model is the name before .objects
      const std::string& text = qs->value.text;
      const std::size_t objects = text.find(".objects");
      const std::string model = text.substr(0, objects);
      basename = ascii_lower(last_component(model));
    }
    std::string lookup_field = "pk", lookup_value = "[^/.]+";
    for (auto [attr, target] :
         {std::pair{"lookup_field", &lookup_field}, std::pair{"lookup_url_kwarg", &lookup_field},
          std::pair{"lookup_value_regex", &lookup_value}}) {
      const ClassAttribute a = class_attribute(names_, r.file, r.scope, viewset->text, attr);
      if (a.assignment) {
        if (auto text = evaluate_string(
                a.assignment->value,
                EvalScope{.names = &names_, .file = a.file, .scope = a.assignment->scope})) {
          *target = *text;
        }
      }
    }
    const std::string lookup = "(?P<" + lookup_field + ">" + lookup_value + ")";
    const std::vector<std::string> actions =
        viewset_actions(names_, r.file, r.scope, viewset->text);
    auto has = [&](std::string_view a) {
      return std::find(actions.begin(), actions.end(), a) != actions.end();
    };
    auto add = [&](std::string regex, std::string name, std::vector<std::string> methods,
                   std::vector<std::string> mapped) {
      if (methods.empty()) return;
      if (prefix.empty() && regex.starts_with("^/")) regex = "^" + regex.substr(2);
      std::sort(methods.begin(), methods.end());
      std::sort(mapped.begin(), mapped.end());
      mapped.erase(std::unique(mapped.begin(), mapped.end()), mapped.end());
      out.push_back(RouterPattern{.regex = std::move(regex),
                                  .name = std::move(name),
                                  .methods = std::move(methods),
                                  .actions = std::move(mapped),
                                  .handler = handler,
                                  .file = r.file,
                                  .line = r.line,
                                  .condition = r.condition});
    };
    // SimpleRouter's routes: each HTTP method mapped to the viewset action
    // that serves it (what the route's slice starts from).
    std::vector<std::string> list_methods, detail_methods, list_actions, detail_actions;
    const auto map = [&](std::vector<std::string>& methods, std::vector<std::string>& mapped,
                         std::string method, std::string action) {
      if (!has(action)) return;
      methods.push_back(std::move(method));
      mapped.push_back(std::move(action));
    };
    map(list_methods, list_actions, "GET", "list");
    map(list_methods, list_actions, "POST", "create");
    map(detail_methods, detail_actions, "GET", "retrieve");
    map(detail_methods, detail_actions, "PUT", "update");
    map(detail_methods, detail_actions, "PATCH", "partial_update");
    map(detail_methods, detail_actions, "DELETE", "destroy");
    for (auto [index, methods, mapped] : {std::tuple{0, &list_methods, &list_actions},
                                          std::tuple{2, &detail_methods, &detail_actions}}) {
      if (!router.extra_mappings.contains(index)) continue;
      for (const auto& [method, action] : router.extra_mappings.at(index))
        map(*methods, *mapped, ascii_upper(method), action);
    }
    // In the order of SimpleRouter.routes, which is the order Django tries
    // them in: list, list-level actions, detail, detail-level actions (so
    // `prefix/featured/` is the action, not the detail route's pk).
    const std::vector<ExtraAction> extra = extra_actions(names_, r.file, r.scope, viewset->text);
    const auto add_actions = [&](bool detail) {
      for (const ExtraAction& a : extra) {
        if (a.detail != detail) continue;
        add("^" + prefix + "/" + (a.detail ? lookup + "/" : "") + a.url_path + slash + "$",
            basename + "-" + a.url_name, a.methods, {a.name});
      }
    };
    add("^" + prefix + slash + "$", basename + "-list", list_methods, list_actions);
    add_actions(false);
    add("^" + prefix + "/" + lookup + slash + "$", basename + "-detail", detail_methods,
        detail_actions);
    add_actions(true);
  }
  return out;
}

}  // namespace cutover
