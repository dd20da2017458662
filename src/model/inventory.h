#pragma once
// The linked result of a scan: what the emitters write. Built once, in the
// cross-file pass, from the per-file summaries.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/data_model.h"
#include "model/diagnostic.h"
#include "model/file_summary.h"
#include "model/plan.h"
#include "model/slice.h"
#include "model/traffic.h"

namespace cutover {

struct FileEntry {
  std::string path;
  std::uint32_t lines = 0;
  FileStatus status = FileStatus::kParsed;
};

struct Module {
  std::string name;
  std::string path;
  std::uint32_t fan_in = 0;   // distinct internal modules importing this one (Ca)
  std::uint32_t fan_out = 0;  // distinct internal modules this one imports (Ce)
  double instability = 0;     // Ce / (Ca + Ce); 0 for an isolated module
  std::uint32_t layer = 0;    // 0: depends on no internal module; else 1 + its deepest dependency
  std::uint32_t blast_radius = 0;  // modules that import it, directly or transitively
  double betweenness = 0;  // Brandes betweenness, normalised to [0, 1]: hub modules score high
  std::string family;      // endpoint family whose handlers it holds ("" for none)
  std::uint32_t families_reaching = 0;  // endpoint families whose handlers import it, transitively
  bool core = false;                    // reached by at least two families and half of all families
  bool assembly = false;  // the app's assembly module: registers the families' handlers
  bool test = false;      // test code, or a helper only test code imports: no migration input
};

enum class ImportKind : std::uint8_t { kInternal, kStdlib, kThirdParty, kUnresolved };
std::string_view import_kind_name(ImportKind kind);

struct ImportEdge {
  std::string from;  // importing module
  std::string to;    // internal module, or the absolute dotted name imported
  std::string file;
  std::uint32_t line = 0;
  ImportKind kind = ImportKind::kInternal;
  StatementContext context;
  // "import" for an import statement; for a module Django loads by its
  // dotted name: "INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "include", "view".
  std::string via = "import";
};

// Something a route's handler touches, resolved ("flask.request.form",
// "request.POST", "model:shop.models.Order|.query"), where it first does.
struct HandlerUse {
  std::string name;
  std::string file;
  std::uint32_t line = 0;
};

struct RouteParam {
  std::string name;
  std::string type;   // "str", "int", "float", "path", "uuid", or the converter's name
  std::string regex;  // Django: the regex of a converter the tree registers under `type`
};

// A value a route depends on that cannot be known statically (a database
// read, an environment variable without default), and the value taken for it.
struct RouteAssumption {
  std::string expr;     // the expression, as written
  std::string assumed;  // the value taken: "" for an empty prefix, a default's value
  std::string file;
  std::uint32_t line = 0;
};

// An `if` branch a declaration sits in: branch number `index` (see
// ConditionFact) of the link stage's file `file`, with the branches
// enclosing it.
struct ConditionRef {
  std::size_t file = 0;
  std::int32_t index = -1;
  auto operator<=>(const ConditionRef&) const = default;
};

struct Route {
  std::string id;         // stable across re-runs: derived from framework, endpoint and path
  std::string framework;  // "flask"
  std::vector<std::string> methods;  // sorted
  std::string path;                  // full rule as the framework writes it, prefixes applied
  std::string path_template;         // FastAPI form: /users/{id}
  std::vector<RouteParam> params;
  std::string handler;    // dotted name of the view function or class
  std::string endpoint;   // framework's name for the route
  std::string blueprint;  // dotted blueprint name ("" on the app); family input
  std::string module;     // internal module of the handler ("" when the handler is external)
  std::string family;     // endpoint family: blueprint, Django app or first path segment
  std::string file;
  std::uint32_t line = 0;
  std::vector<std::string> guards;  // auth / CSRF decorators and mixins: login_required, ...
  std::string handler_file;         // where the handler is defined ("" outside the tree)
  std::uint32_t handler_line = 0;   // its first decorator line, or its def / class line
  bool conditional = false;         // declared under an `if` (settings.DEBUG, feature flags)
  // Flask: false where the rule says strict_slashes=False: werkzeug then
  // matches its path with or without a trailing slash, and never redirects.
  bool strict_slashes = true;
  std::string condition;                     // the branch conditions, as written, when conditional
  std::optional<bool> enabled_by_default;    // the conditions under the tree's defaults
  bool partial = false;                      // something about it could not be resolved statically
  std::string unresolved;                    // what could not be resolved, when partial
  std::vector<RouteAssumption> assumptions;  // values taken for what cannot be known
  std::string origin = "app";                // "app", or "test": declared in test code
  std::string auto_kind;                     // "static": a route the framework adds by itself
  std::string generated_by;                  // "django.contrib.admin", "flask_appbuilder", ...
  std::string site;  // the app or Django site it belongs to, when the tree holds several
  // The `if` branches the declaration and the registrations above it sit in
  // (not written out: condition and enabled_by_default are made from them).
  std::vector<ConditionRef> condition_refs;
  // Position in extraction order, which is each framework's own order of
  // declaration (Django's urlpatterns walk, FastAPI's registrations): the
  // order Django and Starlette try routes in (not written out).
  std::uint32_t declared = 0;
  // What the handler's code touches, resolved (input to the compatibility
  // matrix; not written out): "flask.request.form", "request.POST", "model:...".
  std::vector<HandlerUse> uses;
  // A viewset route's actions: the methods of the handler class the router
  // dispatches its HTTP methods to (not written out: where its slice starts).
  std::vector<std::string> actions;
  // The handler's docstring, first line (not written out: the OpenAPI summary).
  std::string doc;
  // A library view's class of the tree it dispatches to: the ModelAdmin
  // registered for an admin route's model (not written out: where its slice
  // starts, with the handler).
  std::string view_class;
};

// A request hook or error handler: code that runs around routes it is not
// written in, so a FastAPI port needs an equivalent for every route it covers.
struct Hook {
  std::string framework;  // "flask"
  std::string kind;       // "before_request", "errorhandler(404)", ...
  std::string blueprint;  // "" when registered on the app
  std::string handler;
  std::string file;
  std::uint32_t line = 0;
};

// One import of a module by another, where a person can change it: a step
// of a cycle path, or an import that makes one family depend on another.
struct ImportStep {
  std::string from;
  std::string to;
  std::string file;
  std::uint32_t line = 0;
};

struct ImportCycle {
  std::vector<std::string> modules;  // sorted members of one strongly connected component
  std::vector<ImportStep> path;      // a shortest cycle through the first member, back to it
};

// A family declared in config: endpoints whose path starts with one of
// `path_prefixes`, or whose handler module is one of `module_prefixes` or
// below it, belong to `name`, whatever their blueprint or app.
struct FamilyOverride {
  std::string name;
  std::vector<std::string> path_prefixes;
  std::vector<std::string> module_prefixes;
};

// A group of endpoints that migrates together: a Flask blueprint, a Django
// app, or (for routes registered on the app itself) a first path segment.
struct Family {
  std::string name;
  std::string kind;  // "blueprint", "django-app", "path-prefix", "config"
  std::uint32_t endpoints = 0;
  std::string package;  // package whose modules it owns ("" when its handlers share one)
  std::vector<std::string> modules;       // its modules: handlers, and its package's, sorted
  std::uint32_t reached_modules = 0;      // internal modules its handlers import, transitively
  std::vector<std::string> core_reached;  // core modules among them, sorted
};

// Family `from` imports modules that hold `to`'s handlers, directly or
// through modules that belong to no family.
struct FamilyDependency {
  std::string from;
  std::string to;
  std::uint32_t weight = 0;         // distinct imports crossing into `to`'s modules
  std::vector<ImportStep> imports;  // those imports: the modules responsible, with file:line
};

// A construct that must be ported before the module runs on Python 3.
struct Python2Blocker {
  std::string module;
  std::string construct;  // "print statement", "unicode()", "import urllib2", ...
  std::string file;
  std::uint32_t line = 0;
};

struct Inventory {
  std::string root;
  std::vector<FileEntry> files;
  std::vector<Module> modules;
  std::vector<ImportEdge> imports;
  std::vector<Route> routes;
  // Routes declared only in test code, on throwaway apps: listed in
  // inventory.json, kept out of counts, plan, matrix and progress.
  std::vector<Route> test_routes;
  // Routes the framework adds by itself (auto_kind: Flask's static-file
  // routes): listed in inventory.json, kept out of counts, plan, matrix and
  // progress, which are about the application's own code.
  std::vector<Route> auto_routes;
  std::vector<Hook> hooks;
  std::vector<ImportCycle> cycles;
  std::vector<Family> families;                // sorted by name
  std::vector<FamilyDependency> family_edges;  // sorted by (from, to)
  std::vector<DataModel> models;               // sorted by name
  std::vector<TableAccess> table_accesses;     // per module, then scope and table
  std::vector<Python2Blocker> python2;         // sorted by (file, line)
  std::vector<CodeUnit> code_units;            // the units slices reach, sorted by name
  std::vector<EndpointSlice> slices;           // one per route, in route order
  RetainedCode retained;                       // what code outside endpoints keeps alive
  Plan plan;                                   // filled by the plan stage
  std::optional<TrafficSummary> traffic;       // with access logs: requests per route
  std::vector<Diagnostic> diagnostics;
};

// inventory.json's route order: path, methods, endpoint, handler, file, line.
bool route_before(const Route& a, const Route& b);
// "partial" when something could not be resolved, "assumed" when a value was
// taken for what cannot be known statically, else "exact".
std::string_view route_resolution(const Route& r);

// Whether the plan deprecates routes[route] (the matrix is in route order).
bool route_deprecated(const Inventory& inv, std::size_t route);
// Legacy endpoints (not FastAPI) the plan does not deprecate: what is left to move.
std::uint32_t endpoints_to_move(const Inventory& inv);
std::uint64_t source_lines(const Inventory& inv);

}  // namespace cutover
