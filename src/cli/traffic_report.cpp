#include "cli/traffic_report.h"

#include "emit/number_text.h"

namespace cutover {

std::string traffic_summary_line(const Inventory& inv) {
  if (!inv.traffic) return "";
  const TrafficSummary& t = *inv.traffic;
  std::size_t served = 0;
  for (const UnmatchedTraffic& u : t.unmatched)
    served += u.served && u.method != "-";
  const double percent =
      t.requests ? 100.0 * static_cast<double>(t.matched) / static_cast<double>(t.requests) : 0;
  return "cutover: traffic: " + std::to_string(t.requests) + " requests in " +
         std::to_string(t.lines) + " lines of " + std::to_string(t.log_files.size()) + " log" +
         (t.log_files.size() == 1 ? "" : "s") + " (" + std::to_string(t.malformed) +
         " malformed), " + std::to_string(t.matched) + " matched (" + fixed2(percent) + "%) to " +
         std::to_string(t.routes.size()) + " endpoints" +
         (t.auto_hits ? " (" + std::to_string(t.auto_hits) + " to routes the framework adds)"
                      : "") +
         "; " + std::to_string(t.never_hit.size()) + " endpoints never hit; " +
         std::to_string(served) + " path templates served but not in the inventory";
}

void print_traffic_warnings(const Inventory& inv, std::ostream& out) {
  if (!inv.traffic) return;
  for (const Diagnostic& d : inv.diagnostics) {
    if (!d.code.starts_with("traffic-") && d.code != "served-but-not-in-inventory") continue;
    out << "cutover: warning: ";
    if (!d.file.empty()) out << d.file << (d.line ? ":" + std::to_string(d.line) : "") << ": ";
    out << d.message << " [" << d.code << "]\n";
  }
}

}  // namespace cutover
