#pragma once
// Reads of the process environment or of a deployment's configuration, which
// no static reading can know: `os.environ.get("X", default)`, `os.getenv`,
// `os.environ["X"]`, django-environ's `env("X", default=...)`,
// `env.str("X", default=...)` and the defaults of an `environ.Env(X=(type,
// default))` schema, python-decouple's `config("X", default=...)`. Where the
// app runs with nothing set, each gives its default.

#include <optional>

#include "link/static_eval.h"

namespace cutover {

struct EnvironmentRead {
  const PythonValue* default_value = nullptr;  // null: no default given
  EvalScope default_scope;                     // where default_value is read
  bool none_when_unset = false;                // os.environ.get / os.getenv: None without a default
};

// The read `value` (a call or a subscript) makes, or nullopt if it reads
// no environment.
std::optional<EnvironmentRead> environment_read(const PythonValue& value, const EvalScope& where);

}  // namespace cutover
