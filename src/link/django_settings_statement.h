#pragma once
// The two statements that name a Django settings module:
// `os.environ.setdefault("DJANGO_SETTINGS_MODULE", X)` and
// `os.environ["DJANGO_SETTINGS_MODULE"] = X`. The name resolver, the site
// finder and the project finder all look for them.

#include <string_view>

#include "model/file_summary.h"

namespace cutover {

inline constexpr std::string_view kDjangoSettingsVariable = "DJANGO_SETTINGS_MODULE";

// X when the call sets the variable, else nullptr.
inline const PythonValue* django_settings_set_by(const CallFact& c) {
  const PythonValue* key = c.call.positional(0);
  if (!c.call.text.ends_with("environ.setdefault") || !key || !key->is_string() ||
      key->text != kDjangoSettingsVariable) {
    return nullptr;
  }
  return c.call.positional(1);
}

// X when the assignment sets the variable (the parser names the target
// `environ[DJANGO_SETTINGS_MODULE]`), else nullptr.
inline const PythonValue* django_settings_set_by(const AssignmentFact& a) {
  constexpr std::string_view kTarget = "environ[DJANGO_SETTINGS_MODULE]";
  return a.target.ends_with(kTarget) ? &a.value : nullptr;
}

}  // namespace cutover
