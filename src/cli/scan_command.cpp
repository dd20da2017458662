#include "cli/scan_command.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
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
  // Every output is written to a temporary before any replaces its old
  // version, then all are put in place in the order of `outputs`, the
  // report before inventory.json: a reader that sees the new inventory sees
  // the new report too. The formats other than the report are rendered and
  // written while the workers lay out the report's graphs.
  OutputFiles outputs;
  StagedOutputs staged;
  std::string problem;
  const auto write_formats = [&] {
    OutputFiles formats;
    if (wants_format(options.formats, "md"))
      formats.emplace_back("summary.md", markdown_summary(inventory));
    if (wants_format(options.formats, "dot"))
      formats.emplace_back("graph.dot", graph_to_dot(inventory, {}));
    if (wants_format(options.formats, "openapi")) {
      formats.emplace_back("openapi.json",
                           openapi_document(inventory, {.server_url = options.server_url}));
    }
    if (wants_format(options.formats, "sarif")) {
      SourceLines lines(options.scan.root);
      const LineText line_text = [&](const std::string& file, std::uint32_t line) {
        return lines.line(file, line);
      };
      formats.emplace_back("cutover.sarif", sarif_log(scan_findings(inventory, line_text)));
    }
    if (wants_format(options.formats, "csv"))
      formats.emplace_back("endpoints.csv", endpoints_csv(inventory));
    if (wants_format(options.formats, "json"))
      formats.emplace_back("inventory.json", inventory_to_json(inventory));
    problem = staged.stage(out_dir, formats, options.scan.jobs);
    outputs = std::move(formats);
  };
  ReportDrawings drawings;
  std::future<std::string> layouts_saved;
  if (html_wanted) {
    drawings = draw_report(inventory, options.scan, layout_workers, write_formats);
    clock.lap("layout");
    // The layouts go to the cache while the report renders and is written.
    layouts_saved = std::async(std::launch::async, [&scan = options.scan, &drawings] {
      return save_report_layouts(scan, std::move(drawings.layouts));
    });
    if (problem.empty()) {
      const HtmlReportOptions html{
          .source_url = report_source_url(options.source_url, options.scan, out_dir),
          .history = options.history_file.empty() ? nullptr : &history,
          .graphs = &drawings.graphs};
      OutputFiles report;
      report.emplace_back("report.html", render_html_report(inventory, html));
      problem = staged.stage(out_dir, report, 1);
      const auto json = std::find_if(outputs.begin(), outputs.end(),
                                     [](const auto& o) { return o.first == "inventory.json"; });
      outputs.insert(json, std::move(report.front()));
    }
  } else {
    write_formats();
  }
  clock.lap("render");
  if (problem.empty()) {
    std::vector<std::string> order;
    for (const auto& [name, content] : outputs)
      order.push_back(name);
    problem = staged.commit(order);
  }
  if (!problem.empty()) {
    std::cerr << "cutover: " << problem << "\n";
    return 1;
  }
  clock.lap("write");
  if (layouts_saved.valid()) {
    if (const std::string saved = layouts_saved.get(); !saved.empty())
      std::cerr << "cutover: warning: cache not written: " << saved << "\n";
  }
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
