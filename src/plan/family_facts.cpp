#include "plan/family_facts.h"

#include "plan/shared_kernel.h"

namespace cutover {

std::string joined(const std::vector<std::string>& items, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > limit) out += ", +" + std::to_string(items.size() - limit) + " more";
  return out;
}

std::string reasons_in_words(const FamilyFacts& ff, const FamilyPlan& fp,
                             const std::string& traffic_words) {
  std::vector<std::string> reasons;
  reasons.push_back(ff.read_only == ff.endpoints
                        ? "reads only (" + std::to_string(ff.endpoints) + " endpoint" +
                              (ff.endpoints == 1 ? ")" : "s)")
                        : std::to_string(ff.endpoints - ff.read_only) + " of " +
                              std::to_string(ff.endpoints) + " endpoints write");
  std::string size = std::to_string(ff.lines) + " lines to port";
  if (ff.shared > 0) {
    std::vector<std::string> with;
    for (const auto& [family, lines] : ff.shared_with)
      with.push_back(family);
    size += " (" + std::to_string(ff.shared) + " shared with " + joined(with, 4) + ")";
  }
  reasons.push_back(size);
  reasons.push_back(std::to_string(ff.dependants.size()) + " dependant famil" +
                    (ff.dependants.size() == 1 ? "y" : "ies") +
                    (ff.dependants.empty()
                         ? ""
                         : " (" + joined({ff.dependants.begin(), ff.dependants.end()}) + ")"));
  if (!ff.dependencies.empty())
    reasons.push_back("uses code of " + joined({ff.dependencies.begin(), ff.dependencies.end()}));
  std::set<std::string> own(ff.read.begin(), ff.read.end());
  own.insert(ff.written.begin(), ff.written.end());
  for (const std::string& t : fp.tables_shared)
    own.erase(t);
  if (!own.empty()) reasons.push_back("owns tables " + joined({own.begin(), own.end()}));
  if (!fp.tables_shared.empty()) reasons.push_back("shares tables " + joined(fp.tables_shared));
  if (ff.distributed_writes > 0) {
    reasons.push_back(std::to_string(ff.distributed_writes) +
                      " of its endpoints write tables another family writes too (" +
                      joined(ff.contested, 3) + ")");
  }
  if (!ff.auth_evidence.empty()) reasons.push_back("authentication: " + ff.auth_evidence);
  if (!ff.python2.empty())
    reasons.push_back(std::to_string(ff.python2.size()) + " Python 2 blockers");
  if (!traffic_words.empty()) reasons.push_back(traffic_words);
  std::string out;
  for (const std::string& reason : reasons)
    out += (out.empty() ? "" : "; ") + reason;
  return out;
}

std::vector<std::string> prerequisites_of(const FamilyFacts& ff, const FamilyPlan& fp,
                                          const Inventory& inv) {
  constexpr std::size_t kFirstKernel = 4;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ff.kernel.size() && i < kFirstKernel; ++i)
    out.push_back(kernel_line(*ff.kernel[i]));
  if (fp.tables_shared.size() == 1) {
    out.push_back("decide the owner of shared table " + fp.tables_shared.front());
  } else if (!fp.tables_shared.empty()) {
    out.push_back("decide the owner of " + std::to_string(fp.tables_shared.size()) +
                  " shared tables (" + joined(fp.tables_shared, 3) + ")");
  }
  if (!ff.python2.empty()) {
    const Python2Blocker& first = *ff.python2.front();
    out.push_back("port " + std::to_string(ff.python2.size()) + " Python 2 constructs (first: " +
                  first.construct + " at " + first.file + ":" + std::to_string(first.line) + ")");
  }
  for (const auto& [family, units] : ff.borrowed) {
    std::uint32_t lines = 0;
    std::uint32_t head = units.front();
    for (const std::uint32_t u : units) {
      lines += inv.code_units[u].lines;
      if (inv.code_units[u].lines > inv.code_units[head].lines) head = u;
    }
    std::string line =
        "move or wrap family " + family + "'s code it uses: `" + inv.code_units[head].name + "`";
    if (units.size() > 1)
      line += " + " + std::to_string(units.size() - 1) +
              (units.size() == 2 ? " function" : " functions");
    out.push_back(line + " (" + std::to_string(lines) + " lines)");
  }
  for (std::size_t i = kFirstKernel; i < ff.kernel.size(); ++i)
    out.push_back(kernel_line(*ff.kernel[i]));
  return out;
}

std::vector<std::string> sequence_of(const FamilyFacts& ff) {
  std::vector<std::string> out = {
      "shadow reads: mirror GET traffic to FastAPI and compare responses",
      "route read traffic to FastAPI"};
  if (ff.read_only < ff.endpoints) {
    out.push_back("route writes once the tables it writes" +
                  (ff.written.empty()
                       ? std::string()
                       : " (" + joined({ff.written.begin(), ff.written.end()}) + ")") +
                  " have a single writer");
  }
  if (ff.deprecated > 0) {
    out.push_back("retire " + std::to_string(ff.deprecated) +
                  " deprecated endpoints instead of porting them");
  }
  if (ff.never_hit > 0) {
    out.push_back("confirm whether " +
                  (ff.never_hit == 1 ? std::string("the endpoint")
                                     : "the " + std::to_string(ff.never_hit) + " endpoints") +
                  " no request reached can be retired instead of ported (proposed for "
                  "deprecation in the matrix)");
  }
  return out;
}

}  // namespace cutover
