#pragma once
// The config keys Flask-AppBuilder reads at init_app (FAB_ADD_*_VIEW(S),
// FAB_API_SWAGGER_UI, AUTH_TYPE, AUTH_USER_REGISTRATION, FAB_INDEX_VIEW,
// FAB_SECURITY_MANAGER_CLASS, FAB_STATIC_URL_PATH), read from the tree's
// config modules and classes as app.config keys are elsewhere
// (config_candidates): the value they agree on, or the one a default
// config holds. A key no config sets has FAB's default; a key set to
// something not static (an environment variable without default) takes
// FAB's default as an assumption the routes it gates carry.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "frameworks/fab/fab_tables.h"
#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

class FabConfig {
 public:
  FabConfig(const NameResolver& names, std::vector<Diagnostic>& notes)
      : names_(names), notes_(notes) {}

  struct Flag {
    bool value = false;
    std::optional<RouteAssumption> assumption;  // the tree sets it, but not statically
  };
  Flag flag(const FabSwitch& key);

  struct AuthType {
    FabAuthType value = FabAuthType::kDb;  // FAB's default (security/manager.py:223)
    bool other = false;                    // a value none of the AUTH_* constants has
    std::optional<RouteAssumption> assumption;
  };
  AuthType auth_type();

  // A string key (a dotted class path, a URL path), when static.
  std::optional<std::string> text(const std::string& key);

 private:
  // One config assignment of a key, evaluated.
  struct Candidate {
    std::size_t file = 0;
    const AssignmentFact* assignment = nullptr;
    bool is_default = false;
  };
  std::vector<Candidate> candidates(const std::string& key) const;
  void note_read(const std::string& key, const Candidate& from, const std::string& shown);
  RouteAssumption assumption(const std::string& key, const Candidate& from,
                             std::string assumed) const;

  const NameResolver& names_;
  std::vector<Diagnostic>& notes_;
  std::map<std::string, Flag, std::less<>> flags_;
  std::optional<AuthType> auth_type_;
};

}  // namespace cutover
