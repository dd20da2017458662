#pragma once
// Configuration values read statically. Flask's `app.config["KEY"]` and
// Django's `settings.KEY` are filled at run time (from_object, env, local
// settings files), so the best static evidence is the tree's own config
// classes and settings modules: every module-level or class-level
// assignment of KEY in a module or class whose name says config/settings.

#include <cstdint>
#include <string>
#include <vector>

#include "link/name_resolver.h"

namespace cutover {

struct ConfigCandidate {
  std::size_t file = 0;
  const AssignmentFact* assignment = nullptr;
  bool is_default = false;  // in a class or module named "default"
};

// In a Django tree (NameResolver::django_settings), a key the settings
// modules' namespaces bind is read from there only, as django.conf.settings
// does: the module-level assignments of the key in the modules that bind it.
std::vector<ConfigCandidate> config_candidates(const NameResolver& names, const std::string& key);

}  // namespace cutover
