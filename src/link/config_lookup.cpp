#include "link/config_lookup.h"

#include <algorithm>
#include <vector>

namespace cutover {
namespace {

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool config_like(const FileSummary& file, const AssignmentFact& a) {
  const std::string where = lower(file.module + "." + a.scope);
  return where.find("config") != std::string::npos || where.find("settings") != std::string::npos;
}

}  // namespace

std::optional<ConfigValue> lookup_config_key(const NameResolver& names, const std::string& key) {
  struct Candidate {
    ConfigValue value;
    bool is_default;
  };
  std::vector<Candidate> found;
  const std::vector<FileSummary>& files = names.files();
  for (const FileSummary& file : files) {
    for (const AssignmentFact& a : file.assignments) {
      if (a.target != key || a.value.kind != PythonValue::Kind::kString) continue;
      if (!config_like(file, a)) continue;
      found.push_back({{a.value.text, file.path, a.line},
                       lower(file.module + "." + a.scope).find("default") != std::string::npos});
    }
  }
  if (found.empty()) return std::nullopt;
  const bool agree = std::all_of(found.begin(), found.end(), [&](const Candidate& c) {
    return c.value.value == found.front().value.value;
  });
  if (agree) return found.front().value;
  const auto defaults =
      std::count_if(found.begin(), found.end(), [](const Candidate& c) { return c.is_default; });
  if (defaults != 1) return std::nullopt;
  return std::find_if(found.begin(), found.end(), [](const Candidate& c) { return c.is_default; })
      ->value;
}

}  // namespace cutover
