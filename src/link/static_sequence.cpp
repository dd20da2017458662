#include "link/static_sequence.h"

#include "link/config_lookup.h"

namespace cutover {
namespace {

constexpr int kMaxSequenceDepth = 16;

const PythonValue* sequence(const PythonValue& value, const EvalScope& where, EvalScope* found_in,
                            int depth) {
  if (depth > kMaxSequenceDepth) return nullptr;
  EvalScope there;
  const PythonValue& v = dereference(value, where, &there);
  using Kind = PythonValue::Kind;
  if (v.kind == Kind::kList || v.kind == Kind::kTuple) {
    *found_in = there;
    return &v;
  }
  if (v.kind == Kind::kName) {  // django.conf.settings.KEY: what the settings agree on
    const NameTarget t = where.names->resolve(there.file, there.scope, v.text);
    constexpr std::string_view kSettings = "django.conf.settings.";
    if (t.kind != NameTarget::Kind::kExternal || !t.name.starts_with(kSettings)) return nullptr;
    const PythonValue* agreed = nullptr;
    for (const ConfigCandidate& c :
         config_candidates(*where.names, t.name.substr(kSettings.size()))) {
      const EvalScope at{.names = where.names, .file = c.file, .scope = c.assignment->scope};
      EvalScope in;
      const PythonValue* found = sequence(c.assignment->value, at, &in, depth + 1);
      if (!found || (agreed && render(*found) != render(*agreed))) return nullptr;
      if (!agreed) *found_in = in;
      agreed = found;
    }
    return agreed;
  }
  if (v.kind == Kind::kCall && v.text == "getattr" && v.items.size() >= 2) {
    // getattr(obj, "name", default): the attribute when static, else the default.
    if (v.items[0].kind == Kind::kName && v.items[1].is_string()) {
      const PythonValue attribute{.kind = Kind::kName,
                                  .text = v.items[0].text + "." + v.items[1].text};
      if (where.names->resolve(there.file, there.scope, attribute.text).kind !=
          NameTarget::Kind::kExternal) {
        if (const PythonValue* found = sequence(attribute, there, found_in, depth + 1)) {
          return found;
        }
      }
    }
    return v.items.size() >= 3 ? sequence(v.items[2], there, found_in, depth + 1) : nullptr;
  }
  return nullptr;
}

}  // namespace

const PythonValue* evaluate_sequence(const PythonValue& value, const EvalScope& where,
                                     EvalScope* found_in) {
  return sequence(value, where, found_in, 0);
}

std::optional<std::vector<Bindings>> known_loop_iterations(const LoopFact& loop,
                                                           const EvalScope& where) {
  EvalScope there;
  const PythonValue* iterable = evaluate_sequence(loop.iterable, where, &there);
  if (!iterable) return std::nullopt;
  std::vector<Bindings> out;
  for (const PythonValue& item : iterable->items) {
    Bindings bindings = where.bindings ? *where.bindings : Bindings{};
    if (loop.targets.size() == 1) {
      bindings.insert_or_assign(loop.targets[0], item);
    } else if (item.items.size() == loop.targets.size()) {
      for (std::size_t i = 0; i < item.items.size(); ++i)
        bindings.insert_or_assign(loop.targets[i], item.items[i]);
    }
    out.push_back(std::move(bindings));
  }
  return out;
}

}  // namespace cutover
