#include "emit/html_history.h"

#include <algorithm>

#include "emit/html_escape.h"
#include "emit/number_text.h"

namespace cutover {
namespace {

constexpr int kWidth = 640, kHeight = 200, kLeft = 48, kRight = 16, kTop = 12, kBottom = 28;

std::string burn_down_svg(const std::vector<HistoryRun>& runs) {
  std::uint32_t top = 1;
  for (const HistoryRun& r : runs)
    top = std::max(top, r.legacy_surface);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto x = [&](std::size_t i) {
    return kLeft + (runs.size() > 1 ? plot_w * i / (runs.size() - 1) : plot_w / 2);
  };
  const auto y = [&](std::uint32_t v) { return kTop + plot_h * (1.0 - double(v) / top); };
  std::string points;
  std::string dots;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::string px = fixed3(x(i)), py = fixed3(y(runs[i].legacy_surface));
    points += (points.empty() ? "" : " ") + px + "," + py;
    dots += "<circle cx=\"" + px + "\" cy=\"" + py + "\" r=\"3\"><title>" +
            html_escape(runs[i].recorded_at) + ": " + std::to_string(runs[i].legacy_surface) +
            " endpoints to move</title></circle>";
  }
  const std::string bottom = std::to_string(kHeight - kBottom);
  std::string svg = "<svg id=\"burn-down\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(kWidth) + "\" height=\"" + std::to_string(kHeight) +
                    "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(kHeight) +
                    "\" font-size=\"11\">";
  svg += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + bottom + "\" x2=\"" +
         std::to_string(kWidth - kRight) + "\" y2=\"" + bottom + "\" stroke=\"#d9dee6\"/>";
  svg += "<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" + std::to_string(kTop + 4) +
         "\" text-anchor=\"end\">" + std::to_string(top) + "</text><text x=\"" +
         std::to_string(kLeft - 6) + "\" y=\"" + bottom + "\" text-anchor=\"end\">0</text>";
  svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(kHeight - 8) + "\">" +
         html_escape(runs.front().recorded_at.substr(0, 10)) + "</text><text x=\"" +
         std::to_string(kWidth - kRight) + "\" y=\"" + std::to_string(kHeight - 8) +
         "\" text-anchor=\"end\">" + html_escape(runs.back().recorded_at.substr(0, 10)) + "</text>";
  svg += "<polyline fill=\"none\" stroke=\"#1a7f37\" stroke-width=\"2\" points=\"" + points +
         "\"/>" + dots + "</svg>";
  return svg;
}

}  // namespace

std::string history_section(const std::vector<HistoryRun>& runs) {
  if (runs.empty()) return "";
  std::string out =
      "<h2 id=\"history\">Legacy surface over time</h2>\n<p class=\"sub\">Endpoints still to "
      "move (not deprecated, not yet served by FastAPI), one point per recorded run.</p>\n" +
      burn_down_svg(runs) + "\n<details><summary>" + std::to_string(runs.size()) +
      " runs</summary><table id=\"history-table\"><thead><tr><th>Recorded</th><th>Endpoints</th>"
      "<th>To move</th><th>Moved</th><th>Modules</th><th>Lines</th><th>Python 2 blockers</th>"
      "</tr></thead><tbody>\n";
  for (const HistoryRun& r : runs) {
    out += "<tr><td>" + html_escape(r.recorded_at) + "</td><td>" + std::to_string(r.endpoints) +
           "</td><td>" + std::to_string(r.legacy_surface) + "</td><td>" +
           (r.percent_moved ? fixed2(*r.percent_moved) + "%" : "") + "</td><td>" +
           std::to_string(r.modules) + "</td><td>" + std::to_string(r.source_lines) + "</td><td>" +
           std::to_string(r.python2_blockers) + "</td></tr>\n";
  }
  return out + "</tbody></table></details>\n";
}

}  // namespace cutover
