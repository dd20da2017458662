#include "emit/inventory_json.h"

#include <nlohmann/json.hpp>

#include "cutover_version.h"
#include "emit/json_fragments.h"
#include "emit/plan_json.h"

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

Json context_json(const StatementContext& c) {
  if (c.under_type_checking) return "type-only";
  if (c.in_try_import_error) return "optional";
  if (c.in_function) return "lazy";
  return "top-level";
}

Json route_json(const Route& r) {
  Json params = Json::array();
  for (const RouteParam& p : r.params)
    params.push_back({{"name", p.name}, {"type", p.type}});
  Json out = {{"id", r.id},
              {"framework", r.framework},
              {"methods", r.methods},
              {"path", r.path},
              {"path_template", r.path_template},
              {"params", std::move(params)},
              {"handler", r.handler},
              {"endpoint", r.endpoint},
              {"blueprint", r.blueprint},
              {"family", r.family},
              {"module", r.module},
              {"file", r.file},
              {"line", r.line},
              {"guards", r.guards},
              {"conditional", r.conditional},
              {"resolution", r.partial ? "partial" : "exact"}};
  if (r.partial) out["unresolved"] = r.unresolved;
  return out;
}

}  // namespace

std::string inventory_to_json(const Inventory& inv) {
  Json files = Json::array();
  for (const FileEntry& f : inv.files) {
    files.push_back({{"path", f.path}, {"lines", f.lines}, {"status", file_status_name(f.status)}});
  }
  Json modules = Json::array();
  for (const Module& m : inv.modules)
    modules.push_back(module_json(m));
  Json imports = Json::array();
  for (const ImportEdge& e : inv.imports) {
    imports.push_back({{"from", e.from},
                       {"to", e.to},
                       {"file", e.file},
                       {"line", e.line},
                       {"kind", import_kind_name(e.kind)},
                       {"context", context_json(e.context)},
                       {"via", e.via}});
  }
  Json routes = Json::array();
  std::size_t partial = 0;
  for (const Route& r : inv.routes) {
    routes.push_back(route_json(r));
    partial += r.partial;
  }
  Json hooks = Json::array();
  for (const Hook& h : inv.hooks) {
    hooks.push_back({{"framework", h.framework},
                     {"kind", h.kind},
                     {"blueprint", h.blueprint},
                     {"handler", h.handler},
                     {"file", h.file},
                     {"line", h.line}});
  }
  Json diagnostics = Json::array();
  for (const Diagnostic& d : inv.diagnostics) {
    diagnostics.push_back({{"file", d.file},
                           {"line", d.line},
                           {"severity", severity_name(d.severity)},
                           {"code", d.code},
                           {"message", d.message}});
  }
  const Json summary = {{"files", inv.files.size()},     {"modules", inv.modules.size()},
                        {"imports", inv.imports.size()}, {"routes", inv.routes.size()},
                        {"partial_routes", partial},     {"hooks", inv.hooks.size()},
                        {"cycles", inv.cycles.size()},   {"diagnostics", inv.diagnostics.size()}};
  Json doc = {{"schema_version", kSchemaVersion},
              {"tool", {{"name", "cutover"}, {"version", kCutoverVersion}}},
              {"root", inv.root},
              {"summary", summary},
              {"files", std::move(files)},
              {"modules", std::move(modules)},
              {"imports", std::move(imports)},
              {"routes", std::move(routes)},
              {"hooks", std::move(hooks)},
              {"graph",
               {{"cycles", cycles_json(inv.cycles)},
                {"families", families_json(inv.families)},
                {"family_edges", family_edges_json(inv.family_edges)}}}};
  add_plan_json(inv, doc);
  doc["diagnostics"] = std::move(diagnostics);
  // Scanned text may hold invalid UTF-8 (file names, Latin-1 decoded as a
  // guess); replace rather than throw so one odd byte cannot lose the report.
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace cutover
