#include "plan/shared_kernel.h"

#include <algorithm>
#include <map>
#include <set>

namespace cutover {

std::vector<KernelCandidate> find_shared_kernel(const Inventory& inv, const SliceOverlap& overlap) {
  std::map<std::string, std::vector<std::uint32_t>> by_module;
  for (std::uint32_t u = 0; u < inv.code_units.size(); ++u) {
    if (overlap.users[u].size() >= 2) by_module[inv.code_units[u].module].push_back(u);
  }
  std::vector<KernelCandidate> out;
  for (const auto& [module, units] : by_module) {
    KernelCandidate k{.module = module};
    std::set<std::uint32_t> families;
    std::uint32_t head = units.front();
    for (const std::uint32_t u : units) {
      const CodeUnit& unit = inv.code_units[u];
      k.units.push_back(unit.name);
      k.lines += unit.lines;
      families.insert(overlap.users[u].begin(), overlap.users[u].end());
      if (unit.lines > inv.code_units[head].lines) head = u;
    }
    k.head = inv.code_units[head].name;
    for (const std::uint32_t f : families)
      k.families.push_back(overlap.families[f]);
    out.push_back(std::move(k));
  }
  std::sort(out.begin(), out.end(), [](const KernelCandidate& a, const KernelCandidate& b) {
    const std::size_t ra = a.families.size() * a.lines, rb = b.families.size() * b.lines;
    return ra != rb ? ra > rb : a.head < b.head;
  });
  return out;
}

std::string kernel_line(const KernelCandidate& k) {
  std::string out = "extract shared kernel: `" + k.head + "`";
  if (k.units.size() > 1) {
    const std::size_t others = k.units.size() - 1;
    out += " + " + std::to_string(others) + (others == 1 ? " function" : " functions");
  }
  out += " (" + std::to_string(k.lines) + " lines), used by ";
  for (std::size_t i = 0; i < k.families.size() && i < 4; ++i)
    out += (i ? ", " : "") + k.families[i];
  if (k.families.size() > 4) out += ", +" + std::to_string(k.families.size() - 4);
  return out;
}

}  // namespace cutover
