#include "link/config_lookup.h"

namespace cutover {
namespace {

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<ConfigCandidate> config_candidates(const NameResolver& names, const std::string& key) {
  std::vector<ConfigCandidate> found;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const AssignmentFact& a : files[f].assignments) {
      if (a.target != key || a.augmented) continue;
      const std::string where = lower(files[f].module + "." + a.scope);
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
