#pragma once
// Whether an `if` test holds in the app as shipped: the test evaluated over
// the tree's defaults, the way Python would evaluate it. Settings and config
// keys read from the tree's settings modules and config classes;
// `d.get(k, default)`, `getattr(o, "x", default)`, `os.environ.get(k,
// default)`, `os.getenv`, django-environ's `env("X", default=...)` and
// python-decouple's `config("X", default=...)` take their defaults;
// `and`, `or`, `not`, comparisons and `in` work on the values. A test that
// needs anything else (a database read, a variable without default) is
// unknown: nullopt.

#include <optional>

#include "link/static_eval.h"

namespace cutover {

std::optional<bool> condition_holds(const PythonValue& test, const EvalScope& where);

// Whether the settings / config key `key` is true under the tree's defaults
// (settings.DEBUG for what Django adds only in debug mode).
std::optional<bool> setting_holds(const std::string& key, const EvalScope& where);

}  // namespace cutover
