#include "cli/progress_command.h"

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/report_outputs.h"
#include "cli/scan_or_report.h"
#include "cli/traffic_report.h"
#include "emit/html_report.h"
#include "emit/number_text.h"
#include "emit/openapi_document.h"
#include "emit/progress_json.h"
#include "track/progress.h"

namespace cutover {

int run_progress_command(const ProgressCommandOptions& options) {
  const bool html_wanted = wants_format(options.formats, "html");
  // Forked now, while this process is small and has one thread.
  PrestartedWorkers layout_workers =
      html_wanted ? start_layout_workers(options.legacy) : PrestartedWorkers();
  const std::optional<Inventory> legacy = scan_or_report(options.legacy);
  if (!legacy) return 1;
  const std::optional<Inventory> target = scan_or_report(options.target);
  if (!target) return 1;
  const Progress progress = match_progress(*legacy, *target);

  std::vector<HistoryRun> history;
  if (!options.history_file.empty() &&
      !record_history(options.history_file, history_run(*legacy, &progress, history_timestamp()),
                      history)) {
    return 1;
  }
  OutputFiles outputs;
  ReportDrawings drawings;
  if (html_wanted) {
    drawings = draw_report(*legacy, options.legacy, layout_workers);
    const HtmlReportOptions html{
        .source_url = report_source_url(options.source_url, options.legacy, options.out_dir),
        .progress = &progress,
        .history = options.history_file.empty() ? nullptr : &history,
        .graphs = &drawings.graphs};
    outputs.emplace_back("report.html", render_html_report(*legacy, html));
  }
  if (wants_format(options.formats, "openapi")) {
    std::map<std::string, std::vector<std::string>> replaces;
    for (const EndpointProgress& e : progress.endpoints) {
      for (const std::string& t : e.target_routes)
        replaces[t].push_back(e.route_id);
    }
    outputs.emplace_back("openapi.json",
                         openapi_document(*legacy, {.server_url = options.server_url}));
    outputs.emplace_back(
        "openapi-target.json",
        openapi_document(*target, {.server_url = options.server_url, .replaces = &replaces}));
  }
  if (wants_format(options.formats, "json"))
    outputs.emplace_back("progress.json", progress_to_json(progress));
  if (write_output_files(options.out_dir, outputs, options.legacy.jobs) != 0) return 1;
  if (html_wanted) {
    if (const std::string problem =
            save_report_layouts(options.legacy, std::move(drawings.layouts));
        !problem.empty()) {
      std::cerr << "cutover: warning: cache not written: " << problem << "\n";
    }
  }

  if (!options.quiet) {
    const ProgressCounts& c = progress.overall;
    std::cout << "cutover: " << fixed2(c.percent) << "% moved: " << c.endpoints
              << " legacy endpoints, " << c.migrated << " migrated, " << c.mismatched
              << " mismatched, " << c.split << " split, " << c.remaining << " remaining, "
              << c.deprecated << " deprecated; " << progress.new_routes.size()
              << " new in FastAPI\n";
    if (progress.traffic) {
      print_traffic_warnings(*legacy, std::cerr);
      std::cout << traffic_summary_line(*legacy) << "\n"
                << "cutover: " << fixed2(c.traffic_percent)
                << "% of traffic moved: " << c.requests_moved << " of " << c.requests
                << " requests to endpoints not deprecated\n";
    }
    print_written(options.out_dir, outputs);
  }
  return 0;
}

}  // namespace cutover
