#include "frameworks/fab/fab_config.h"

#include <cstdlib>

#include "link/condition_eval.h"
#include "link/config_lookup.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

// What the candidates say: the value they agree on, else the one a default
// config holds; nullopt when that does not settle it. `chosen` receives the
// candidate read.
template <class T>
std::optional<T> settle(const std::vector<T>& known, const std::vector<bool>& is_default,
                        std::size_t* chosen) {
  if (known.empty()) return std::nullopt;
  bool agree = true;
  for (const T& v : known)
    agree = agree && v == known.front();
  if (agree) {
    *chosen = 0;
    return known.front();
  }
  std::optional<std::size_t> only;
  for (std::size_t i = 0; i < known.size(); ++i) {
    if (!is_default[i]) continue;
    if (only) return std::nullopt;
    only = i;
  }
  if (!only) return std::nullopt;
  *chosen = *only;
  return known[*only];
}

}  // namespace

std::vector<FabConfig::Candidate> FabConfig::candidates(const std::string& key) const {
  std::vector<Candidate> out;
  for (const ConfigCandidate& c : config_candidates(names_, key))
    out.push_back({c.file, c.assignment, c.is_default});
  return out;
}

void FabConfig::note_read(const std::string& key, const Candidate& from, const std::string& shown) {
  notes_.push_back({names_.files()[from.file].path, from.assignment->line, Severity::kInfo,
                    "config-value",
                    "config key " + key + " read as \"" + shown +
                        "\" from the tree's config; a deployment may override it"});
}

RouteAssumption FabConfig::assumption(const std::string& key, const Candidate& from,
                                      std::string assumed) const {
  return RouteAssumption{.expr = key + " = " + render(from.assignment->value),
                         .assumed = std::move(assumed),
                         .file = names_.files()[from.file].path,
                         .line = from.assignment->line};
}

FabConfig::Flag FabConfig::flag(const FabSwitch& key) {
  if (auto it = flags_.find(key.key); it != flags_.end()) return it->second;
  const std::string name(key.key);
  const std::vector<Candidate> all = candidates(name);
  std::vector<bool> known;
  std::vector<bool> is_default;
  std::vector<const Candidate*> from;
  for (const Candidate& c : all) {
    const EvalScope at{.names = &names_, .file = c.file, .scope = c.assignment->scope};
    if (const std::optional<bool> v = condition_holds(c.assignment->value, at)) {
      known.push_back(*v);
      is_default.push_back(c.is_default);
      from.push_back(&c);
    }
  }
  Flag out{.value = key.default_value};
  std::size_t chosen = 0;
  if (const std::optional<bool> v = settle(known, is_default, &chosen)) {
    out.value = *v;
    note_read(name, *from[chosen], *v ? "True" : "False");
  } else if (!all.empty()) {
    out.assumption = assumption(name, all.front(), key.default_value ? "True" : "False");
  }
  return flags_.emplace(key.key, out).first->second;
}

FabConfig::AuthType FabConfig::auth_type() {
  if (auth_type_) return *auth_type_;
  const std::vector<Candidate> all = candidates("AUTH_TYPE");
  std::vector<int> known;
  std::vector<bool> is_default;
  std::vector<const Candidate*> from;
  for (const Candidate& c : all) {
    const EvalScope at{.names = &names_, .file = c.file, .scope = c.assignment->scope};
    EvalScope there;
    const PythonValue& v = dereference(c.assignment->value, at, &there);
    std::optional<int> value;
    if (v.kind == PythonValue::Kind::kNumber) {
      value = std::atoi(v.text.c_str());
    } else if (v.kind == PythonValue::Kind::kName) {
      const NameTarget t = names_.resolve(there.file, there.scope, v.text);
      const std::optional<std::string_view> symbol =
          t.kind == NameTarget::Kind::kExternal ? fab_symbol(t.name) : std::nullopt;
      if (const auto type = symbol ? fab_auth_type_named(*symbol) : std::nullopt) {
        value = static_cast<int>(*type);
      }
    }
    if (!value) continue;
    known.push_back(*value);
    is_default.push_back(c.is_default);
    from.push_back(&c);
  }
  AuthType out;
  std::size_t chosen = 0;
  if (const std::optional<int> v = settle(known, is_default, &chosen)) {
    out.other =
        *v < static_cast<int>(FabAuthType::kOid) || *v > static_cast<int>(FabAuthType::kOAuth);
    out.value = out.other ? FabAuthType::kOid : static_cast<FabAuthType>(*v);
    note_read("AUTH_TYPE", *from[chosen], std::to_string(*v));
  } else if (!all.empty()) {
    out.assumption = assumption("AUTH_TYPE", all.front(), "AUTH_DB");
  }
  auth_type_ = out;
  return out;
}

std::optional<std::string> FabConfig::text(const std::string& key) {
  const EvalScope anywhere{.names = &names_, .notes = &notes_};
  return config_value_of(key, anywhere);
}

}  // namespace cutover
