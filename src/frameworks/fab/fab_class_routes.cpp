#include "frameworks/fab/fab_class_routes.h"

#include <algorithm>
#include <set>

#include "link/condition_eval.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

constexpr int kMaxDepth = 16;  // inheritance depth followed

bool in_mro(const std::vector<FabClassNode>& mro, std::string_view fab_name) {
  return std::any_of(mro.begin(), mro.end(),
                     [&](const FabClassNode& c) { return c.fab && c.fab->name == fab_name; });
}

std::vector<std::string> upper_unique(std::vector<std::string> http) {
  for (std::string& m : http)
    m = ascii_upper(std::move(m));
  std::sort(http.begin(), http.end());
  http.erase(std::unique(http.begin(), http.end()), http.end());
  return http;
}

// The method definitions of a tree class's body: `def name` in its scope.
const DefinitionFact* method_of(const FileSummary& file, const DefinitionFact& cls,
                                std::string_view method) {
  if (std::find(cls.methods.begin(), cls.methods.end(), method) == cls.methods.end()) {
    return nullptr;
  }
  const DefinitionFact* found = nullptr;
  for (const DefinitionFact& d : file.definitions) {  // the last definition wins, as in Python
    if (d.kind == DefinitionFact::Kind::kFunction && d.scope == cls.qualified_name &&
        d.name == method) {
      found = &d;
    }
  }
  return found;
}

}  // namespace

std::string FabClassNode::name() const {
  if (tree) return tree->name;
  if (fab) return std::string(fab->name);
  return external.substr(external.rfind('.') + 1);
}

std::optional<FabClassNode> FabClassResolver::resolve(std::size_t file, std::string_view scope,
                                                      std::string_view dotted) const {
  const NameTarget t = names_.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kDefinition) {
    if (t.definition->kind != DefinitionFact::Kind::kClass) return std::nullopt;
    return FabClassNode{.file = t.file, .tree = t.definition};
  }
  if (t.kind == NameTarget::Kind::kExternal) {
    if (const auto symbol = fab_symbol(t.name)) {
      if (const FabClass* c = fab_class(*symbol)) return FabClassNode{.fab = c};
    }
    return FabClassNode{.external = t.name};
  }
  return std::nullopt;
}

FabClassNode FabClassResolver::fab(std::string_view name) {
  return FabClassNode{.fab = fab_class(name)};
}

std::vector<FabClassNode> FabClassResolver::bases(const FabClassNode& cls) const {
  std::vector<FabClassNode> out;
  if (cls.fab) {
    for (std::string_view base : cls.fab->bases)
      out.push_back(fab(base));
  } else if (cls.tree) {
    for (const PythonValue& base : cls.tree->bases) {
      if (base.kind != PythonValue::Kind::kName) continue;  // Generic[T], metaclass=...
      std::optional<FabClassNode> node = resolve(cls.file, cls.tree->scope, base.text);
      out.push_back(node ? std::move(*node) : FabClassNode{.external = base.text});
    }
  }
  return out;
}

std::vector<FabClassNode> FabClassResolver::linearize(const FabClassNode& cls, int depth) {
  std::vector<FabClassNode> out{cls};
  const std::vector<FabClassNode> direct = bases(cls);
  if (direct.empty() || depth > kMaxDepth) return out;
  std::vector<std::vector<FabClassNode>> sequences;
  for (const FabClassNode& base : direct)
    sequences.push_back(depth + 1 > kMaxDepth ? std::vector{base} : linearize(base, depth + 1));
  sequences.push_back(direct);
  // C3 merge: take the first head that is in no sequence's tail.
  for (;;) {
    std::erase_if(sequences, [](const std::vector<FabClassNode>& s) { return s.empty(); });
    if (sequences.empty()) return out;
    const FabClassNode* next = nullptr;
    for (const std::vector<FabClassNode>& s : sequences) {
      const bool in_tail = std::any_of(sequences.begin(), sequences.end(), [&](const auto& other) {
        return std::find(other.begin() + 1, other.end(), s.front()) != other.end();
      });
      if (!in_tail) {
        next = &s.front();
        break;
      }
    }
    if (!next) {  // no consistent order (Python refuses the class): keep depth-first order
      for (const std::vector<FabClassNode>& s : sequences) {
        for (const FabClassNode& c : s) {
          if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        }
      }
      return out;
    }
    const FabClassNode chosen = *next;
    out.push_back(chosen);
    for (std::vector<FabClassNode>& s : sequences) {
      if (s.front() == chosen) s.erase(s.begin());
    }
  }
}

const std::vector<FabClassNode>& FabClassResolver::mro(const FabClassNode& cls) {
  const auto key = cls.key();
  auto it = mro_.find(key);
  if (it == mro_.end()) it = mro_.emplace(key, linearize(cls, 0)).first;
  return it->second;
}

std::optional<FabClassResolver::TreeAttribute> FabClassResolver::tree_attribute(
    const FabClassNode& tree_class, std::string_view attribute) const {
  if (!tree_class.tree) return std::nullopt;
  const FileSummary& file = names_.files()[tree_class.file];
  const AssignmentFact* found = nullptr;
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope == tree_class.tree->qualified_name && a.target == attribute && !a.augmented) {
      found = &a;
    }
  }
  if (!found) return std::nullopt;
  return TreeAttribute{
      .value = &found->value,
      .at = EvalScope{
          .names = &names_, .file = tree_class.file, .scope = tree_class.tree->qualified_name}};
}

// The URLs `method` of `cls` carries: its @expose/@expose_api decorators
// (a tree class), or FAB's table.
std::vector<FabMethodRoute> FabClassResolver::exposures_of(const FabClassNode& cls,
                                                           std::string_view method) const {
  std::vector<FabMethodRoute> out;
  if (cls.fab) {
    for (const FabExposure& e : cls.fab->exposures) {
      if (e.method != method) continue;
      out.push_back({.method = std::string(method),
                     .url = std::string(e.url),
                     .http = upper_unique({e.http.begin(), e.http.end()})});
    }
    return out;
  }
  if (!cls.tree) return out;
  const DefinitionFact* def = method_of(names_.files()[cls.file], *cls.tree, method);
  if (!def) return out;
  const EvalScope at{.names = &names_, .file = cls.file, .scope = def->scope};
  std::vector<std::string> guards;
  for (const PythonValue& d : def->decorators) {
    const NameTarget t = names_.resolve(cls.file, def->scope, d.text);
    const std::optional<std::string_view> symbol =
        t.kind == NameTarget::Kind::kExternal ? fab_symbol(t.name) : std::nullopt;
    if (symbol == "has_access" || symbol == "has_access_api" || symbol == "protect") {
      guards.push_back(d.text);
    }
  }
  for (auto d = def->decorators.rbegin(); d != def->decorators.rend(); ++d) {  // bottom-up
    if (d->kind != PythonValue::Kind::kCall) continue;
    const NameTarget t = names_.resolve(cls.file, def->scope, d->text);
    if (t.kind != NameTarget::Kind::kExternal) continue;
    const std::optional<std::string_view> symbol = fab_symbol(t.name);
    if (symbol != "expose" && symbol != "expose_api") continue;
    const bool api = symbol == "expose_api";
    FabMethodRoute r{.method = std::string(method),
                     .file = cls.file,
                     .definition = def,
                     .line = d->line,
                     .guards = guards};
    // expose(url="/", methods=("GET",)); expose_api(name="", url="", methods=("GET",))
    const PythonValue* url = call_argument(*d, api ? 1 : 0, "url");
    std::optional<std::string> text = url ? evaluate_string(*url, at) : std::string(api ? "" : "/");
    if (api && text && text->empty()) {
      const PythonValue* name = call_argument(*d, 0, "name");
      const std::optional<std::string> n = name ? evaluate_string(*name, at) : std::string();
      text = n ? std::optional<std::string>("/api/" + *n) : std::nullopt;
    }
    if (text) {
      r.url = std::move(*text);
    } else {
      r.unresolved.push_back("url " + (url ? render(*url) : std::string("name")));
    }
    r.http = {"GET"};
    if (const PythonValue* methods = call_argument(*d, api ? 2 : 1, "methods")) {
      if (auto list = evaluate_string_list(*methods, at)) {
        r.http = std::move(*list);
      } else {
        r.unresolved.push_back("methods " + render(*methods));
      }
    }
    r.http = upper_unique(std::move(r.http));
    out.push_back(std::move(r));
  }
  return out;
}

FabClassRoutes FabClassResolver::routes(const FabClassNode& cls) {
  FabClassRoutes out;
  const std::vector<FabClassNode> order = mro(cls);  // a copy: mro_ may grow below
  out.kind = in_mro(order, kFabBaseApi)    ? FabClassKind::kApi
             : in_mro(order, kFabBaseView) ? FabClassKind::kView
                                           : FabClassKind::kOther;
  if (out.kind == FabClassKind::kOther) return out;

  // getattr(instance, name): the first class of the MRO that sets it.
  struct Setting {
    const FabClassNode* in = nullptr;
    std::optional<TreeAttribute> tree;
  };
  auto setting = [&](std::string_view attribute, auto fab_value) -> Setting {
    for (const FabClassNode& c : order) {
      if (auto a = tree_attribute(c, attribute)) return {&c, std::move(a)};
      if (c.fab && fab_value(*c.fab)) return {&c, std::nullopt};
    }
    return {};
  };
  auto string_setting = [&](std::string_view attribute,
                            std::optional<std::string_view> FabClass::*field,
                            std::optional<std::string>& value) {
    const Setting s = setting(attribute, [&](const FabClass& c) { return (c.*field).has_value(); });
    if (!s.in) return;
    if (!s.tree) {
      value = std::string(*(s.in->fab->*field));
    } else if (s.tree->value->kind != PythonValue::Kind::kNone) {
      value = evaluate_string(*s.tree->value, s.tree->at);
      if (!value) out.unresolved.push_back(std::string(attribute) + " " + render(*s.tree->value));
    }
  };
  auto list_setting = [&](std::string_view attribute, bool fab_include) {
    std::optional<std::set<std::string>> names;
    const Setting s = setting(attribute, [&](const FabClass& c) {
      return fab_include && c.include_route_methods.has_value();
    });
    if (!s.in) return names;
    if (!s.tree) {
      const auto& fab_names = *s.in->fab->include_route_methods;
      return std::optional<std::set<std::string>>(std::in_place, fab_names.begin(),
                                                  fab_names.end());
    }
    const PythonValue& v = *s.tree->value;
    if (v.kind == PythonValue::Kind::kNone) return names;
    if (v.kind == PythonValue::Kind::kCall && v.text == "set" && v.items.empty()) {
      return std::optional<std::set<std::string>>(std::in_place);
    }
    if (auto list = evaluate_string_list(v, s.tree->at)) {
      names.emplace(list->begin(), list->end());
    } else {
      out.unresolved.push_back(std::string(attribute) + " " + render(v));
    }
    return names;
  };

  std::optional<std::string> route_base;
  string_setting("route_base", &FabClass::route_base, route_base);
  if (route_base) {
    out.route_base = *route_base;
  } else if (out.kind == FabClassKind::kView) {
    out.route_base = "/" + ascii_lower(cls.name());
  } else {
    std::optional<std::string> version, resource;
    string_setting("version", &FabClass::version, version);
    string_setting("resource_name", &FabClass::resource_name, resource);
    out.route_base = "/api/" + version.value_or(std::string(kFabDefaultApiVersion)) + "/" +
                     ascii_lower(resource.value_or(cls.name()));
  }
  const std::optional<std::set<std::string>> include = list_setting("include_route_methods", true);
  std::set<std::string> exclude =
      list_setting("exclude_route_methods", false).value_or(std::set<std::string>{});
  if (in_mro(order, "RestCRUDView")) {
    const Setting s = setting("disable_api_route_methods", [](const FabClass&) { return false; });
    if (s.tree && condition_holds(*s.tree->value, s.tree->at) == true) {
      for (std::string_view m : fab_rest_crud_api_methods())
        exclude.emplace(m);
    }
  }

  // Every method name some class of the MRO exposes; the most derived
  // definition of the name decides (a definition without @expose removes it).
  std::set<std::string> candidates;
  for (const FabClassNode& c : order) {
    if (c.fab) {
      for (const FabExposure& e : c.fab->exposures)
        candidates.emplace(e.method);
    } else if (c.tree) {
      for (const std::string& m : c.tree->methods) {
        if (!exposures_of(c, m).empty()) candidates.insert(m);
      }
    }
  }
  for (const std::string& name : candidates) {
    if (include && !include->contains(name)) continue;
    if (exclude.contains(name)) continue;
    for (const FabClassNode& c : order) {
      const bool defines =
          (c.fab && std::any_of(c.fab->exposures.begin(), c.fab->exposures.end(),
                                [&](const FabExposure& e) { return e.method == name; })) ||
          (c.tree && method_of(names_.files()[c.file], *c.tree, name));
      if (!defines) continue;
      std::vector<FabMethodRoute> found = exposures_of(c, name);
      std::sort(found.begin(), found.end(),
                [](const FabMethodRoute& a, const FabMethodRoute& b) { return a.url < b.url; });
      for (FabMethodRoute& r : found)
        out.routes.push_back(std::move(r));
      break;
    }
  }
  return out;
}

}  // namespace cutover
