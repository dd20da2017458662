#include "cli/scan_command.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cache/content_hash.h"
#include "cli/output_record.h"
#include "cli/report_outputs.h"
#include "cli/scan_or_report.h"
#include "cli/traffic_report.h"
#include "emit/endpoints_csv.h"
#include "emit/graph_export.h"
#include "emit/html_report.h"
#include "emit/inventory_json.h"
#include "emit/markdown_summary.h"
#include "emit/number_text.h"
#include "emit/openapi_document.h"
#include "emit/sarif_log.h"
#include "emit/source_lines.h"
#include "scan/scan_pipeline.h"

namespace cutover {

namespace {

void print_timings(const ScanStats& stats) {
  std::cerr << "cutover: timings:";
  for (const StageTime& t : stats.stages)
    std::cerr << " " << t.stage << " " << fixed3(t.seconds) << " s";
  std::cerr << "\n";
}

std::string summary_counts(const Inventory& inventory) {
  std::size_t partial = 0;
  for (const Route& r : inventory.routes)
    partial += r.partial;
  return std::to_string(inventory.files.size()) + " files, " +
         std::to_string(inventory.modules.size()) + " modules, " +
         std::to_string(inventory.routes.size()) + " endpoints (" + std::to_string(partial) +
         " partial), " + std::to_string(inventory.cycles.size()) + " import cycles, " +
         std::to_string(inventory.diagnostics.size()) + " diagnostics";
}

std::string summary_line(const std::string& counts, const ScanStats& stats,
                         std::chrono::steady_clock::time_point started) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::ostringstream line;
  line << "cutover: " << counts << " in " << seconds << " s (" << stats.parsed << " files parsed, "
       << stats.from_cache << " from the cache)";
  return line.str();
}

OutputRecord record_of(std::uint64_t fingerprint, const std::string& counts,
                       const OutputFiles& outputs) {
  OutputRecord record{.fingerprint = fingerprint, .summary = counts};
  for (const auto& [name, content] : outputs)
    record.files.emplace_back(name, content_hash(content));
  return record;
}

}  // namespace

int run_scan_command(const ScanCommandOptions& options) {
  namespace fs = std::filesystem;
  const auto started = std::chrono::steady_clock::now();
  const fs::path out_dir = options.out_dir;
  // An unchanged re-run keeps its outputs: not with --history, which
  // changes the report at every run.
  const bool recorded = !options.command_line.empty() && options.history_file.empty() &&
                        !options.scan.cache_dir.empty();
  const fs::path record_file =
      recorded ? output_record_path(options.scan.cache_dir, out_dir) : fs::path();
  std::optional<OutputRecord> last;
  std::optional<std::uint64_t> fingerprint;  // of this run, once its inputs are read
  ScanOptions scan = options.scan;
  if (recorded) {
    last = load_output_record(record_file);
    scan.outputs_current = [&](std::uint64_t inputs) {
      fingerprint = run_fingerprint(inputs, options.command_line);
      return last && last->fingerprint == *fingerprint && outputs_unchanged(out_dir, *last);
    };
  }
  const bool html_wanted = wants_format(options.formats, "html");
  // Forked now, while this process is small and has one thread.
  PrestartedWorkers layout_workers =
      html_wanted ? start_layout_workers(options.scan) : PrestartedWorkers();
  ScanStats stats;
  const std::optional<Inventory> scanned = scan_or_report(scan, &stats);
  if (!scanned) return 1;
  if (stats.outputs_current) {
    if (options.timings) print_timings(stats);
    if (!options.quiet) {
      std::cout << summary_line(last->summary, stats, started) << "; the outputs are current\n";
      for (const auto& [name, hash] : last->files)
        std::cout << "unchanged " << (out_dir / name).string() << "\n";
    }
    return 0;
  }
  const Inventory& inventory = *scanned;
  if (!stats.cache_problem.empty())
    std::cerr << "cutover: warning: cache not written: " << stats.cache_problem << "\n";

  std::vector<HistoryRun> history;
  if (!options.history_file.empty() &&
      !record_history(options.history_file, history_run(inventory, nullptr, history_timestamp()),
                      history)) {
    return 1;
  }
  StageClock clock(stats.stages);
  // The other formats render here while the workers lay out the report's
  // graphs.
  OutputFiles outputs;
  std::string json;
  const auto render_formats = [&] {
    if (wants_format(options.formats, "md"))
      outputs.emplace_back("summary.md", markdown_summary(inventory));
    if (wants_format(options.formats, "dot"))
      outputs.emplace_back("graph.dot", graph_to_dot(inventory, {}));
    if (wants_format(options.formats, "openapi")) {
      outputs.emplace_back("openapi.json",
                           openapi_document(inventory, {.server_url = options.server_url}));
    }
    if (wants_format(options.formats, "sarif")) {
      SourceLines lines(options.scan.root);
      const LineText line_text = [&](const std::string& file, std::uint32_t line) {
        return lines.line(file, line);
      };
      outputs.emplace_back("cutover.sarif", sarif_log(scan_findings(inventory, line_text)));
    }
    if (wants_format(options.formats, "csv"))
      outputs.emplace_back("endpoints.csv", endpoints_csv(inventory));
    if (wants_format(options.formats, "json")) json = inventory_to_json(inventory);
  };
  ReportDrawings drawings;
  if (html_wanted) {
    drawings = draw_report(inventory, options.scan, layout_workers, render_formats);
    clock.lap("layout");
    const HtmlReportOptions html{
        .source_url = report_source_url(options.source_url, options.scan, out_dir),
        .history = options.history_file.empty() ? nullptr : &history,
        .graphs = &drawings.graphs};
    outputs.emplace_back("report.html", render_html_report(inventory, html));
  } else {
    render_formats();
  }
  // The JSON goes last: a reader that sees the new inventory sees the new
  // report too.
  if (!json.empty()) outputs.emplace_back("inventory.json", std::move(json));
  clock.lap("render");
  if (write_output_files(out_dir, outputs, options.scan.jobs) != 0) return 1;
  clock.lap("write");
  if (html_wanted) save_report_layouts(options.scan, std::move(drawings.layouts));
  const std::string counts = summary_counts(inventory);
  if (fingerprint) {
    const std::string problem =
        save_output_record(record_file, record_of(*fingerprint, counts, outputs));
    if (!problem.empty()) std::cerr << "cutover: warning: cache not written: " << problem << "\n";
  }
  if (options.timings) print_timings(stats);
  if (!options.quiet) {
    print_traffic_warnings(inventory, std::cerr);
    std::cout << summary_line(counts, stats, started) << "\n";
    if (inventory.traffic) std::cout << traffic_summary_line(inventory) << "\n";
    print_written(out_dir, outputs);
  }
  return 0;
}

}  // namespace cutover
