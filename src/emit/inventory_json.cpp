#include "emit/inventory_json.h"

#include <algorithm>

#include "cutover_version.h"
#include "emit/json_fragments.h"
#include "emit/plan_json.h"
#include "emit/slices_json.h"
#include "emit/traffic_json.h"

namespace cutover {
namespace {

std::string_view context_name(const StatementContext& c) {
  if (c.under_type_checking) return "type-only";
  if (c.in_try_import_error) return "optional";
  if (c.in_function) return "lazy";
  return "top-level";
}

void write_route(JsonWriter& w, const Route& r) {
  w.begin_object();
  w.member("id", r.id);
  w.member("framework", r.framework);
  w.member("methods", r.methods);
  w.member("path", r.path);
  w.member("path_template", r.path_template);
  w.key("params");
  w.begin_array();
  for (const RouteParam& p : r.params) {
    w.begin_object();
    w.member("name", p.name);
    w.member("type", p.type);
    if (!p.regex.empty()) w.member("regex", p.regex);
    w.end_object();
  }
  w.end_array();
  w.member("handler", r.handler);
  w.member("endpoint", r.endpoint);
  w.member("blueprint", r.blueprint);
  w.member("family", r.family);
  w.member("module", r.module);
  w.member("file", r.file);
  w.member("line", r.line);
  w.member("handler_file", r.handler_file);
  w.member("handler_line", r.handler_line);
  w.member("guards", r.guards);
  w.member("conditional", r.conditional);
  if (r.conditional) {
    w.member("condition", r.condition);
    w.key("enabled_by_default");
    if (r.enabled_by_default) {
      w.value(*r.enabled_by_default);
    } else {
      w.null_value();
    }
  }
  w.member("resolution", route_resolution(r));
  if (r.partial) w.member("unresolved", r.unresolved);
  if (!r.assumptions.empty()) {
    w.key("assumptions");
    w.begin_array();
    for (const RouteAssumption& a : r.assumptions) {
      w.begin_object();
      w.member("expr", a.expr);
      w.member("assumed", a.assumed);
      w.member("file", a.file);
      w.member("line", a.line);
      w.end_object();
    }
    w.end_array();
  }
  w.member("origin", r.origin);
  if (!r.strict_slashes) w.member("strict_slashes", false);
  if (!r.auto_kind.empty()) w.member("auto", r.auto_kind);
  if (!r.generated_by.empty()) w.member("generated_by", r.generated_by);
  if (!r.site.empty()) w.member("site", r.site);
  w.end_object();
}

void write_summary(JsonWriter& w, const Inventory& inv) {
  std::size_t partial = 0;
  std::size_t assumed = 0;
  for (const Route& r : inv.routes) {
    partial += r.partial;
    assumed += !r.partial && !r.assumptions.empty();
  }
  w.begin_object();
  w.member("files", inv.files.size());
  w.member("modules", inv.modules.size());
  w.member("imports", inv.imports.size());
  w.member("routes", inv.routes.size());
  w.member("partial_routes", partial);
  w.member("assumed_routes", assumed);
  w.member("test_routes", inv.test_routes.size());
  w.member("auto_routes", inv.auto_routes.size());
  w.member("hooks", inv.hooks.size());
  w.member("cycles", inv.cycles.size());
  w.member("diagnostics", inv.diagnostics.size());
  w.end_object();
}

void write_listings(JsonWriter& w, const Inventory& inv) {
  w.key("files");
  w.begin_array();
  for (const FileEntry& f : inv.files) {
    w.begin_object();
    w.member("path", f.path);
    w.member("lines", f.lines);
    w.member("status", file_status_name(f.status));
    w.end_object();
  }
  w.end_array();
  w.key("modules");
  w.begin_array();
  for (const Module& m : inv.modules)
    write_module(w, m);
  w.end_array();
  w.key("imports");
  w.begin_array();
  for (const ImportEdge& e : inv.imports) {
    w.begin_object();
    w.member("from", e.from);
    w.member("to", e.to);
    w.member("file", e.file);
    w.member("line", e.line);
    w.member("kind", import_kind_name(e.kind));
    w.member("context", context_name(e.context));
    w.member("via", e.via);
    w.end_object();
  }
  w.end_array();
  w.key("routes");
  w.begin_array();
  // The app's routes, the test code's and the framework's, merged in the one route order.
  std::vector<const Route*> all;
  all.reserve(inv.routes.size() + inv.test_routes.size() + inv.auto_routes.size());
  for (const std::vector<Route>* list : {&inv.routes, &inv.test_routes, &inv.auto_routes}) {
    for (const Route& r : *list)
      all.push_back(&r);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Route* a, const Route* b) { return route_before(*a, *b); });
  for (const Route* r : all)
    write_route(w, *r);
  w.end_array();
  w.key("hooks");
  w.begin_array();
  for (const Hook& h : inv.hooks) {
    w.begin_object();
    w.member("framework", h.framework);
    w.member("kind", h.kind);
    w.member("blueprint", h.blueprint);
    w.member("handler", h.handler);
    w.member("file", h.file);
    w.member("line", h.line);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string inventory_to_json(const Inventory& inv) {
  std::string out;
  out.reserve(1024 + 2048 * (inv.routes.size() + inv.files.size()) + 256 * inv.imports.size());
  JsonWriter w(out);
  w.begin_object();
  w.member("schema_version", kSchemaVersion);
  w.key("tool");
  w.begin_object();
  w.member("name", "cutover");
  w.member("version", kCutoverVersion);
  w.end_object();
  w.member("root", inv.root);
  w.key("summary");
  write_summary(w, inv);
  write_listings(w, inv);
  w.key("graph");
  w.begin_object();
  w.key("cycles");
  write_cycles(w, inv.cycles);
  w.key("families");
  write_families(w, inv.families);
  w.key("family_edges");
  write_family_edges(w, inv.family_edges);
  w.end_object();
  write_plan_members(w, inv);
  w.key("slices");
  write_slices(w, inv);
  write_traffic_member(w, inv);
  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : inv.diagnostics) {
    w.begin_object();
    w.member("file", d.file);
    w.member("line", d.line);
    w.member("severity", severity_name(d.severity));
    w.member("code", d.code);
    w.member("message", d.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace cutover
