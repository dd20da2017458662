#include "link/config_lookup.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {}  // namespace

std::vector<ConfigCandidate> config_candidates(const NameResolver& names, const std::string& key) {
  std::vector<ConfigCandidate> found;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.target != key || a.augmented) continue;
      const std::string where = ascii_lower(files[f].module + "." + a.scope);
      if (where.find("config") == std::string::npos &&
          where.find("settings") == std::string::npos) {
        continue;
      }
      found.push_back({f, &a, where.find("default") != std::string::npos});
    }
  }
  return found;
}

}  // namespace cutover
