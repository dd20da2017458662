#include "graph/endpoint_families.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <map>
#include <set>
#include <unordered_map>

#include "graph/module_edges.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = std::size_t;
constexpr int kNoFamily = -1;
constexpr int kAnyFamily = -2;

// Marks every vertex a search discovers.
struct ReachRecorder : boost::default_bfs_visitor {
  std::vector<char>* reached;
  template <typename G>
  void discover_vertex(Vertex v, const G&) const {
    (*reached)[v] = 1;
  }
};

// Import edges a family's search may follow: out of its own modules and out
// of modules of no family (with kAnyFamily: out of every module). Another
// family's modules are reached, not crossed; the app's assembly module is
// reached, not crossed either: importing it runs every registration, which
// is no dependency a migration can act on.
struct FollowedImports {
  const Graph* graph = nullptr;
  const std::vector<int>* owner = nullptr;
  const std::vector<char>* assembly = nullptr;
  int family = kAnyFamily;
  template <typename Edge>
  bool operator()(const Edge& e) const {
    const Vertex from = boost::source(e, *graph);
    if ((*assembly)[from]) return false;
    return family == kAnyFamily || (*owner)[from] == kNoFamily || (*owner)[from] == family;
  }
};
using FollowedGraph = boost::filtered_graph<Graph, FollowedImports>;

template <typename G>
std::vector<char> reach_from(const G& graph, const std::vector<Vertex>& sources, std::size_t n) {
  std::vector<char> reached(n, 0);
  if (sources.empty()) return reached;
  std::vector<boost::default_color_type> colors(n, boost::white_color);
  boost::queue<Vertex> buffer;
  boost::breadth_first_search(
      graph, sources.begin(), sources.end(), buffer, ReachRecorder{.reached = &reached},
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));
  return reached;
}

bool is_segment_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

}  // namespace

std::string first_path_segment(std::string_view path) {
  std::size_t i = 0;
  while (i < path.size() && (path[i] == '^' || path[i] == '/'))
    ++i;
  std::size_t end = i;
  while (end < path.size() && is_segment_char(path[end]))
    ++end;
  // A segment cut short by a parameter or a regex is not a literal segment.
  if (end < path.size() && path[end] != '/' && path[end] != '$') end = i;
  return end == i ? std::string("(root)") : std::string(path.substr(i, end - i));
}

FamilyName family_of(const Route& route, const std::vector<std::string>& django_apps,
                     const std::vector<FamilyOverride>& overrides) {
  for (const FamilyOverride& o : overrides) {
    for (const std::string& prefix : o.path_prefixes) {
      if (route.path.starts_with(prefix)) return {o.name, "config"};
    }
    for (const std::string& prefix : o.module_prefixes) {
      if (is_within(route.module, prefix)) return {o.name, "config"};
    }
  }
  if (!route.blueprint.empty()) {
    return {route.blueprint.substr(0, route.blueprint.find('.')), "blueprint"};
  }
  if (route.framework == "django" && !route.module.empty()) {
    std::string_view app;
    for (const std::string& candidate : django_apps) {
      if (is_within(route.module, candidate) && candidate.size() > app.size()) app = candidate;
    }
    if (app.empty()) app = std::string_view(route.module).substr(0, route.module.find('.'));
    return {std::string(app), "django-app"};
  }
  return {first_path_segment(route.path), "path-prefix"};
}

namespace {

// The module graph as the family analysis walks it.
struct FamilyWalk {
  explicit FamilyWalk(std::size_t modules) : n(modules), graph(modules) {}

  std::size_t n;
  Graph graph;
  std::map<std::pair<Vertex, Vertex>, const ImportEdge*> edges;  // distinct, first site each
  std::vector<std::string> names;                                // families, sorted
  std::vector<int> owner;                                        // per module
  std::vector<char> assembly;                                    // per module

  std::vector<char> reach(const std::vector<Vertex>& sources, int family) const {
    const FollowedImports followed{
        .graph = &graph, .owner = &owner, .assembly = &assembly, .family = family};
    return reach_from(FollowedGraph(graph, followed), sources, n);
  }
};

// The app's assembly module holds only routes of the app itself (`/`,
// `/healthz`) and imports modules of two or more families to register their
// handlers. Owned, it would make `/` depend on everything; it belongs to no
// family and is never crossed. Only direct imports count: through shared
// modules every handler reaches half the app.
void mark_assembly_modules(FamilyWalk& w, const std::vector<Family>& families) {
  std::vector<Vertex> found;
  for (Vertex v = 0; v < w.n; ++v) {
    if (w.owner[v] == kNoFamily) continue;
    if (families[static_cast<std::size_t>(w.owner[v])].kind != "path-prefix") continue;
    std::set<int> imported;
    for (auto [e, end] = boost::out_edges(v, w.graph); e != end; ++e) {
      const int to = w.owner[boost::target(*e, w.graph)];
      if (to != kNoFamily && to != w.owner[v]) imported.insert(to);
    }
    if (imported.size() >= 2) found.push_back(v);
  }
  for (Vertex v : found) {
    w.owner[v] = kNoFamily;
    w.assembly[v] = 1;
  }
}

// A blueprint's or Django app's package holds its services, forms and
// models too: `shop.orders.services` is the orders family's when its
// handlers are in `shop.orders.views`. The package is the one holding all
// the family's handler modules (a Django app's own package), unless another
// family's handlers live there too.
void claim_packages(FamilyWalk& w, std::vector<Family>& families, const Inventory& inv) {
  std::vector<std::vector<std::string>> handlers(families.size());
  for (Vertex v = 0; v < w.n; ++v) {
    if (w.owner[v] != kNoFamily)
      handlers[static_cast<std::size_t>(w.owner[v])].push_back(inv.modules[v].name);
  }
  for (std::size_t f = 0; f < families.size(); ++f) {
    Family& family = families[f];
    if (family.kind == "path-prefix" || handlers[f].empty()) continue;
    std::string package(family.kind == "django-app" ? std::string_view(family.name)
                                                    : parent_name(handlers[f][0]));
    for (const std::string& h : handlers[f]) {
      while (!package.empty() && !is_within(h, package))
        package.resize(parent_name(package).size());
    }
    if (package.empty()) continue;
    bool contested = false;
    for (Vertex v = 0; v < w.n && !contested; ++v) {
      contested = w.owner[v] != kNoFamily && w.owner[v] != static_cast<int>(f) &&
                  is_within(inv.modules[v].name, package);
    }
    if (!contested) family.package = package;
  }
  for (Vertex v = 0; v < w.n; ++v) {
    if (w.owner[v] != kNoFamily || inv.modules[v].test) continue;
    std::size_t longest = 0;
    for (std::size_t f = 0; f < families.size(); ++f) {
      const std::string& package = families[f].package;
      if (!package.empty() && package.size() > longest && is_within(inv.modules[v].name, package)) {
        longest = package.size();
        w.owner[v] = static_cast<int>(f);
      }
    }
  }
}

// Family f depends on family g where its walk (own modules, modules of no
// family) imports one of g's modules; each such import is a reason.
void add_family_dependencies(const FamilyWalk& w, std::size_t f, const std::vector<Vertex>& sources,
                             Inventory& inv) {
  const int self = static_cast<int>(f);
  const std::vector<char> walked = w.reach(sources, self);
  std::map<int, FamilyDependency> into;
  for (const auto& [edge, site] : w.edges) {
    const auto [u, v] = edge;
    if (!walked[u] || w.assembly[u] || (w.owner[u] != kNoFamily && w.owner[u] != self)) continue;
    if (w.owner[v] == kNoFamily || w.owner[v] == self) continue;
    FamilyDependency& dep = into[w.owner[v]];
    dep.from = w.names[f];
    dep.to = w.names[static_cast<std::size_t>(w.owner[v])];
    ++dep.weight;
    dep.imports.push_back(ImportStep{.from = inv.modules[u].name,
                                     .to = inv.modules[v].name,
                                     .file = site->file,
                                     .line = site->line});
  }
  for (auto& [to, dep] : into)
    inv.family_edges.push_back(std::move(dep));
}

}  // namespace

void analyse_endpoint_families(Inventory& inv, const std::vector<FamilyOverride>& overrides) {
  std::vector<std::string> django_apps;
  for (const ImportEdge& e : inv.imports) {
    if (e.kind != ImportKind::kInternal || e.via != "INSTALLED_APPS") continue;
    // 'billing.apps.BillingConfig' resolves to billing.apps: the app is billing.
    django_apps.push_back(e.to.ends_with(".apps") ? e.to.substr(0, e.to.size() - 5) : e.to);
  }
  std::sort(django_apps.begin(), django_apps.end());

  FamilyWalk w(inv.modules.size());
  ModuleEdges module_edges = distinct_module_edges(inv.modules, inv.imports);
  const std::unordered_map<std::string, Vertex>& vertex_of = module_edges.vertex_of;

  // Families, and how many of each family's routes each module's handlers serve.
  std::map<std::string, Family> by_name;
  std::vector<std::map<std::string, std::uint32_t>> routes_here(w.n);
  for (Route& r : inv.routes) {
    FamilyName name = family_of(r, django_apps, overrides);
    r.family = name.name;
    Family& family = by_name[name.name];
    if (family.name.empty()) family = Family{.name = name.name, .kind = name.kind};
    ++family.endpoints;
    if (auto it = vertex_of.find(r.module); it != vertex_of.end())
      ++routes_here[it->second][r.family];
  }
  std::vector<Family> families;
  for (auto& [name, family] : by_name) {
    w.names.push_back(name);
    families.push_back(std::move(family));
  }

  // Self-imports make no dependency between families, and test code none
  // at all: it is no migration input.
  w.edges = std::move(module_edges.first_import);
  std::erase_if(w.edges, [&](const auto& entry) {
    const auto [from, to] = entry.first;
    return from == to || inv.modules[from].test || inv.modules[to].test;
  });
  for (const auto& [edge, site] : w.edges)
    boost::add_edge(edge.first, edge.second, w.graph);

  // A handler module belongs to the family with most routes there (ties:
  // first by name); then packages are claimed, and assembly modules leave.
  w.owner.assign(w.n, kNoFamily);
  w.assembly.assign(w.n, 0);
  for (Vertex v = 0; v < w.n; ++v) {
    std::uint32_t best = 0;
    for (const auto& [name, count] : routes_here[v]) {
      if (count <= best) continue;
      best = count;
      w.owner[v] = static_cast<int>(std::lower_bound(w.names.begin(), w.names.end(), name) -
                                    w.names.begin());
    }
  }
  claim_packages(w, families, inv);
  mark_assembly_modules(w, families);

  std::vector<std::vector<Vertex>> owned(families.size());
  for (Vertex v = 0; v < w.n; ++v) {
    inv.modules[v].assembly = w.assembly[v];
    if (w.owner[v] == kNoFamily) continue;
    const std::size_t f = static_cast<std::size_t>(w.owner[v]);
    owned[f].push_back(v);
    inv.modules[v].family = w.names[f];
    families[f].modules.push_back(inv.modules[v].name);
  }
  std::vector<std::vector<char>> reached(families.size());
  for (std::size_t f = 0; f < families.size(); ++f) {
    reached[f] = w.reach(owned[f], kAnyFamily);
    for (Vertex v = 0; v < w.n; ++v) {
      if (!reached[f][v]) continue;
      ++inv.modules[v].families_reaching;
      if (w.owner[v] != static_cast<int>(f)) ++families[f].reached_modules;
    }
    add_family_dependencies(w, f, owned[f], inv);
  }
  for (Module& m : inv.modules)
    m.core = m.families_reaching >= 2 && 2 * m.families_reaching >= families.size();
  for (std::size_t f = 0; f < families.size(); ++f) {
    for (Vertex v = 0; v < w.n; ++v) {
      if (reached[f][v] && inv.modules[v].core)
        families[f].core_reached.push_back(inv.modules[v].name);
    }
  }
  inv.families = std::move(families);
}

}  // namespace cutover
