#include "link/condition_eval.h"

#include <cstdlib>
#include <string>

#include "link/config_lookup.h"
#include "link/environment_reads.h"

namespace cutover {
namespace {

constexpr int kMaxDepth = 24;

// A Python value as far as a condition needs it. Lists, tuples and dicts stay
// the literal they were written as, with the scope their items live in.
struct StaticValue {
  enum class Kind : std::uint8_t { kUnknown, kNone, kBool, kNumber, kString, kSequence, kDict };
  Kind kind = Kind::kUnknown;
  double number = 0;  // kBool (0 / 1) and kNumber
  std::string text;   // kString
  const PythonValue* literal = nullptr;
  EvalScope scope;
};

using Kind = StaticValue::Kind;

StaticValue unknown() {
  return {};
}
StaticValue boolean(bool b) {
  return {.kind = Kind::kBool, .number = b ? 1.0 : 0.0};
}

std::optional<bool> truth(const StaticValue& v) {
  switch (v.kind) {
    case Kind::kUnknown:
      return std::nullopt;
    case Kind::kNone:
      return false;
    case Kind::kBool:
    case Kind::kNumber:
      return v.number != 0;
    case Kind::kString:
      return !v.text.empty();
    case Kind::kSequence:
    case Kind::kDict:
      return !v.literal->items.empty();
  }
  return std::nullopt;
}

StaticValue eval(const PythonValue& v, const EvalScope& where, int depth);

std::optional<bool> equal(const StaticValue& a, const StaticValue& b) {
  if (a.kind == Kind::kUnknown || b.kind == Kind::kUnknown) return std::nullopt;
  const auto numeric = [](const StaticValue& x) {
    return x.kind == Kind::kBool || x.kind == Kind::kNumber;
  };
  if (numeric(a) && numeric(b)) return a.number == b.number;
  if (a.kind != b.kind) return false;
  if (a.kind == Kind::kNone) return true;
  if (a.kind == Kind::kString) return a.text == b.text;
  return std::nullopt;  // containers: not compared
}

// `needle in haystack`.
std::optional<bool> contains(const StaticValue& haystack, const StaticValue& needle, int depth) {
  if (haystack.kind == Kind::kString && needle.kind == Kind::kString) {
    return haystack.text.find(needle.text) != std::string::npos;
  }
  if (haystack.kind != Kind::kSequence && haystack.kind != Kind::kDict) return std::nullopt;
  const std::vector<PythonValue>& items = haystack.literal->items;
  const std::size_t step = haystack.kind == Kind::kDict ? 2 : 1;  // a dict's keys
  bool unsure = false;
  for (std::size_t i = 0; i < items.size(); i += step) {
    const std::optional<bool> same = equal(eval(items[i], haystack.scope, depth + 1), needle);
    if (same == true) return true;
    unsure = unsure || !same;
  }
  return unsure ? std::nullopt : std::optional<bool>(false);
}

// d[key] of a dict literal; nullopt when the key is not there (or unknown).
std::optional<StaticValue> item(const StaticValue& dict, const StaticValue& key, int depth) {
  if (dict.kind != Kind::kDict) return std::nullopt;
  const std::vector<PythonValue>& items = dict.literal->items;
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
    if (equal(eval(items[i], dict.scope, depth + 1), key) == true) {
      return eval(items[i + 1], dict.scope, depth + 1);
    }
  }
  return std::nullopt;
}

// A settings / config key: the value every definition in the tree's
// settings modules and config classes agrees on, or the one default.
StaticValue config_key(const std::string& key, const EvalScope& where, int depth) {
  std::optional<StaticValue> agreed;
  std::optional<StaticValue> by_default;
  int defaults = 0;
  bool disagree = false;
  for (const ConfigCandidate& c : config_candidates(*where.names, key)) {
    const EvalScope there{.names = where.names, .file = c.file, .scope = c.assignment->scope};
    StaticValue v = eval(c.assignment->value, there, depth + 1);
    if (c.is_default) {
      ++defaults;
      by_default = v;
    }
    if (!agreed) {
      agreed = v;
    } else if (equal(*agreed, v) != true) {
      disagree = true;
    }
  }
  if (agreed && !disagree) return *agreed;
  if (defaults == 1) return *by_default;
  return unknown();
}

const PythonValue* argument(const PythonValue& call, std::size_t index, std::string_view keyword) {
  return call_argument(call, index, keyword);
}

StaticValue or_none(const PythonValue* v, const EvalScope& where, int depth) {
  return v ? eval(*v, where, depth + 1) : StaticValue{.kind = Kind::kNone};
}

StaticValue eval_call(const PythonValue& v, const EvalScope& where, int depth) {
  // Reads of the environment with a default: the default, as the app runs
  // where nothing is set.
  if (std::optional<EnvironmentRead> env = environment_read(v, where)) {
    if (env->default_value) return eval(*env->default_value, env->default_scope, depth + 1);
    return env->none_when_unset ? StaticValue{.kind = Kind::kNone} : unknown();
  }
  if (v.text == "getattr" && v.items.size() >= 2) {
    if (v.items[1].is_string() && v.items[0].kind == PythonValue::Kind::kName) {
      const PythonValue attribute{.kind = PythonValue::Kind::kName,
                                  .text = v.items[0].text + "." + v.items[1].text};
      StaticValue found = eval(attribute, where, depth + 1);
      if (found.kind != Kind::kUnknown) return found;
    }
    return v.items.size() >= 3 ? eval(v.items[2], where, depth + 1) : unknown();
  }
  if (v.text == "bool" && v.items.size() == 1) {
    const std::optional<bool> b = truth(eval(v.items[0], where, depth + 1));
    return b ? boolean(*b) : unknown();
  }
  // `mapping.get(key, default)` on a value of the tree (a dict setting).
  const std::size_t dot = v.text.rfind('.');
  if (dot != std::string::npos && v.text.substr(dot + 1) == "get" && !v.items.empty()) {
    const PythonValue receiver{.kind = PythonValue::Kind::kName, .text = v.text.substr(0, dot)};
    const StaticValue dict = eval(receiver, where, depth + 1);
    if (dict.kind != Kind::kDict) return unknown();
    const StaticValue key = eval(v.items[0], where, depth + 1);
    if (std::optional<StaticValue> found = item(dict, key, depth)) return *found;
    return or_none(argument(v, 1, "default"), where, depth);
  }
  return unknown();
}

StaticValue eval_binary(const PythonValue& v, const EvalScope& where, int depth) {
  const std::string& op = v.text;
  if (op == "not" && v.items.size() == 1) {
    const std::optional<bool> b = truth(eval(v.items[0], where, depth + 1));
    return b ? boolean(!*b) : unknown();
  }
  if (v.items.size() != 2) return unknown();
  const StaticValue left = eval(v.items[0], where, depth + 1);
  if (op == "and" || op == "or") {
    // Python returns an operand; a known deciding left side settles it.
    const std::optional<bool> l = truth(left);
    if (l && *l == (op == "or")) return left;
    const StaticValue right = eval(v.items[1], where, depth + 1);
    if (l) return right;
    const std::optional<bool> r = truth(right);
    // Unknown left: `x and False` is falsy and `x or True` truthy whatever x is.
    if (r && *r == (op == "and")) return unknown();
    return r ? boolean(*r) : unknown();
  }
  const StaticValue right = eval(v.items[1], where, depth + 1);
  std::optional<bool> result;
  if (op == "==" || op == "is") result = equal(left, right);
  if (op == "!=" || op == "is not") {
    result = equal(left, right);
    if (result) result = !*result;
  }
  if (op == "in") result = contains(right, left, depth);
  if (op == "not in") {
    result = contains(right, left, depth);
    if (result) result = !*result;
  }
  return result ? boolean(*result) : unknown();
}

StaticValue eval(const PythonValue& v, const EvalScope& where, int depth) {
  if (depth > kMaxDepth) return unknown();
  switch (v.kind) {
    case PythonValue::Kind::kNone:
      return {.kind = Kind::kNone};
    case PythonValue::Kind::kBool:
      return boolean(v.text == "True");
    case PythonValue::Kind::kNumber:
      return {.kind = Kind::kNumber, .number = std::strtod(v.text.c_str(), nullptr)};
    case PythonValue::Kind::kString:
      return {.kind = Kind::kString, .text = v.text};
    case PythonValue::Kind::kFString: {
      std::optional<std::string> text = evaluate_string(v, where);
      return text ? StaticValue{.kind = Kind::kString, .text = *text} : unknown();
    }
    case PythonValue::Kind::kList:
    case PythonValue::Kind::kTuple:
    case PythonValue::Kind::kSet:
      return {.kind = Kind::kSequence, .literal = &v, .scope = where};
    case PythonValue::Kind::kDict:
      return {.kind = Kind::kDict, .literal = &v, .scope = where};
    case PythonValue::Kind::kName: {
      EvalScope there;
      const PythonValue& bound = dereference(v, where, &there);
      if (&bound != &v) return eval(bound, there, depth + 1);
      const NameTarget t = where.names->resolve(where.file, where.scope, v.text);
      constexpr std::string_view kSettings = "django.conf.settings.";
      if (t.kind == NameTarget::Kind::kExternal && t.name.starts_with(kSettings)) {
        const std::string key = t.name.substr(kSettings.size());
        if (key.find('.') == std::string::npos) return config_key(key, where, depth);
        // settings.MAPPING.attr: not a dict lookup in Python
      }
      return unknown();
    }
    case PythonValue::Kind::kSubscript: {
      if (v.items.empty()) return unknown();
      const StaticValue key = eval(v.items[0], where, depth + 1);
      // app.config["KEY"]: Flask's config mapping.
      if (v.text.ends_with(".config") && key.kind == Kind::kString) {
        return config_key(key.text, where, depth);
      }
      const StaticValue dict =
          eval(PythonValue{.kind = PythonValue::Kind::kName, .text = v.text}, where, depth + 1);
      std::optional<StaticValue> found = item(dict, key, depth);
      return found ? *found : unknown();
    }
    case PythonValue::Kind::kCall:
      if (v.text.ends_with(".config.get") && !v.items.empty() && v.items[0].is_string()) {
        StaticValue found = config_key(v.items[0].text, where, depth);
        if (found.kind != Kind::kUnknown) return found;
        return or_none(argument(v, 1, "default"), where, depth);
      }
      return eval_call(v, where, depth);
    case PythonValue::Kind::kMethodCall: {
      // `<expr>.get(key, default)`: the receiver first, then the arguments.
      if (v.text != "get" || v.items.size() < 2) return unknown();
      const StaticValue dict = eval(v.items[0], where, depth + 1);
      if (dict.kind != Kind::kDict) return unknown();
      const StaticValue key = eval(v.items[1], where, depth + 1);
      if (std::optional<StaticValue> found = item(dict, key, depth)) return *found;
      const PythonValue* d = v.items.size() > 2 ? &v.items[2] : v.keyword("default");
      return or_none(d, where, depth);
    }
    case PythonValue::Kind::kBinary:
      return eval_binary(v, where, depth);
    default:
      return unknown();
  }
}

}  // namespace

std::optional<bool> condition_holds(const PythonValue& test, const EvalScope& where) {
  return truth(eval(test, where, 0));
}

std::optional<bool> setting_holds(const std::string& key, const EvalScope& where) {
  return truth(config_key(key, where, 0));
}

}  // namespace cutover
