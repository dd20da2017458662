#include "link/endpoint_slices.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "link/code_units.h"
#include "link/unit_uses.h"
#include "model/dotted_name.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

// Decorators that wrap a function without registering it anywhere.
bool plain_wrapper(std::string_view decorator) {
  static constexpr std::string_view kWrappers[] = {
      "wraps",         "lru_cache",    "cache",       "cached_property", "contextmanager",
      "property",      "staticmethod", "classmethod", "abstractmethod",  "total_ordering",
      "setter",        "getter",       "deleter",     "dataclass",       "asynccontextmanager",
      "singledispatch"};
  const std::string_view last = last_name(decorator);
  return std::find(std::begin(kWrappers), std::end(kWrappers), last) != std::end(kWrappers);
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// A class-based view's handler for an HTTP method, as the frameworks
// dispatch them (Django's View and Flask's MethodView by the method's name,
// DRF's viewsets by their actions): the HTTP methods it serves, or none.
std::vector<std::string_view> dispatched_methods(std::string_view handler) {
  static const std::pair<std::string_view, std::vector<std::string_view>> kDispatch[] = {
      {"get", {"GET", "HEAD"}}, {"head", {"HEAD"}},        {"post", {"POST"}},
      {"put", {"PUT"}},         {"patch", {"PATCH"}},      {"delete", {"DELETE"}},
      {"options", {"OPTIONS"}}, {"list", {"GET", "HEAD"}}, {"retrieve", {"GET", "HEAD"}},
      {"create", {"POST"}},     {"update", {"PUT"}},       {"partial_update", {"PATCH"}},
      {"destroy", {"DELETE"}}};
  for (const auto& [name, methods] : kDispatch) {
    if (name == handler) return methods;
  }
  return {};
}

bool is_dispatched(std::string_view method) {
  return !dispatched_methods(method).empty();
}

// DRF's extra actions: @action (or DRF < 3.9's @detail_route / @list_route),
// and the methods `@<action>.mapping.<verb>` adds to one.
bool is_extra_action(const DefinitionFact& m) {
  return std::any_of(m.decorators.begin(), m.decorators.end(), [](const PythonValue& d) {
    const std::string_view t = d.text;
    return t == "action" || t.ends_with(".action") || t.ends_with("detail_route") ||
           t.ends_with("list_route") || t.find(".mapping.") != std::string_view::npos;
  });
}

// A unit's tables: the accesses code_uses found, by the unit whose scope they sit in.
struct UnitTables {
  std::vector<std::string> read, written;
};

// The closure of a seed set over the units' uses, and what it adds up to.
struct Closure {
  std::vector<std::uint32_t> units;  // definition ids, sorted
  std::vector<std::uint32_t> modules;
  std::vector<std::string> read, written;
  std::uint32_t lines = 0, unresolved = 0;
};

class SliceBuilder {
 public:
  SliceBuilder(Inventory& inv, const NameResolver& names, const ModuleIndex& index,
               const std::vector<char>& test_files, unsigned jobs)
      : inv_(inv),
        names_(names),
        index_(index),
        test_files_(test_files),
        units_(names.files(), jobs),
        uses_(names, units_, test_files, inv.models),
        tables_(units_.count()) {
    for (std::size_t f = 0; f < names.files().size(); ++f)
      file_of_.emplace(names.files()[f].path, f);
    for (const TableAccess& a : inv.table_accesses) {
      const auto f = file_of_.find(a.file);
      if (f == file_of_.end() || test_files_[f->second]) continue;
      const auto unit = units_.unit_of_scope(f->second, a.scope);
      if (!unit) continue;
      (a.write ? tables_[*unit].written : tables_[*unit].read).push_back(a.table);
    }
  }

  // The units a handler (or hook) named `dotted` starts from. For a route
  // (`methods`, and a viewset route's `actions`): a class-based view's
  // handlers for other HTTP methods, and a viewset's other actions, are not
  // the route's.
  UnitEdges seeds(const std::string& dotted, std::string_view near_file,
                  const std::vector<std::string>& methods = {"ANY"},
                  const std::vector<std::string>& actions = {}) const {
    UnitEdges out;
    const std::optional<std::size_t> f = handler_file(dotted, near_file);
    if (!f) return out;
    const std::string_view qualified =
        std::string_view(dotted).substr(names_.files()[*f].module.size() + 1);
    if (const auto d = units_.find(*f, qualified)) {
      if (units_.definition(*d).kind == DefinitionFact::Kind::kClass) {
        uses_.add_class_use(*d, out);  // the framework dispatches to its methods
        const bool any =
            actions.empty() && std::find(methods.begin(), methods.end(), "ANY") != methods.end();
        std::erase_if(out.units, [&](std::uint32_t u) {
          const DefinitionFact& m = units_.definition(u);
          const auto around = units_.parent(u);
          if (any || m.kind != DefinitionFact::Kind::kFunction || !around ||
              units_.definition(*around).kind != DefinitionFact::Kind::kClass)
            return false;
          if (!actions.empty()) {
            return (is_dispatched(m.name) || is_extra_action(m)) &&
                   std::find(actions.begin(), actions.end(), m.name) == actions.end();
          }
          const std::vector<std::string_view> serves = dispatched_methods(m.name);
          return !serves.empty() && std::none_of(serves.begin(), serves.end(), [&](auto verb) {
            return std::find(methods.begin(), methods.end(), verb) != methods.end();
          });
        });
      } else {
        out.units.push_back(units_.unit(*d));
      }
    } else {
      // An assignment (`view = csrf_exempt(OrderView.as_view())`) or a re-export.
      uses_.add_use(*f, "", qualified, true, out);
      const NameTarget t = names_.resolve(*f, "", qualified);
      if (t.kind == NameTarget::Kind::kAssignment)
        add_names_in(t.file, t.assignment->value, out, 0);
    }
    out.finish();
    return out;
  }

  Closure close(const std::vector<std::uint32_t>& seeds, std::vector<std::uint32_t>& stamp,
                std::uint32_t generation) const {
    Closure c;
    std::vector<std::uint32_t> queue;
    for (const std::uint32_t s : seeds) {
      if (stamp[s] == generation) continue;
      stamp[s] = generation;
      queue.push_back(s);
    }
    for (std::size_t at = 0; at < queue.size() && queue.size() < kMaxSliceUnits; ++at) {
      for (const std::uint32_t next : uses_.edges(queue[at]).units) {
        if (stamp[next] == generation) continue;
        stamp[next] = generation;
        queue.push_back(next);
      }
    }
    std::sort(queue.begin(), queue.end());
    for (const std::uint32_t u : queue) {
      const UnitEdges& e = uses_.edges(u);
      c.lines += units_.own_lines(u);
      c.unresolved += e.unresolved_calls;
      c.modules.insert(c.modules.end(), e.modules.begin(), e.modules.end());
      c.read.insert(c.read.end(), tables_[u].read.begin(), tables_[u].read.end());
      c.written.insert(c.written.end(), tables_[u].written.begin(), tables_[u].written.end());
    }
    c.units = std::move(queue);
    for (auto* v : {&c.read, &c.written}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    std::sort(c.modules.begin(), c.modules.end());
    c.modules.erase(std::unique(c.modules.begin(), c.modules.end()), c.modules.end());
    return c;
  }

  // Code outside endpoints that keeps units alive; `root_files` get the
  // files whose own code (module level, registered functions) is such code.
  std::vector<std::uint32_t> retained_seeds(const std::vector<char>& handler,
                                            std::vector<std::uint32_t>& root_files) const {
    UnitEdges out;
    for (const Hook& h : inv_.hooks) {
      const UnitEdges s = seeds(h.handler, h.file);
      out.units.insert(out.units.end(), s.units.begin(), s.units.end());
    }
    std::vector<char> loaded_by_name(names_.files().size(), 0);
    for (const ImportEdge& e : inv_.imports) {
      if (e.kind != ImportKind::kInternal || (e.via != "MIDDLEWARE" && e.via != "INSTALLED_APPS"))
        continue;
      for (const std::string& m : {e.to, e.to + ".apps"}) {
        if (const auto f = names_.module_file(m)) loaded_by_name[*f] = 1;
      }
    }
    for (std::size_t f = 0; f < names_.files().size(); ++f) {
      if (test_files_[f]) continue;
      const FileSummary& file = names_.files()[f];
      // Django runs management commands and loads middleware and app
      // configs by their dotted names.
      const bool by_name =
          loaded_by_name[f] || file.path.find("/management/commands/") != std::string::npos;
      const std::size_t before = out.units.size();
      for (const DefinitionFact& d : file.definitions) {
        const std::uint32_t id = units_.id(f, d);
        if (!units_.is_unit(id) || handler[id]) continue;
        if (by_name && d.scope.empty() && d.kind == DefinitionFact::Kind::kClass) {
          uses_.add_class_use(id, out);
          continue;
        }
        const auto around = units_.parent(id);
        if (around && units_.definition(*around).kind == DefinitionFact::Kind::kClass) continue;
        if (registered_by_decorator(f, d)) out.units.push_back(id);
      }
      // Module-level code, but not the references that register a route's
      // handler (`path('x/', views.show)`): the route keeps those.
      for (const std::uint32_t i : units_.module_uses(f)) {
        const NameUse& use = file.name_uses[i];
        if (use.in_decorator) continue;
        UnitEdges one;
        uses_.add_use(f, "", use.name, use.called, one);
        if (std::none_of(one.units.begin(), one.units.end(),
                         [&](std::uint32_t u) { return handler[u] != 0; })) {
          out.units.insert(out.units.end(), one.units.begin(), one.units.end());
        }
      }
      if (out.units.size() > before) root_files.push_back(static_cast<std::uint32_t>(f));
    }
    out.finish();
    return out.units;
  }

  // The unit of the definition a handler names, if it is one of the tree's.
  std::optional<std::uint32_t> handler_unit(const std::string& dotted,
                                            std::string_view near_file) const {
    const auto f = handler_file(dotted, near_file);
    if (!f) return std::nullopt;
    const auto d =
        units_.find(*f, std::string_view(dotted).substr(names_.files()[*f].module.size() + 1));
    if (!d) return std::nullopt;
    return units_.unit(*d);
  }

  const UnitTables& tables(std::uint32_t unit) const { return tables_[unit]; }
  const CodeUnits& units() const { return units_; }
  const UnitUseResolver& uses() const { return uses_; }

 private:
  // A decorator that is not the tree's own function and not a plain
  // wrapper registers the function with a library: a task, a command, a
  // signal receiver, a template filter, a login loader.
  bool registered_by_decorator(std::size_t f, const DefinitionFact& d) const {
    for (const PythonValue& v : d.decorators) {
      if (v.kind != PythonValue::Kind::kName && v.kind != PythonValue::Kind::kCall) continue;
      if (v.text.empty() || plain_wrapper(v.text)) continue;
      const NameTarget t = names_.resolve(f, d.scope, v.text);
      if (t.kind == NameTarget::Kind::kDefinition) continue;  // the tree's own decorator
      return true;
    }
    return false;
  }

  void add_names_in(std::size_t file, const PythonValue& v, UnitEdges& out, int depth) const {
    if (depth > 3) return;
    if ((v.kind == PythonValue::Kind::kName || v.kind == PythonValue::Kind::kCall) &&
        !v.text.empty()) {
      // `OrderView.as_view`: the class is the handler.
      for (std::string_view prefix = v.text; !prefix.empty(); prefix = parent_name(prefix)) {
        const NameTarget t = names_.resolve(file, "", prefix);
        if (t.kind != NameTarget::Kind::kDefinition) continue;
        const std::uint32_t id = units_.id(t.file, *t.definition);
        if (uses_.in_test(id)) break;
        if (t.definition->kind == DefinitionFact::Kind::kClass)
          uses_.add_class_use(id, out);
        else
          out.units.push_back(units_.unit(id));
        break;
      }
    }
    for (const PythonValue& item : v.items)
      add_names_in(file, item, out, depth + 1);
  }

  // The file defining the module a handler's dotted name starts with, as
  // seen from the file that declares the route; none in test code.
  std::optional<std::size_t> handler_file(const std::string& dotted,
                                          std::string_view near_file) const {
    const auto where = file_of_.find(near_file);
    const std::string_view root = where == file_of_.end()
                                      ? std::string_view()
                                      : std::string_view(names_.files()[where->second].source_root);
    const std::optional<std::size_t> f = index_.find_enclosing(dotted, root);
    if (!f || test_files_[*f] || dotted.size() <= names_.files()[*f].module.size() + 1)
      return std::nullopt;
    return f;
  }

  Inventory& inv_;
  const NameResolver& names_;
  const ModuleIndex& index_;
  const std::vector<char>& test_files_;
  CodeUnits units_;
  UnitUseResolver uses_;
  std::vector<UnitTables> tables_;
  std::unordered_map<std::string_view, std::size_t> file_of_;
};

}  // namespace

void build_slices(Inventory& inv, const NameResolver& names, const ModuleIndex& index,
                  const std::vector<char>& test_files, unsigned jobs) {
  const SliceBuilder builder(inv, names, index, test_files, jobs);
  const CodeUnits& units = builder.units();
  const std::vector<FileSummary>& files = names.files();

  // Routes sharing a handler, methods and actions share a slice.
  std::map<std::tuple<std::string, std::string, std::vector<std::string>, std::vector<std::string>,
                      std::string>,
           std::size_t>
      by_handler;
  std::vector<std::size_t> closure_of(inv.routes.size());
  std::vector<const Route*> firsts;
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Route& r = inv.routes[i];
    const auto [it, fresh] = by_handler.try_emplace(
        {r.handler, r.file, r.methods, r.actions, r.view_class}, firsts.size());
    if (fresh) firsts.push_back(&r);
    closure_of[i] = it->second;
  }
  std::vector<UnitEdges> seeds(firsts.size());
  std::vector<char> handler(units.count(), 0);
  parallel_for_each_index(firsts.size(), jobs, [&](std::size_t i) {
    const Route& r = *firsts[i];
    seeds[i] = builder.seeds(r.handler, r.file, r.methods, r.actions);
    if (!r.view_class.empty()) {
      // Django's admin view runs the ModelAdmin registered for the model.
      const UnitEdges view = builder.seeds(r.view_class, r.file);
      seeds[i].units.insert(seeds[i].units.end(), view.units.begin(), view.units.end());
      seeds[i].modules.insert(seeds[i].modules.end(), view.modules.begin(), view.modules.end());
      seeds[i].finish();
    }
  });
  // A handler's own unit (the class or function the route names).
  const auto mark_handler = [&](const Route& r) {
    if (const auto u = builder.handler_unit(r.handler, r.file)) handler[*u] = 1;
  };
  for (const Route* r : firsts)
    mark_handler(*r);
  for (const Route& r : inv.test_routes)
    mark_handler(r);

  std::vector<Closure> closures(firsts.size());
  const auto make_stamp = [&] {
    return std::pair(std::vector<std::uint32_t>(units.count(), 0), 0u);
  };
  parallel_for(firsts.size(), jobs, make_stamp, [&](auto& stamp, std::size_t i) {
    closures[i] = builder.close(seeds[i].units, stamp.first, ++stamp.second);
  });
  std::vector<std::uint32_t> retained_stamp(units.count(), 0);
  std::vector<std::uint32_t> root_files;
  Closure retained = builder.close(builder.retained_seeds(handler, root_files), retained_stamp, 1);

  // The units reached, by name: inventory.json's code_units.
  std::vector<char> reached(units.count(), 0);
  for (const Closure& c : closures) {
    for (const std::uint32_t u : c.units)
      reached[u] = 1;
  }
  for (const std::uint32_t u : retained.units)
    reached[u] = 1;
  std::vector<std::pair<std::string, std::uint32_t>> named;
  for (std::uint32_t u = 0; u < units.count(); ++u) {
    if (reached[u])
      named.emplace_back(files[units.file(u)].module + "." + units.definition(u).qualified_name, u);
  }
  std::sort(named.begin(), named.end());
  std::vector<std::uint32_t> position(units.count(), 0);
  for (std::uint32_t i = 0; i < named.size(); ++i)
    position[named[i].second] = i;
  const auto module_names = [&](const std::vector<std::uint32_t>& in_files) {
    std::vector<std::string> out;
    for (const std::uint32_t f : in_files) {
      if (!files[f].module.empty()) out.push_back(index.id_of(f));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const auto remap = [&](const std::vector<std::uint32_t>& ids) {
    std::vector<std::uint32_t> out;
    for (const std::uint32_t u : ids) {
      if (reached[u]) out.push_back(position[u]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  inv.code_units.clear();
  for (auto& [name, u] : named) {
    const std::size_t f = units.file(u);
    const DefinitionFact& d = units.definition(u);
    const UnitEdges& e = builder.uses().edges(u);
    CodeUnit cu{.name = std::move(name),
                .module = index.id_of(f),
                .file = files[f].path,
                .line = d.first_line,
                .lines = units.own_lines(u),
                .is_class = d.kind == DefinitionFact::Kind::kClass,
                .uses = remap(e.units),
                .tables_read = sorted_unique(builder.tables(u).read),
                .tables_written = sorted_unique(builder.tables(u).written),
                .modules = module_names(e.modules),
                .unresolved_calls = e.unresolved_calls};
    inv.code_units.push_back(std::move(cu));
  }
  inv.slices.assign(inv.routes.size(), EndpointSlice{});
  for (std::size_t i = 0; i < inv.routes.size(); ++i) {
    const Closure& c = closures[closure_of[i]];
    inv.slices[i] = EndpointSlice{.route_id = inv.routes[i].id,
                                  .units = remap(c.units),
                                  .modules = module_names(c.modules),
                                  .tables_read = c.read,
                                  .tables_written = c.written,
                                  .lines = c.lines,
                                  .unresolved_calls = c.unresolved};
  }
  std::vector<std::string> retained_tables = retained.read;
  retained_tables.insert(retained_tables.end(), retained.written.begin(), retained.written.end());
  std::sort(retained_tables.begin(), retained_tables.end());
  retained_tables.erase(std::unique(retained_tables.begin(), retained_tables.end()),
                        retained_tables.end());
  inv.retained = RetainedCode{.units = remap(retained.units),
                              .modules = module_names(retained.modules),
                              .tables = std::move(retained_tables),
                              .root_modules = module_names(root_files)};
}

}  // namespace cutover
