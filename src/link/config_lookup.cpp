#include "link/config_lookup.h"

#include <algorithm>
#include "util/ascii_case.h"

namespace cutover {
namespace {}  // namespace

std::vector<ConfigCandidate> config_candidates(const NameResolver& names, const std::string& key) {
  std::vector<ConfigCandidate> found;
  const std::vector<FileSummary>& files = names.files();
  // The namespaces of the Django settings modules, when one binds the key.
  for (const std::size_t settings : names.django_settings()) {
    const NameTarget t = names.resolve(settings, "", key);
    if (t.kind != NameTarget::Kind::kAssignment || !t.assignment->scope.empty() ||
        t.assignment->target != key) {
      continue;
    }
    const bool seen = std::any_of(found.begin(), found.end(),
                                  [&](const ConfigCandidate& c) { return c.file == t.file; });
    for (const AssignmentFact& a : files[t.file].assignments) {
      if (!seen && a.scope.empty() && a.target == key && !a.augmented)
        found.push_back({t.file, &a});
    }
  }
  if (!found.empty()) return found;
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
