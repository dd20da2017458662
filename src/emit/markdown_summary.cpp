#include "emit/markdown_summary.h"

#include <algorithm>
#include <map>
#include <set>

#include "emit/number_text.h"

namespace cutover {
namespace {

constexpr std::size_t kTop = 10;

// The `count` most frequent keys, most frequent first, then by key.
std::vector<std::pair<std::string, std::size_t>> top(
    const std::map<std::string, std::size_t>& counts, std::size_t count) {
  std::vector<std::pair<std::string, std::size_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > count) out.resize(count);
  return out;
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '#':
      case '!':
      case '~':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_summary(const Inventory& inv) {
  const Plan& plan = inv.plan;
  std::map<std::string, std::size_t> status;
  std::map<std::string, std::size_t> adapters;
  for (const MatrixRow& row : plan.matrix) {
    ++status[row.status];
    std::set<std::string_view> ids;  // endpoints per adapter, not evidence lines
    for (const Adapter& a : row.adapters) {
      if (ids.insert(a.id).second) ++adapters[a.id];
    }
  }
  std::size_t partial = 0;
  for (const Route& r : inv.routes)
    partial += r.partial;

  std::string out = "## cutover: " + markdown_escape(inv.root) + "\n\n";
  out +=
      "| endpoints | unchanged | adapted | deprecated | blocked | partial | families | waves | "
      "modules | import cycles | Python 2 blockers | diagnostics |\n";
  out += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (std::size_t n :
       {inv.routes.size(), status["unchanged"], status["adapted"], status["deprecated"],
        status["blocked"], partial, plan.families.size(), plan.waves.size(), inv.modules.size(),
        inv.cycles.size(), inv.python2.size(), inv.diagnostics.size()}) {
    out += "| " + std::to_string(n) + " ";
  }
  out += "|\n\n### Waves\n\n| wave | family | score | why |\n|---:|---|---:|---|\n";
  for (const FamilyPlan& f : plan.families) {
    out += "| " + std::to_string(f.wave) + " | " + markdown_escape(f.name) + " | " +
           fixed3(f.score) + " | " + markdown_escape(f.reasons) + " |\n";
  }
  if (plan.families.empty()) out += "| | no endpoint families | | |\n";

  std::map<std::string, std::size_t> constructs;
  std::map<std::string, std::string> first_at;
  for (const Python2Blocker& b : inv.python2) {
    ++constructs[b.construct];
    first_at.try_emplace(b.construct, b.file + ":" + std::to_string(b.line));
  }
  out += "\n### Top Python 2 blockers\n\n";
  if (constructs.empty()) out += "None.\n";
  for (const auto& [construct, n] : top(constructs, kTop)) {
    out += "- " + markdown_escape(construct) + ": " + std::to_string(n) + " (first at " +
           markdown_escape(first_at[construct]) + ")\n";
  }
  out += "\n### Top adapters\n\n";
  if (adapters.empty()) out += "None.\n";
  for (const auto& [id, n] : top(adapters, kTop))
    out += "- " + markdown_escape(id) + ": " + std::to_string(n) + " endpoints\n";
  if (partial > 0) {
    out += "\n### Routes not resolved statically\n\n";
    std::size_t listed = 0;
    for (const Route& r : inv.routes) {
      if (!r.partial || listed++ == kTop) continue;
      out += "- " + markdown_escape(r.path) + " (" + markdown_escape(r.file) + ":" +
             std::to_string(r.line) + "): " + markdown_escape(r.unresolved) + "\n";
    }
    if (partial > kTop) out += "- and " + std::to_string(partial - kTop) + " more\n";
  }
  return out;
}

}  // namespace cutover
