#include "scan/scan_pipeline.h"

#include <algorithm>
#include <future>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "cache/cached_summarizer.h"
#include "config/cutover_config.h"
#include "discover/source_discovery.h"
#include "frameworks/django/django_references.h"
#include "frameworks/django/django_urls.h"
#include "frameworks/fab/fab_routes.h"
#include "frameworks/fastapi/fastapi_routes.h"
#include "frameworks/flask/flask_routes.h"
#include "graph/endpoint_families.h"
#include "graph/module_graph.h"
#include "link/class_hierarchy.h"
#include "link/code_uses.h"
#include "link/data_models.h"
#include "link/endpoint_slices.h"
#include "link/import_resolver.h"
#include "link/module_index.h"
#include "link/name_resolver.h"
#include "link/python2_blockers.h"
#include "link/route_facts.h"
#include "link/source_roots.h"
#include "link/test_modules.h"
#include "parse/file_summarizer.h"
#include "scan/summarize_stage.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

void sort_outputs(Inventory& inv) {
  std::sort(inv.imports.begin(), inv.imports.end(), [](const ImportEdge& a, const ImportEdge& b) {
    return std::tie(a.file, a.line, a.to) < std::tie(b.file, b.line, b.to);
  });
  std::sort(inv.routes.begin(), inv.routes.end(), route_before);
  std::sort(inv.test_routes.begin(), inv.test_routes.end(), route_before);
  std::sort(inv.auto_routes.begin(), inv.auto_routes.end(), route_before);
  std::sort(inv.hooks.begin(), inv.hooks.end(), [](const Hook& a, const Hook& b) {
    return std::tie(a.blueprint, a.kind, a.file, a.line, a.handler) <
           std::tie(b.blueprint, b.kind, b.file, b.line, b.handler);
  });
  std::sort(inv.diagnostics.begin(), inv.diagnostics.end());
  inv.diagnostics.erase(std::unique(inv.diagnostics.begin(), inv.diagnostics.end()),
                        inv.diagnostics.end());
}

}  // namespace

Inventory link_summaries(std::string root_label, std::vector<FileSummary> summaries,
                         std::vector<Diagnostic> diagnostics, const LinkOptions& options,
                         std::vector<StageTime>* stages) {
  std::vector<StageTime> untimed;
  StageClock clock(stages ? *stages : untimed);
  std::sort(summaries.begin(), summaries.end(),
            [](const FileSummary& a, const FileSummary& b) { return a.path < b.path; });
  choose_source_roots(summaries, options.source_roots, diagnostics);
  clock.lap("link:roots");
  Inventory inv;
  inv.root = std::move(root_label);
  inv.diagnostics = std::move(diagnostics);
  for (FileSummary& s : summaries) {
    inv.files.push_back(FileEntry{.path = s.path, .lines = s.lines, .status = s.status});
    for (Diagnostic& d : s.diagnostics)
      inv.diagnostics.push_back(std::move(d));
    s.diagnostics.clear();
  }

  const ModuleIndex index(summaries, inv.diagnostics);
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    const FileSummary& s = summaries[i];
    if (!s.module.empty()) inv.modules.push_back(Module{.name = index.id_of(i), .path = s.path});
  }
  std::sort(inv.modules.begin(), inv.modules.end(),
            [](const Module& a, const Module& b) { return a.name < b.name; });

  clock.lap("link:index");
  inv.imports = resolve_imports(summaries, index, inv.diagnostics);
  for (ImportEdge& e : django_string_references(summaries, index, inv.diagnostics, options.jobs))
    inv.imports.push_back(std::move(e));
  clock.lap("link:imports");
  auto resolver =
      std::make_unique<const NameResolver>(summaries, index, options.jobs, options.django_settings);
  const NameResolver& names = *resolver;
  clock.lap("link:names");
  const std::vector<ClassConstruction> constructions =
      find_class_constructions(names, options.jobs);
  FlaskExtraction flask = extract_flask_routes(names, constructions, inv.diagnostics);
  inv.routes = std::move(flask.routes);
  inv.hooks = std::move(flask.hooks);
  for (Route& r : extract_fastapi_routes(names, constructions, inv.diagnostics))
    inv.routes.push_back(std::move(r));
  for (Route& r : extract_fab_routes(names, constructions, inv.diagnostics))
    inv.routes.push_back(std::move(r));
  for (Route& r : extract_django_routes(names, constructions,
                                        DjangoOptions{.settings_module = options.django_settings},
                                        inv.diagnostics)) {
    inv.routes.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < inv.routes.size(); ++i)
    inv.routes[i].declared = static_cast<std::uint32_t>(i);
  complete_routes(inv, names, index, options.jobs);
  clock.lap("link:routes");
  std::unordered_map<std::string_view, const FileSummary*> file_at;
  for (const FileSummary& s : summaries)
    file_at.emplace(s.path, &s);
  inv.models = find_data_models(names, index);
  const CodeUseResolver uses(names, inv.models);
  // Each worker keeps its own memo of the uses that views inherit.
  const auto make_memo = [] { return CodeUseResolver::InheritedUses{}; };
  parallel_for(inv.routes.size(), options.jobs, make_memo,
               [&](CodeUseResolver::InheritedUses& inherited, std::size_t i) {
                 Route& r = inv.routes[i];
                 const auto where = file_at.find(r.file);
                 const std::string_view root = where == file_at.end()
                                                   ? std::string_view()
                                                   : std::string_view(where->second->source_root);
                 const std::optional<std::size_t> f = index.find_enclosing(r.handler, root);
                 if (!f) return;
                 r.module = index.id_of(*f);
                 const std::string& module = summaries[*f].module;
                 if (r.handler.size() > module.size() + 1) {
                   const std::string_view local =
                       std::string_view(r.handler).substr(module.size() + 1);
                   r.uses = uses.handler_uses(*f, local, &inherited);
                   for (const DefinitionFact& d : summaries[*f].definitions) {
                     if (d.qualified_name == local) r.doc = d.doc;
                   }
                 }
               });
  std::vector<std::vector<TableAccess>> accesses(summaries.size());
  parallel_for_each_index(summaries.size(), options.jobs, [&](std::size_t f) {
    accesses[f] = uses.table_accesses(f, index.id_of(f));
  });
  for (std::vector<TableAccess>& in_file : accesses) {
    for (TableAccess& a : in_file)
      inv.table_accesses.push_back(std::move(a));
  }
  clock.lap("link:uses");
  std::vector<std::string> handler_modules;
  for (const Route& r : inv.routes)
    handler_modules.push_back(r.module);
  const std::vector<char> test_files =
      find_test_files(summaries, index, inv.imports, handler_modules);
  mark_test_modules(inv, summaries, index, test_files);
  inv.python2 = find_python2_blockers(summaries, index, inv.imports);
  ModuleGraphFacts graph = analyse_module_graph(inv.modules, inv.imports, options.jobs);
  inv.cycles = std::move(graph.cycles);
  analyse_endpoint_families(inv, options.families);
  if (!graph.betweenness_computed) {
    inv.diagnostics.push_back({"", 0, Severity::kInfo, "betweenness-skipped",
                               "more than " + std::to_string(kMaxBetweennessModules) +
                                   " modules: betweenness centrality not computed"});
  }
  sort_outputs(inv);
  clock.lap("link:graph");
  build_slices(inv, names, index, test_files, options.jobs);
  clock.lap("link:slices");
  if (!options.free_facts) {
    // Deliberately never freed (see LinkOptions::free_facts); the resolver
    // refers to the vector object, so nothing may read either after this.
    static_cast<void>(new std::vector<FileSummary>(std::move(summaries)));
    static_cast<void>(resolver.release());
  }
  return inv;
}

Inventory run_scan(const ScanOptions& options, ScanStats* stats) {
  ScanStats local_stats;
  ScanStats& run_stats = stats ? *stats : local_stats;
  StageClock clock(run_stats.stages);
  std::error_code ec;
  if (!std::filesystem::is_directory(options.root, ec)) {
    throw ScanError("not a folder: " + options.root.string());
  }
  CutoverConfig config;
  try {
    config = load_cutover_config(options.root, options.config_file);
  } catch (const std::runtime_error& e) {
    throw ScanError(e.what());
  }
  LinkOptions link = options.link;
  link.jobs = resolved_jobs(options.jobs);
  if (link.source_roots.empty()) link.source_roots = config.roots;
  if (link.django_settings.empty()) link.django_settings = config.django_settings;
  if (link.families.empty()) link.families = config.families;
  PlanOptions plan = options.plan;
  if (config.weights) plan.weights = *config.weights;
  if (plan.deprecated.entries.empty()) plan.deprecated = config.deprecated;
  for (std::string& declared : link.source_roots)
    declared = normalize_source_root(options.root, declared);
  Discovery discovery = discover_sources(
      options.root,
      DiscoveryOptions{.exclude_globs = options.exclude_globs, .source_roots = link.source_roots});

  if (discovery.files.empty()) {
    discovery.diagnostics.push_back(
        {"", 0, Severity::kWarning, "no-python-files",
         "no Python files under " + options.root_label + "; the outputs are empty"});
  }
  if (options.max_files > 0 && discovery.files.size() > options.max_files) {
    discovery.diagnostics.push_back(
        {"", 0, Severity::kError, "too-many-files",
         std::to_string(discovery.files.size()) + " Python files found; only the first " +
             std::to_string(options.max_files) + " by path were scanned (--max-files)"});
    discovery.files.resize(options.max_files);
  }
  const SummarizeLimits limits{.max_file_bytes = options.max_file_bytes};
  const unsigned jobs = resolved_jobs(options.jobs);
  clock.lap("discover");
  ReadSources read = read_sources(discovery.files, options, limits, jobs, run_stats);
  // Access logs change without the tree: outputs made from them are never
  // taken as current.
  const TrafficOptions traffic = merged_traffic_options(config.traffic, options.traffic);
  if (options.outputs_current && !options.cache_dir.empty() && traffic.access_logs.empty() &&
      options.outputs_current(
          inputs_fingerprint(discovery.files, read, discovery.diagnostics, options))) {
    run_stats.outputs_current = true;
    clock.lap("summarize");
    return Inventory{.root = options.root_label};
  }
  Summarized summarized =
      finish_summaries(discovery.files, std::move(read), options, limits, jobs, run_stats);
  clock.lap("summarize");
  // The pack is written while the link stage runs.
  std::future<std::string> cache_written;
  if (summarized.next_pack) {
    cache_written = std::async(std::launch::async, [&] {
      return SummaryCache::save(options.cache_dir, options.root, summarized.next_pack->entries,
                                summarized.next_pack->read);
    });
  }
  Inventory inv = link_summaries(options.root_label, std::move(summarized.summaries),
                                 std::move(discovery.diagnostics), link, &run_stats.stages);
  clock.skip();  // link_summaries timed its own parts
  if (!traffic.access_logs.empty()) {
    try {
      inv.traffic = analyse_traffic(inv, traffic, link.jobs, inv.diagnostics);
    } catch (const std::runtime_error& e) {
      throw ScanError(e.what());
    }
    std::sort(inv.diagnostics.begin(), inv.diagnostics.end());
    clock.lap("traffic");
  }
  inv.plan = build_plan(inv, plan);
  clock.lap("plan");
  if (cache_written.valid()) run_stats.cache_problem = cache_written.get();
  clock.lap("cache");
  return inv;
}

std::string normalize_source_root(const std::filesystem::path& scan_root, std::string_view root) {
  const std::filesystem::path relative = std::filesystem::path(root).lexically_normal();
  std::string out = relative.generic_string();
  if (out == ".") out.clear();
  while (out.ends_with('/'))
    out.pop_back();
  std::error_code ec;
  if (relative.is_absolute() || out.starts_with("..") ||
      !std::filesystem::is_directory(scan_root / out, ec)) {
    throw ScanError("--root " + std::string(root) + ": not a folder under " + scan_root.string() +
                    " (give it relative to the scanned folder)");
  }
  return out;
}

}  // namespace cutover
