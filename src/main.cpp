// cutover: reads a legacy Python web codebase and plans its move to FastAPI.
// This file only wires the command line to the commands in cli/.

#include <malloc.h>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/bench_parse_command.h"
#include "cli/diff_command.h"
#include "cli/early_exit.h"
#include "cli/graph_command.h"
#include "cli/plan_command.h"
#include "cli/progress_command.h"
#include "cli/routes_config_command.h"
#include "cli/scan_command.h"
#include "cutover_version.h"

namespace {

// The options every command that scans a tree shares.
void add_scan_inputs(CLI::App* command, cutover::ScanOptions& scan, std::string& path) {
  command->add_option("PATH", path, "Root folder of the legacy codebase")->required();
  command->add_option("-j,--jobs", scan.jobs, "Worker threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1024u));
  command->add_option("--exclude", scan.exclude_globs,
                      "Skip files and folders matching GLOB (relative path or name; repeatable)");
  command
      ->add_option("--max-file-size", scan.max_file_bytes,
                   "Skip source files larger than this many bytes")
      ->capture_default_str();
  command
      ->add_option("--parse-timeout", scan.parse_timeout_seconds,
                   "Skip a file whose parse takes longer than this many seconds (0: no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  command
      ->add_option("--max-files", scan.max_files,
                   "Scan at most this many Python files, the first by path (0: no limit)")
      ->capture_default_str();
  command->add_option("--root", scan.link.source_roots,
                      "Folder on sys.path, relative to PATH (repeatable; '.' for PATH itself). "
                      "Modules below it are named from it, namespace folders included. "
                      "Default: inferred from packages and imports");
  command->add_option("--config", scan.config_file,
                      "Configuration file (default: cutover.toml, else [tool.cutover] in "
                      "pyproject.toml, in PATH)");
  command->add_option("--cache", scan.cache_dir,
                      "Incremental cache folder: unchanged files are not parsed again (scan and "
                      "progress default to OUTDIR/cache; safe to delete)");
  command->add_option("--settings", scan.link.django_settings,
                      "Django settings module (default: DJANGO_SETTINGS_MODULE from manage.py, "
                      "wsgi.py or asgi.py)");
}

// Access logs joined to the routes (scan, plan, progress).
void add_traffic_inputs(CLI::App* command, cutover::TrafficOptions& traffic) {
  command->add_option("--access-log", traffic.access_logs,
                      "Access log to match against the routes (repeatable; globs; .gz; '-' for "
                      "stdin): requests per route, unmatched paths, never-hit endpoints");
  command
      ->add_option("--log-format", traffic.log_format,
                   "auto (detects combined, common, JSON lines, counts), combined, common, json, "
                   "counts (method,path,status,count[,first_seen,last_seen] as CSV or JSON "
                   "lines), or 'nginx:<log_format string>'")
      ->capture_default_str();
  command->add_option("--log-field", traffic.log_fields,
                      "JSON lines: NAME=KEY[:UNIT] with NAME method, path, request, status, time "
                      "or duration (UNIT s, ms, us); KEY a dotted path (repeatable)");
  command->add_option("--mount-prefix", traffic.mount_prefix,
                      "Path the app is served under (its SCRIPT_NAME), removed before matching");
}

// --target, for the commands that compare the legacy tree with the FastAPI one.
void add_target_input(CLI::App* command, std::string& target) {
  command->add_option("--target", target, "Root folder of the FastAPI codebase")->required();
}

// The FastAPI tree is scanned with its own configuration but the same limits.
cutover::ScanOptions target_scan(const cutover::ScanOptions& legacy, const std::string& target) {
  cutover::ScanOptions scan = legacy;
  scan.root = scan.root_label = target;
  scan.config_file.clear();
  scan.link = {.free_facts = legacy.link.free_facts};
  scan.traffic = {};  // the logs are the legacy app's
  return scan;
}

// --cache as given, else OUTDIR/cache; none with --no-cache.
std::filesystem::path cache_folder(const std::filesystem::path& given,
                                   const std::filesystem::path& out_dir, bool no_cache) {
  if (no_cache) return {};
  return given.empty() ? out_dir / "cache" : given;
}

}  // namespace

int main(int argc, char** argv) {
  // glibc grows a worker thread's heap a few pages at a time, one mprotect
  // call each: a sixth of a warm re-run of a million lines went there. A
  // 64 MB step costs address space, not memory (pages are touched on use).
  // A no-op where jemalloc serves malloc (see CMakeLists.txt).
  mallopt(M_TOP_PAD, 64 << 20);
  CLI::App app{
      "cutover: inventory, dependency graph and migration plan of a legacy Flask or "
      "Django codebase, read statically (the code is never imported or run)."};
  app.set_version_flag("--version", std::string("cutover ") + cutover::kCutoverVersion +
                                        " (allocator: " CUTOVER_ALLOCATOR ")");
  app.require_subcommand(1);
  bool no_fork = false;
  app.add_flag("--no-fork", no_fork,
               "Run the command in this process, not in a child that this one waits for (the "
               "memory then goes back before the exit: for measuring peak memory)");

  cutover::ScanCommandOptions scan;
  std::string scan_path;
  CLI::App* scan_cmd =
      app.add_subcommand("scan", "Scan PATH and write inventory.json and report.html to OUTDIR");
  add_scan_inputs(scan_cmd, scan.scan, scan_path);
  add_traffic_inputs(scan_cmd, scan.scan.traffic);
  scan_cmd->add_option("-o,--out", scan.out_dir, "Output folder")->capture_default_str();
  scan_cmd
      ->add_option("--format", scan.formats,
                   "Outputs to write (repeatable): json (inventory.json), html (report.html), md "
                   "(summary.md, a pull-request comment), dot (graph.dot), openapi (openapi.json, "
                   "OpenAPI 3.1), sarif (cutover.sarif, SARIF 2.1.0), csv (endpoints.csv)")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "html", "md", "dot", "openapi", "sarif", "csv"}));
  scan_cmd->add_option("--server-url", scan.server_url, "openapi.json's server URL")
      ->capture_default_str();
  scan_cmd->add_flag("-q,--quiet", scan.quiet, "Print nothing on success");
  scan_cmd->add_flag("--timings", scan.timings, "Print the wall time of each stage on stderr");
  bool no_cache = false;
  scan_cmd->add_flag("--no-cache", no_cache, "Parse every file; read and write no cache");
  scan_cmd->add_option("--history", scan.history_file,
                       "SQLite file: append this run's totals (time: SOURCE_DATE_EPOCH or now) "
                       "and draw the legacy surface of all runs in report.html");
  scan_cmd->add_option("--source-url", scan.source_url,
                       "Where report.html links file:line, with {file} and {line}: "
                       "https://git.example.com/shop/blob/main/{file}#L{line} (default: "
                       "source_url in the config, else the scanned files, relative to OUTDIR)");

  cutover::GraphCommandOptions graph;
  std::string graph_path;
  CLI::App* graph_cmd = app.add_subcommand(
      "graph",
      "Scan PATH and print its module graph: metrics, imports, import cycles and endpoint "
      "families");
  add_scan_inputs(graph_cmd, graph.scan, graph_path);
  graph_cmd->add_option("--format", graph.format, "json or dot")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "dot"}));
  graph_cmd->add_flag("--cycles", graph.cycles_only,
                      "Only the modules and imports that take part in import cycles");
  graph_cmd->add_option("--family", graph.family,
                        "Only the modules an endpoint family reaches, and the imports among them");

  cutover::PlanCommandOptions plan;
  std::string plan_path;
  CLI::App* plan_cmd = app.add_subcommand(
      "plan", "Scan PATH and print the migration plan: families in waves, with their reasons");
  add_scan_inputs(plan_cmd, plan.scan, plan_path);
  add_traffic_inputs(plan_cmd, plan.scan.traffic);

  cutover::ProgressCommandOptions progress;
  std::string progress_path, target_path;
  CLI::App* progress_cmd = app.add_subcommand(
      "progress",
      "Match the endpoints of legacy PATH to the FastAPI routes of --target: what moved, what "
      "remains, what changed contract; writes progress.json and report.html to OUTDIR");
  add_scan_inputs(progress_cmd, progress.legacy, progress_path);
  add_traffic_inputs(progress_cmd, progress.legacy.traffic);
  add_target_input(progress_cmd, target_path);
  progress_cmd->add_option("-o,--out", progress.out_dir, "Output folder")->capture_default_str();
  progress_cmd
      ->add_option("--format", progress.formats,
                   "Outputs to write (repeatable): json (progress.json), html (report.html), "
                   "openapi (openapi.json of LEGACY, openapi-target.json of the FastAPI tree)")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "html", "openapi"}));
  progress_cmd->add_option("--server-url", progress.server_url, "The OpenAPI documents' server URL")
      ->capture_default_str();
  progress_cmd->add_option("--source-url", progress.source_url,
                           "Where report.html links file:line (as for scan)");
  progress_cmd->add_flag("-q,--quiet", progress.quiet, "Print nothing on success");
  progress_cmd->add_flag("--no-cache", no_cache, "Parse every file; read and write no cache");
  progress_cmd->add_option("--history", progress.history_file,
                           "SQLite file: append this run's totals, draw all runs in report.html");

  cutover::DiffCommandOptions diff;
  CLI::App* diff_cmd = app.add_subcommand(
      "diff",
      "Endpoints added, removed and changed (methods, handler, params) between two "
      "inventory.json files, by stable route id");
  diff_cmd->add_option("OLD", diff.old_file, "The earlier inventory.json")->required();
  diff_cmd->add_option("NEW", diff.new_file, "The later inventory.json")->required();
  diff_cmd
      ->add_option("--format", diff.format,
                   "text, json, or sarif (SARIF 2.1.0: a new-legacy-endpoint result per route or "
                   "method added)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  diff_cmd->add_flag("--fail-on-new", diff.fail_on_new,
                     "Exit 1 when a route or a method was added: the legacy surface grew");

  cutover::RoutesConfigCommandOptions routes;
  std::string routes_path, routes_target;
  CLI::App* routes_cmd = app.add_subcommand(
      "routes-config",
      "Proxy configuration for the next cutover step: endpoints that moved to --target go to "
      "the FastAPI upstream, everything else to the legacy one");
  add_scan_inputs(routes_cmd, routes.legacy, routes_path);
  add_target_input(routes_cmd, routes_target);
  routes_cmd->add_option("--format", routes.format, "Proxy to configure")
      ->capture_default_str()
      ->check(CLI::IsMember({"nginx"}));
  routes_cmd->add_option("-o,--out", routes.out_file, "Write to FILE (default: stdout)");
  routes_cmd->add_option("--legacy-upstream", routes.nginx.legacy_upstream, "HOST:PORT")
      ->capture_default_str();
  routes_cmd->add_option("--fastapi-upstream", routes.nginx.fastapi_upstream, "HOST:PORT")
      ->capture_default_str();
  routes_cmd->add_option("--listen", routes.nginx.listen, "What the server listens on")
      ->capture_default_str();
  routes_cmd->add_option("--canary", routes.canaries,
                         "FAMILY=PERCENT: send that share of users to FastAPI for the family's "
                         "moved endpoints (repeatable)");
  routes_cmd
      ->add_option("--canary-key", routes.nginx.canary_key,
                   "nginx variables identifying a user, hashed by split_clients")
      ->capture_default_str();

  cutover::ScanOptions bench;
  std::string bench_path;
  CLI::App* bench_cmd = app.add_subcommand(
      "bench-parse",
      "Benchmark floor: read and tree-sitter-parse the files a scan of PATH would, nothing else");
  bench_cmd->add_option("PATH", bench_path, "Root folder")->required();
  bench_cmd->add_option("-j,--jobs", bench.jobs, "Worker threads (0: one per core)");
  bench_cmd->add_option("--exclude", bench.exclude_globs, "As for scan");
  bool bench_walk = false;
  bench_cmd->add_flag(
      "--walk", bench_walk,
      "Also visit every node of each tree with a cursor (the floor of a fact pass)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // --help and --version exit 0; every usage error exits 2
  }
  for (const cutover::TrafficOptions* traffic :
       {&scan.scan.traffic, &plan.scan.traffic, &progress.legacy.traffic}) {
    if (const std::string problem = cutover::traffic_options_problem(*traffic); !problem.empty()) {
      std::cerr << "cutover: " << problem << "\n";
      return 2;
    }
  }
  // One scan per process: the facts are left to the exit, except where a
  // sanitizer checks that everything is freed.
#if !defined(__SANITIZE_ADDRESS__)
  for (cutover::ScanOptions* options :
       {&scan.scan, &graph.scan, &plan.scan, &progress.legacy, &routes.legacy}) {
    options->link.free_facts = false;
  }
  // The commands that scan a tree run in a child (cli/early_exit.h); not
  // under a sanitizer, whose report comes at the child's exit.
  const bool scans = app.got_subcommand(scan_cmd) || app.got_subcommand(graph_cmd) ||
                     app.got_subcommand(plan_cmd) || app.got_subcommand(routes_cmd) ||
                     app.got_subcommand(progress_cmd);
  const int exit_handle = scans && !no_fork ? cutover::fork_for_early_exit() : -1;
#else
  const int exit_handle = -1;
  static_cast<void>(no_fork);
#endif
  const auto run = [&]() -> int {
    if (app.got_subcommand(scan_cmd)) {
      scan.scan.root = scan.scan.root_label = scan_path;
      scan.scan.cache_dir = cache_folder(scan.scan.cache_dir, scan.out_dir, no_cache);
      for (int i = 0; i < argc; ++i)
        scan.command_line += std::string(argv[i]) + '\0';
      return cutover::run_scan_command(scan);
    }
    if (app.got_subcommand(graph_cmd)) {
      graph.scan.root = graph.scan.root_label = graph_path;
      return cutover::run_graph_command(graph);
    }
    if (app.got_subcommand(plan_cmd)) {
      plan.scan.root = plan.scan.root_label = plan_path;
      return cutover::run_plan_command(plan);
    }
    if (app.got_subcommand(diff_cmd)) return cutover::run_diff_command(diff);
    if (app.got_subcommand(bench_cmd)) {
      bench.root = bench.root_label = bench_path;
      return cutover::run_bench_parse_command(bench, bench_walk);
    }
    if (app.got_subcommand(routes_cmd)) {
      routes.legacy.root = routes.legacy.root_label = routes_path;
      routes.target = target_scan(routes.legacy, routes_target);
      return cutover::run_routes_config_command(std::move(routes));
    }
    if (app.got_subcommand(progress_cmd)) {
      progress.legacy.root = progress.legacy.root_label = progress_path;
      progress.legacy.cache_dir =
          cache_folder(progress.legacy.cache_dir, progress.out_dir, no_cache);
      progress.target = target_scan(progress.legacy, target_path);
      return cutover::run_progress_command(progress);
    }
    return 2;
  };
  const int code = run();
  cutover::report_exit(exit_handle, code);
  return code;
}
