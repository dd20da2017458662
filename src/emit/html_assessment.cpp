#include "emit/html_assessment.h"

#include <algorithm>
#include <map>
#include <set>

#include "emit/html_escape.h"
#include "emit/number_text.h"

namespace cutover {
namespace {

// Wave colours, cycling past eight waves; wave 1 (move first) is green.
constexpr const char* kWaveColours[] = {"#2e7d32", "#1565c0", "#6a1b9a", "#ef6c00",
                                        "#00838f", "#ad1457", "#5d4037", "#546e7a"};

const char* wave_colour(std::uint32_t wave) {
  return kWaveColours[(wave == 0 ? 0 : wave - 1) % std::size(kWaveColours)];
}

std::string link_item(const std::string& href, const std::string& text) {
  return "<li><a href=\"" + href + "\">" + text + "</a></li>";
}

}  // namespace

std::string plan_overview_svg(const Inventory& inv) {
  if (inv.plan.families.empty()) return "<p class=\"empty\">No endpoint families.</p>";
  std::map<std::string_view, std::size_t> endpoints;
  for (const MatrixRow& row : inv.plan.matrix)
    ++endpoints[row.family];
  // Marks laid left to right in rank order, wrapping into rows; a mark's
  // width is its share of the endpoints, never under kMin pixels.
  constexpr double kWidth = 1100, kRow = 46, kGap = 3, kMin = 10, kLabel = 16;
  double total = 0;
  for (const FamilyPlan& f : inv.plan.families)
    total += static_cast<double>(std::max<std::size_t>(1, endpoints[f.name]));
  const double rows =
      std::max(1.0, std::min(4.0, static_cast<double>(inv.plan.families.size()) / 12));
  const double scale = (kWidth * rows) / total;
  std::string marks;
  double x = 0, y = kLabel;
  std::uint32_t previous_wave = 0;
  for (const FamilyPlan& f : inv.plan.families) {
    const std::size_t n = endpoints[f.name];
    const double w =
        std::max(kMin, static_cast<double>(std::max<std::size_t>(1, n)) * scale - kGap);
    if (x > 0 && x + w > kWidth) {
      x = 0;
      y += kRow + kLabel;
    }
    const std::string name = html_escape(f.name);
    if (f.wave != previous_wave) {
      marks += "<text class=\"wave-label\" x=\"" + fixed2(x) + "\" y=\"" + fixed2(y - 4) +
               "\">wave " + std::to_string(f.wave) + "</text>";
      previous_wave = f.wave;
    }
    marks += "<a href=\"#family=" + name + "\" data-family=\"" + name + "\"><title>" + name +
             " — wave " + std::to_string(f.wave) + ", " + std::to_string(n) + " endpoints, score " +
             fixed3(f.score) + "</title><rect x=\"" + fixed2(x) + "\" y=\"" + fixed2(y) +
             "\" width=\"" + fixed2(w) + "\" height=\"" + fixed2(kRow) + "\" fill=\"" +
             wave_colour(f.wave) + "\"/>";
    // A name only where it fits (about 7 px a character).
    const std::size_t fits = static_cast<std::size_t>(std::max(0.0, (w - 8) / 7));
    if (fits >= 3) {
      // A dotted name too long to fit shows its last part: families of one
      // package share their prefix.
      std::string shown = f.name;
      if (shown.size() > fits && shown.find('.') != std::string::npos)
        shown = "…" + shown.substr(shown.rfind('.') + 1);
      if (shown.size() > fits) {
        std::size_t cut = fits - 1;  // not inside a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80)
          --cut;
        shown = shown.substr(0, cut) + "…";
      }
      marks += "<text x=\"" + fixed2(x + 4) + "\" y=\"" + fixed2(y + 18) + "\">" +
               html_escape(shown) + "</text>";
      if (fits >= 6) {
        marks += "<text class=\"count\" x=\"" + fixed2(x + 4) + "\" y=\"" + fixed2(y + 35) + "\">" +
                 std::to_string(n) + "</text>";
      }
    }
    marks += "</a>";
    x += w + kGap;
  }
  const double height = y + kRow + 2;
  return "<svg id=\"plan-overview\" role=\"img\" aria-label=\"migration plan: families in rank "
         "order, sized by endpoints, coloured by wave\" viewBox=\"0 0 " +
         fixed2(kWidth) + " " + fixed2(height) + "\" width=\"100%\">" + marks + "</svg>";
}

std::string top_risks(const Inventory& inv, const Progress* progress) {
  std::string items;
  if (progress) {
    items += link_item("#progress", fixed2(progress->overall.percent) +
                                        "% of the endpoints' methods moved to FastAPI (" +
                                        std::to_string(progress->overall.remaining) +
                                        " endpoints remaining)");
  }
  if (!inv.cycles.empty()) {
    std::size_t largest = 0;
    for (const ImportCycle& c : inv.cycles)
      largest = std::max(largest, c.modules.size());
    items += link_item("#cycles", std::to_string(inv.cycles.size()) +
                                      " import cycles (the largest holds " +
                                      std::to_string(largest) + " modules)");
  }
  std::set<std::string_view> python2_modules;
  for (const Python2Blocker& b : inv.python2)
    python2_modules.insert(b.module);
  if (!python2_modules.empty()) {
    items += link_item("#overview", std::to_string(python2_modules.size()) +
                                        " modules with Python 2 blockers (" +
                                        std::to_string(inv.python2.size()) + " constructs)");
  }
  std::size_t shared = 0;
  for (const TableUse& t : inv.plan.tables) {
    std::set<std::string_view> families(t.read_by.begin(), t.read_by.end());
    families.insert(t.written_by.begin(), t.written_by.end());
    shared += families.size() > 1;
  }
  if (shared > 0) {
    items +=
        link_item("#waves", std::to_string(shared) +
                                " database tables used by several families: each needs one owner");
  }
  std::map<std::string_view, std::size_t> statuses;
  for (const MatrixRow& row : inv.plan.matrix)
    ++statuses[row.status];
  if (statuses["blocked"] > 0) {
    items += link_item("#section=endpoints&status=blocked",
                       std::to_string(statuses["blocked"]) + " endpoints blocked");
  }
  std::size_t partial = 0, assumed = 0;
  for (const Route& r : inv.routes) {
    partial += r.partial;
    assumed += !r.partial && !r.assumptions.empty();
  }
  if (partial > 0) {
    items += link_item("#section=endpoints&resolution=partial",
                       std::to_string(partial) + " routes not fully resolved statically");
  }
  if (assumed > 0) {
    items += link_item("#section=endpoints&resolution=assumed",
                       std::to_string(assumed) + " routes resting on an assumed value");
  }
  if (items.empty()) return "<p id=\"risks\" class=\"empty\">No blocking risk found.</p>";
  return "<ul id=\"risks\">" + items + "</ul>";
}

}  // namespace cutover
