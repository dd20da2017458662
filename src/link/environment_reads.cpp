#include "link/environment_reads.h"

namespace cutover {
namespace {

// `env = environ.Env(DEBUG=(bool, False))`: the Env() call of the instance
// a callee's receiver names, and where it is.
const PythonValue* env_construction(const EvalScope& where, std::string_view receiver,
                                    EvalScope* found_in) {
  const NameTarget t = where.names->resolve(where.file, where.scope, receiver);
  if (t.kind != NameTarget::Kind::kAssignment ||
      t.assignment->value.kind != PythonValue::Kind::kCall) {
    return nullptr;
  }
  const NameTarget made =
      where.names->resolve(t.file, t.assignment->scope, t.assignment->value.text);
  if (made.kind != NameTarget::Kind::kExternal || made.name != "environ.Env") return nullptr;
  *found_in = EvalScope{.names = where.names,
                        .file = t.file,
                        .scope = t.assignment->scope,
                        .notes = where.notes,
                        .assumptions = where.assumptions};
  return &t.assignment->value;
}

}  // namespace

std::optional<EnvironmentRead> environment_read(const PythonValue& value, const EvalScope& where) {
  if (value.kind == PythonValue::Kind::kSubscript) {  // os.environ["X"]
    const NameTarget t = where.names->resolve(where.file, where.scope, value.text);
    if (t.kind == NameTarget::Kind::kExternal && t.name == "os.environ") {
      return EnvironmentRead{.default_scope = where};
    }
    return std::nullopt;
  }
  if (value.kind != PythonValue::Kind::kCall) return std::nullopt;
  const NameTarget t = where.names->resolve(where.file, where.scope, value.text);
  if (t.kind == NameTarget::Kind::kExternal) {
    if (t.name == "os.environ.get" || t.name == "os.getenv") {
      return EnvironmentRead{.default_value = call_argument(value, 1, "default"),
                             .default_scope = where,
                             .none_when_unset = true};
    }
    if (t.name == "decouple.config" || t.name.starts_with("environ.Env")) {
      return EnvironmentRead{.default_value = value.keyword("default"), .default_scope = where};
    }
    return std::nullopt;
  }
  // env("X", default=...) / env.str("X", default=...) on an environ.Env instance.
  const std::size_t dot = value.text.find('.');
  const std::string_view receiver = std::string_view(value.text).substr(0, dot);
  if (dot != std::string::npos && value.text.find('.', dot + 1) != std::string::npos) {
    return std::nullopt;
  }
  EvalScope schema_scope;
  const PythonValue* env = env_construction(where, receiver, &schema_scope);
  if (!env) return std::nullopt;
  // Env.__call__(var, cast=None, default=NOTSET); Env.str(var, default=NOTSET), .bool, ...
  if (const PythonValue* d = call_argument(value, dot == std::string::npos ? 2 : 1, "default")) {
    return EnvironmentRead{.default_value = d, .default_scope = where};
  }
  // environ.Env(X=(type, default)): the schema's default for the variable.
  const PythonValue* name = call_argument(value, 0, "var");
  if (name && name->is_string()) {
    if (const PythonValue* entry = env->keyword(name->text)) {
      if (entry->kind == PythonValue::Kind::kTuple && entry->items.size() == 2) {
        return EnvironmentRead{.default_value = &entry->items[1], .default_scope = schema_scope};
      }
    }
  }
  return EnvironmentRead{.default_scope = where};
}

}  // namespace cutover
