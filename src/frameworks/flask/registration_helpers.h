#pragma once
// Registration helpers: plain functions that register routes on an app or
// blueprint they receive, e.g.
//     def register_view(bp_or_app, routes, view_func, **kwargs):
//         for route in routes:
//             bp_or_app.add_url_rule(route, view_func=view_func, **kwargs)
// Each call of such a helper is read as the registrations it makes: the
// helper's parameters are bound to the caller's argument expressions (and
// its loops over them expanded), evaluated in the caller's scope.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "frameworks/flask/flask_objects.h"
#include "link/static_eval.h"

namespace cutover {

// One registration call as it happens at a call site of a helper.
struct InlinedRegistration {
  std::size_t file = 0;  // the caller's
  std::string scope;     // the caller's
  std::uint32_t line = 0;
  PythonValue call;   // the helper's registration call, **kwargs forwarded
  Bindings bindings;  // helper parameters and loop targets -> caller values
  // The helper itself: names the caller does not bind are the helper's own
  // (a view function defined inside it).
  std::size_t helper_file = 0;
  std::string helper_scope;
  std::vector<ConditionRef> conditions;  // the `if` branches of the call and of the registration
};

class RegistrationHelpers {
 public:
  RegistrationHelpers(const NameResolver& names, FlaskObjects& objects,
                      std::vector<Diagnostic>& diagnostics);

  // True for a registration inside a helper that has callers: it is read at
  // the call sites instead of where it is written.
  bool read_at_call_sites(const CallFact& call) const { return inlined_.contains(&call); }
  const std::vector<InlinedRegistration>& registrations() const { return registrations_; }

 private:
  std::set<const CallFact*> inlined_;
  std::vector<InlinedRegistration> registrations_;
};

}  // namespace cutover
