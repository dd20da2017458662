// cutover: reads a legacy Python web codebase and plans its move to FastAPI.
// This file only wires the command line to the commands in cli/.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/graph_command.h"
#include "cli/scan_command.h"
#include "cutover_version.h"

int main(int argc, char** argv) {
  CLI::App app{
      "cutover: inventory, dependency graph and migration plan of a legacy Flask or "
      "Django codebase, read statically (the code is never imported or run)."};
  app.set_version_flag("--version", std::string("cutover ") + cutover::kCutoverVersion);
  app.require_subcommand(1);

  cutover::ScanCommandOptions scan;
  CLI::App* scan_cmd =
      app.add_subcommand("scan", "Scan PATH and write inventory.json and report.html to OUTDIR");
  scan_cmd->add_option("PATH", scan.path, "Root folder of the legacy codebase")->required();
  scan_cmd->add_option("-o,--out", scan.out_dir, "Output folder")->capture_default_str();
  scan_cmd->add_option("-j,--jobs", scan.jobs, "Worker threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 1024u));
  scan_cmd->add_option("--exclude", scan.excludes,
                       "Skip files and folders matching GLOB (relative path or name; repeatable)");
  scan_cmd
      ->add_option("--max-file-size", scan.max_file_bytes,
                   "Skip source files larger than this many bytes")
      ->capture_default_str();
  scan_cmd->add_option("--settings", scan.django_settings,
                       "Django settings module (default: DJANGO_SETTINGS_MODULE from manage.py, "
                       "wsgi.py or asgi.py)");
  scan_cmd->add_flag("-q,--quiet", scan.quiet, "Print nothing on success");

  cutover::GraphCommandOptions graph;
  CLI::App* graph_cmd = app.add_subcommand(
      "graph", "Scan PATH and print its module graph: metrics, imports and import cycles");
  graph_cmd->add_option("PATH", graph.path, "Root folder of the legacy codebase")->required();
  graph_cmd->add_option("--format", graph.format, "json or dot")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "dot"}));
  graph_cmd->add_flag("--cycles", graph.cycles_only,
                      "Only the modules and imports that take part in import cycles");
  graph_cmd->add_option("-j,--jobs", graph.jobs, "Worker threads (0: one per core)")
      ->check(CLI::Range(0u, 1024u));
  graph_cmd->add_option("--exclude", graph.excludes, "Skip files and folders matching GLOB");
  graph_cmd->add_option("--settings", graph.django_settings, "Django settings module");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // --help and --version exit 0; every usage error exits 2
  }
  if (app.got_subcommand(scan_cmd)) return cutover::run_scan_command(scan);
  if (app.got_subcommand(graph_cmd)) return cutover::run_graph_command(graph);
  return 2;
}
