#include "cli/scan_command.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/report_outputs.h"
#include "cli/scan_or_report.h"
#include "emit/graph_export.h"
#include "emit/html_report.h"
#include "emit/inventory_json.h"
#include "emit/markdown_summary.h"
#include "scan/scan_pipeline.h"

namespace cutover {

int run_scan_command(const ScanCommandOptions& options) {
  namespace fs = std::filesystem;
  const auto started = std::chrono::steady_clock::now();
  ScanStats stats;
  const std::optional<Inventory> scanned = scan_or_report(options.scan, &stats);
  if (!scanned) return 1;
  const Inventory& inventory = *scanned;
  if (!stats.cache_problem.empty())
    std::cerr << "cutover: warning: cache not written: " << stats.cache_problem << "\n";

  const fs::path out_dir = options.out_dir;
  std::vector<HistoryRun> history;
  if (!options.history_file.empty() &&
      !record_history(options.history_file, history_run(inventory, nullptr, history_timestamp()),
                      history)) {
    return 1;
  }
  const HtmlReportOptions html{
      .source_url = report_source_url(options.source_url, options.scan, out_dir),
      .history = options.history_file.empty() ? nullptr : &history};
  // The JSON goes last: a reader that sees the new inventory sees the new
  // report too.
  OutputFiles outputs;
  if (wants_format(options.formats, "md"))
    outputs.emplace_back("summary.md", markdown_summary(inventory));
  if (wants_format(options.formats, "dot"))
    outputs.emplace_back("graph.dot", graph_to_dot(inventory, {}));
  if (wants_format(options.formats, "html"))
    outputs.emplace_back("report.html", render_html_report(inventory, html));
  if (wants_format(options.formats, "json"))
    outputs.emplace_back("inventory.json", inventory_to_json(inventory));
  if (write_output_files(out_dir, outputs) != 0) return 1;

  if (!options.quiet) {
    std::size_t partial = 0;
    for (const Route& r : inventory.routes)
      partial += r.partial;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "cutover: " << inventory.files.size() << " files, " << inventory.modules.size()
              << " modules, " << inventory.routes.size() << " endpoints (" << partial
              << " partial), " << inventory.cycles.size() << " import cycles, "
              << inventory.diagnostics.size() << " diagnostics in " << seconds << " s ("
              << stats.parsed << " files parsed, " << stats.from_cache << " from the cache)\n";
    print_written(out_dir, outputs);
  }
  return 0;
}

}  // namespace cutover
