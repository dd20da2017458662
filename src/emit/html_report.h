#pragma once
// report.html: one self-contained page that opens offline, built from the
// template and script compiled in from reports/.

#include <string>

#include "emit/graph_svg.h"
#include "model/inventory.h"
#include "model/progress.h"
#include "track/history.h"

namespace cutover {

struct HtmlReportOptions {
  // Where file:line links point: a template with {file} and {line}
  // (source_link.h); "" shows locations as plain text.
  std::string source_url;
  // `cutover progress`: adds the Progress section when set.
  const Progress* progress = nullptr;
  // `--history`: every recorded run, for the burn-down section.
  const std::vector<HistoryRun>* history = nullptr;
  // The graphs, drawn beforehand (draw_report_graphs, with the layout
  // cache); when null they are drawn here, on this thread.
  const ReportGraphs* graphs = nullptr;
};

std::string render_html_report(const Inventory& inventory, const HtmlReportOptions& options = {});

}  // namespace cutover
