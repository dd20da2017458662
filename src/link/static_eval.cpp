#include "link/static_eval.h"

#include <algorithm>

#include "link/attribute_default.h"
#include "link/class_attributes.h"
#include "link/config_lookup.h"
#include "link/environment_reads.h"
#include "link/string_ops.h"
#include "link/value_flow.h"
#include "model/dotted_name.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

constexpr int kMaxDepth = 16;

std::optional<std::string> eval(const PythonValue& v, const EvalScope& where, int depth);

// The constant a name is bound to: a loop variable, or an assignment somewhere.
const PythonValue* bound_value(const PythonValue& name, const EvalScope& where,
                               EvalScope* found_in) {
  if (where.bindings) {
    if (auto it = where.bindings->find(name.text); it != where.bindings->end()) {
      *found_in = where;
      if (const Place* place = where.bindings->place_of(name.text)) {
        *found_in = EvalScope{.names = where.names,
                              .file = place->file,
                              .scope = place->scope,
                              .notes = where.notes,
                              .flow = where.flow};
      }
      return &it->second;
    }
  }
  const NameTarget target = where.names->resolve(where.file, where.scope, name.text);
  if (target.kind != NameTarget::Kind::kAssignment) return nullptr;
  *found_in = EvalScope{.names = where.names,
                        .file = target.file,
                        .scope = target.assignment->scope,
                        .bindings = nullptr,
                        .notes = where.notes,
                        .assumptions = where.assumptions,
                        .flow = where.flow};
  return &target.assignment->value;
}

// `Cls.ATTR`: the class attribute, from the class body or its nearest base.
const PythonValue* class_attribute_value(const PythonValue& name, const EvalScope& where,
                                         EvalScope* found_in) {
  const std::size_t dot = name.text.rfind('.');
  if (dot == std::string::npos) return nullptr;
  const std::string_view cls = std::string_view(name.text).substr(0, dot);
  const NameTarget t = where.names->resolve(where.file, where.scope, cls);
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kClass) {
    return nullptr;
  }
  const ClassAttribute a =
      class_attribute(*where.names, where.file, where.scope, cls, name.text.substr(dot + 1));
  if (!a.assignment) return nullptr;
  *found_in = EvalScope{.names = where.names,
                        .file = a.file,
                        .scope = a.assignment->scope,
                        .notes = where.notes,
                        .assumptions = where.assumptions,
                        .flow = where.flow};
  return &a.assignment->value;
}

// Records that `value` was taken as `assumed`.
void assume(const PythonValue& value, const std::string& assumed, const EvalScope& where) {
  where.assumptions->push_back(RouteAssumption{.expr = render(value),
                                               .assumed = assumed,
                                               .file = where.names->files()[where.file].path,
                                               .line = value.line});
}

EvaluateArgument evaluate_argument(const EvalScope& where, int depth) {
  return [&where, depth](const PythonValue& v) { return eval(v, where, depth + 1); };
}

// A configuration key: the value every config/settings definition of it in
// the tree agrees on, or the one in a class or module named default.
std::optional<std::string> config_value(const std::string& key, const EvalScope& where, int depth) {
  struct Value {
    std::string text;
    const ConfigCandidate* from;
    std::vector<RouteAssumption> assumed;  // what reading this definition took
  };
  const std::vector<ConfigCandidate> candidates = config_candidates(*where.names, key);
  std::vector<Value> values;
  for (const ConfigCandidate& c : candidates) {
    std::vector<RouteAssumption> assumed;
    const EvalScope there{.names = where.names,
                          .file = c.file,
                          .scope = c.assignment->scope,
                          .assumptions = where.assumptions ? &assumed : nullptr};
    if (auto text = eval(c.assignment->value, there, depth + 1)) {
      values.push_back({*text, &c, std::move(assumed)});
    }
  }
  if (values.empty()) return std::nullopt;
  const Value* chosen = &values.front();
  const bool agree = std::all_of(values.begin(), values.end(),
                                 [&](const Value& x) { return x.text == values.front().text; });
  if (!agree) {
    chosen = nullptr;
    for (const Value& x : values) {
      if (!x.from->is_default) continue;
      if (chosen) return std::nullopt;
      chosen = &x;
    }
    if (!chosen) return std::nullopt;
  }
  if (where.assumptions) {
    where.assumptions->insert(where.assumptions->end(), chosen->assumed.begin(),
                              chosen->assumed.end());
  }
  if (where.notes) {
    const FileSummary& file = where.names->files()[chosen->from->file];
    where.notes->push_back({file.path, chosen->from->assignment->line, Severity::kInfo,
                            "config-value",
                            "config key " + key + " read as \"" + chosen->text +
                                "\" from the tree's config; a deployment may override it"});
  }
  return chosen->text;
}

// A read of the environment: its default, or "" without one (or None), when the caller
// takes plausible values; nullopt when it does not.
std::optional<std::string> eval_environment(const PythonValue& read, const EnvironmentRead& env,
                                            const EvalScope& where, int depth) {
  if (!where.assumptions) return std::nullopt;
  std::optional<std::string> value = std::string();  // unset, or a None default: empty
  if (env.default_value && env.default_value->kind != PythonValue::Kind::kNone) {
    value = eval(*env.default_value, env.default_scope, depth + 1);
  }
  if (value) assume(read, *value, where);
  return value;
}

// The value of `key` in a dict literal, nullptr when it is not there.
const PythonValue* dict_item(const PythonValue& dict, const std::string& key,
                             const EvalScope& where, int depth) {
  for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    if (eval(dict.items[i], where, depth + 1) == key) return &dict.items[i + 1];
  }
  return nullptr;
}

// `receiver.get(key[, default])`: the item of a dict literal; else, for a
// mapping only the running app fills (a function's result, a parsed config
// file), the default when the caller takes plausible values.
std::optional<std::string> eval_get(const PythonValue& call, const PythonValue& receiver,
                                    std::size_t first, const EvalScope& where, int depth) {
  const PythonValue* key_value = call.positional(first);
  if (!key_value) return std::nullopt;
  const std::optional<std::string> key = eval(*key_value, where, depth + 1);
  if (!key) return std::nullopt;
  const PythonValue* fallback = call_argument(call, first + 1, "default");
  EvalScope there;
  const PythonValue& dict = dereference(receiver, where, &there);
  if (dict.kind == PythonValue::Kind::kDict) {
    if (const PythonValue* found = dict_item(dict, *key, there, depth)) {
      return eval(*found, there, depth + 1);
    }
    return fallback ? eval(*fallback, where, depth + 1) : std::nullopt;
  }
  const bool unknowable = dict.kind == PythonValue::Kind::kCall ||
                          dict.kind == PythonValue::Kind::kMethodCall ||
                          dict.kind == PythonValue::Kind::kSubscript;
  if (!where.assumptions || !fallback || !unknowable) return std::nullopt;
  std::optional<std::string> value = eval(*fallback, where, depth + 1);
  if (value) assume(call, *value, where);
  return value;
}

// getattr(obj, "name", default): the attribute when it is static, else the default.
std::optional<std::string> eval_getattr(const PythonValue& call, const EvalScope& where,
                                        int depth) {
  if (call.items.size() < 2) return std::nullopt;
  std::optional<std::string> name = eval(call.items[1], where, depth + 1);
  if (name && call.items[0].kind == PythonValue::Kind::kName) {
    const PythonValue attribute{.kind = PythonValue::Kind::kName,
                                .text = call.items[0].text + "." + *name};
    if (auto value = eval(attribute, where, depth + 1)) return value;
  }
  return call.items.size() >= 3 ? eval(call.items[2], where, depth + 1) : std::nullopt;
}

// `helper(args)` where helper is a function of the tree: evaluate its
// unconditional return with the parameters bound to the arguments' values.
std::optional<std::string> inline_call(const PythonValue& call, const EvalScope& where, int depth) {
  const NameTarget t = where.names->resolve(where.file, where.scope, call.text);
  if (t.kind != NameTarget::Kind::kDefinition ||
      t.definition->kind != DefinitionFact::Kind::kFunction) {
    return std::nullopt;
  }
  const FileSummary& file = where.names->files()[t.file];
  const ReturnFact* chosen = nullptr;
  bool conditional = false;
  for (const ReturnFact& r : file.returns) {
    if (r.scope != t.definition->qualified_name) continue;
    if (r.conditional) {
      conditional = true;
    } else {
      chosen = &r;
    }
  }
  if (!chosen) return std::nullopt;
  Bindings bound;
  const std::vector<std::string>& params = t.definition->parameters;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const PythonValue* arg = call.keyword(params[i]);
    if (!arg) arg = call.positional(i);
    if (!arg) continue;
    if (std::optional<std::string> text = eval(*arg, where, depth + 1)) {
      bound.emplace(params[i], PythonValue{.kind = PythonValue::Kind::kString, .text = *text});
    }
  }
  if (conditional && where.notes) {
    where.notes->push_back({file.path, t.definition->line, Severity::kInfo, "conditional-helper",
                            t.definition->name +
                                "() returns other values under some conditions; routes built "
                                "with it use its unconditional return (line " +
                                std::to_string(chosen->line) + ")"});
  }
  const EvalScope inside{.names = where.names,
                         .file = t.file,
                         .scope = t.definition->qualified_name,
                         .bindings = &bound,
                         .notes = where.notes,
                         .assumptions = where.assumptions,
                         .flow = where.flow};
  return eval(chosen->value, inside, depth + 1);
}

// A parameter, through where.flow: the one value every call passes.
std::optional<std::string> parameter_value(const NameTarget& parameter, const EvalScope& where,
                                           int depth) {
  if (!where.flow) return std::nullopt;
  const std::vector<PlacedValue> values =
      where.flow->values_of(parameter.file, parameter.definition->qualified_name, parameter.name);
  constexpr std::size_t kMaxValues = 8;
  if (values.empty() || values.size() > kMaxValues) return std::nullopt;
  std::optional<std::string> only;
  for (const PlacedValue& v : values) {
    const EvalScope there{.names = where.names,
                          .file = v.file,
                          .scope = v.scope,
                          .notes = where.notes,
                          .flow = where.flow};
    std::optional<std::string> text = eval(*v.value, there, depth + 1);
    if (!text || (only && *only != *text)) return std::nullopt;
    only = std::move(text);
  }
  return only;
}

// `obj.attr` with obj an instance of a class of the tree: the class's default.
std::optional<std::string> attribute_value(const PythonValue& name, const EvalScope& where,
                                           int depth) {
  const std::optional<AttributeDefault> found =
      attribute_default(*where.names, where.file, where.scope, name.text);
  if (!found) return std::nullopt;
  const EvalScope there{.names = where.names,
                        .file = found->file,
                        .scope = found->scope,
                        .notes = where.notes,
                        .assumptions = where.assumptions,
                        .flow = where.flow};
  std::optional<std::string> text = eval(*found->value, there, depth + 1);
  if (text && where.notes && !found->owner.empty()) {
    where.notes->push_back({where.names->files()[found->file].path, found->value->line,
                            Severity::kInfo, "attribute-default",
                            name.text + " read as \"" + *text + "\", the default of " +
                                std::string(found->owner) + "." +
                                std::string(last_name(name.text)) +
                                "; an instance, or the environment of a settings class, may set "
                                "another"});
  }
  return text;
}

std::optional<std::string> eval(const PythonValue& v, const EvalScope& where, int depth) {
  if (depth > kMaxDepth) return std::nullopt;
  switch (v.kind) {
    case PythonValue::Kind::kString:
      return v.text;
    case PythonValue::Kind::kNumber:
      return v.text;
    case PythonValue::Kind::kName: {
      EvalScope there;
      if (const PythonValue* bound = bound_value(v, where, &there)) {
        return eval(*bound, there, depth + 1);
      }
      // A class attribute that is no plain value (pydantic's `Field("/x")`)
      // may still have a default attribute_value knows.
      if (const PythonValue* attribute = class_attribute_value(v, where, &there)) {
        if (std::optional<std::string> text = eval(*attribute, there, depth + 1)) return text;
      }
      // django.conf.settings.KEY
      const NameTarget t = where.names->resolve(where.file, where.scope, v.text);
      constexpr std::string_view kSettings = "django.conf.settings.";
      if (t.kind == NameTarget::Kind::kExternal && t.name.starts_with(kSettings)) {
        return config_value(t.name.substr(kSettings.size()), where, depth);
      }
      if (t.kind == NameTarget::Kind::kParameter) return parameter_value(t, where, depth);
      return attribute_value(v, where, depth);
    }
    case PythonValue::Kind::kFString: {
      std::string out;
      for (const PythonValue& part : v.items) {
        std::optional<std::string> text = eval(part, where, depth + 1);
        if (!text) return std::nullopt;
        out += *text;
      }
      return v.items.empty() ? std::nullopt : std::optional<std::string>(out);
    }
    case PythonValue::Kind::kBinary: {
      if (v.items.size() != 2) return std::nullopt;
      std::optional<std::string> left = eval(v.items[0], where, depth + 1);
      if (!left) return std::nullopt;
      if (v.text == "+") {
        std::optional<std::string> right = eval(v.items[1], where, depth + 1);
        return right ? std::optional<std::string>(*left + *right) : std::nullopt;
      }
      if (v.text != "%") return std::nullopt;
      EvalScope rhs_scope;
      const PythonValue& rhs = dereference(v.items[1], where, &rhs_scope);
      std::vector<std::string> args;
      if (rhs.kind == PythonValue::Kind::kTuple) {
        for (const PythonValue& item : rhs.items) {
          std::optional<std::string> text = eval(item, rhs_scope, depth + 1);
          if (!text) return std::nullopt;
          args.push_back(std::move(*text));
        }
      } else {
        std::optional<std::string> text = eval(v.items[1], where, depth + 1);
        if (!text) return std::nullopt;
        args.push_back(std::move(*text));
      }
      return percent_format(*left, args);
    }
    case PythonValue::Kind::kMethodCall: {
      if (v.items.empty()) return std::nullopt;
      if (v.text == "get") return eval_get(v, v.items[0], 1, where, depth);
      std::optional<std::string> receiver = eval(v.items[0], where, depth + 1);
      return receiver ? string_method(*receiver, v.text, v, 1, evaluate_argument(where, depth))
                      : std::nullopt;
    }
    case PythonValue::Kind::kCall: {
      if (v.text == "getattr") return eval_getattr(v, where, depth);
      if (std::optional<EnvironmentRead> env = environment_read(v, where)) {
        return eval_environment(v, *env, where, depth);
      }
      if (v.items.size() == 1 && v.text.ends_with("escape")) {
        const NameTarget t = where.names->resolve(where.file, where.scope, v.text);
        if (t.kind == NameTarget::Kind::kExternal && t.name == "re.escape") {
          std::optional<std::string> text = eval(v.items[0], where, depth + 1);
          return text ? std::optional<std::string>(regex_escape(*text)) : std::nullopt;
        }
      }
      if (std::optional<std::string> inlined = inline_call(v, where, depth)) return inlined;
      // NAME.lower(), TEMPLATE.format(...): a str method on a constant.
      const std::size_t dot = v.text.rfind('.');
      if (dot == std::string::npos) return std::nullopt;
      const PythonValue receiver{.kind = PythonValue::Kind::kName, .text = v.text.substr(0, dot)};
      if (v.text.substr(dot + 1) == "get") return eval_get(v, receiver, 0, where, depth);
      std::optional<std::string> text = eval(receiver, where, depth + 1);
      return text ? string_method(*text, v.text.substr(dot + 1), v, 0,
                                  evaluate_argument(where, depth))
                  : std::nullopt;
    }
    case PythonValue::Kind::kSubscript: {
      if (v.items.empty()) return std::nullopt;
      if (std::optional<EnvironmentRead> env = environment_read(v, where)) {
        return eval_environment(v, *env, where, depth);
      }
      std::optional<std::string> key = eval(v.items[0], where, depth + 1);
      if (!key) return std::nullopt;
      if (v.text.ends_with("config")) return config_value(*key, where, depth);  // app.config["KEY"]
      EvalScope there;
      const PythonValue name{.kind = PythonValue::Kind::kName, .text = v.text};
      const PythonValue& dict = dereference(name, where, &there);
      if (dict.kind != PythonValue::Kind::kDict) return std::nullopt;
      const PythonValue* found = dict_item(dict, *key, there, depth);
      return found ? eval(*found, there, depth + 1) : std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> evaluate_string(const PythonValue& value, const EvalScope& where) {
  return eval(value, where, 0);
}

std::optional<std::vector<std::string>> evaluate_string_list(const PythonValue& value,
                                                             const EvalScope& where) {
  EvalScope there;
  const PythonValue& list = dereference(value, where, &there);
  if (list.kind != PythonValue::Kind::kList && list.kind != PythonValue::Kind::kTuple &&
      list.kind != PythonValue::Kind::kSet) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const PythonValue& item : list.items) {
    std::optional<std::string> text = evaluate_string(item, there);
    if (!text) return std::nullopt;
    out.push_back(std::move(*text));
  }
  return out;
}

std::vector<Bindings> loop_iterations(const LoopFact& loop, const EvalScope& where) {
  const Bindings* outer = where.bindings;
  const PythonValue* iterable = &dereference(loop.iterable, where);
  const bool literal =
      iterable->kind == PythonValue::Kind::kList || iterable->kind == PythonValue::Kind::kTuple;
  if (!literal || iterable->items.empty()) return {outer ? *outer : Bindings{}};
  std::vector<Bindings> out;
  for (const PythonValue& item : iterable->items) {
    Bindings bindings = outer ? *outer : Bindings{};
    if (loop.targets.size() == 1) {
      bindings.bind(loop.targets[0], item);
    } else if (item.items.size() == loop.targets.size()) {
      for (std::size_t i = 0; i < item.items.size(); ++i) {
        bindings.bind(loop.targets[i], item.items[i]);
      }
    }
    out.push_back(std::move(bindings));
  }
  return out;
}

std::optional<std::string> config_value_of(const std::string& key, const EvalScope& where) {
  return config_value(key, where, 0);
}

PythonValue substitute_names(const PythonValue& value, const Bindings& bindings, int depth) {
  if (depth > kMaxDepth) return value;
  PythonValue out = value;
  const bool named = value.kind == PythonValue::Kind::kName ||
                     value.kind == PythonValue::Kind::kCall ||
                     value.kind == PythonValue::Kind::kSubscript;
  if (named) {
    const std::size_t dot = value.text.find('.');
    const auto bound = bindings.find(value.text.substr(0, dot));
    if (bound != bindings.end()) {
      if (value.kind == PythonValue::Kind::kName && dot == std::string::npos) return bound->second;
      if (bound->second.kind == PythonValue::Kind::kName) {  // rebase the dotted chain
        out.text = bound->second.text + (dot == std::string::npos ? "" : value.text.substr(dot));
      } else if (value.kind == PythonValue::Kind::kCall && dot != std::string::npos &&
                 value.text.find('.', dot + 1) == std::string::npos) {
        // `base_path.strip("/")` with base_path bound to a value: a method call on it.
        out.kind = PythonValue::Kind::kMethodCall;
        out.text = value.text.substr(dot + 1);
        out.items.insert(out.items.begin(), bound->second);
        for (std::size_t i = 1; i < out.items.size(); ++i) {
          out.items[i] = substitute_names(out.items[i], bindings, depth + 1);
        }
        for (KeywordArgument& k : out.keywords) {
          for (PythonValue& v : k.value)
            v = substitute_names(v, bindings, depth + 1);
        }
        return out;
      }
    }
  }
  for (PythonValue& item : out.items)
    item = substitute_names(item, bindings, depth + 1);
  for (KeywordArgument& k : out.keywords) {
    for (PythonValue& v : k.value)
      v = substitute_names(v, bindings, depth + 1);
  }
  return out;
}

const PythonValue& dereference(const PythonValue& value, const EvalScope& where,
                               EvalScope* found_in) {
  const PythonValue* current = &value;
  EvalScope scope = where;
  for (int hops = 0; hops < kMaxDepth && current->kind == PythonValue::Kind::kName; ++hops) {
    EvalScope there;
    const PythonValue* bound = bound_value(*current, scope, &there);
    if (!bound) break;
    current = bound;
    scope = there;
  }
  if (found_in) *found_in = scope;
  return *current;
}

}  // namespace cutover
