#pragma once
// A Python expression as far as static extraction needs it: literals, dotted
// names, calls and operators, kept as a small tree of plain values so that the
// link pass can evaluate rules like PREFIX + "/users" without the syntax tree.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cutover {

struct PythonValue;

struct KeywordArgument {
  std::string name;
  std::vector<PythonValue> value;  // exactly one element; a vector so the type may be incomplete
};

struct PythonValue {
  enum class Kind : std::uint8_t {
    kOther,    // anything else; `text` holds a short excerpt of the source
    kString,   // `text` holds the decoded contents
    kFString,  // an f-string; `text` holds the source excerpt, `items` its parts in order:
               // kString for literal text, any other kind for an interpolated expression
    kNumber,   // `text` holds the literal
    kName,     // identifier or dotted attribute chain: `text` = "bp" or "views.show"
    kNone,     // None
    kBool,     // `text` = "True" / "False"
    kList,
    kTuple,
    kDict,        // `items` alternate key, value
    kCall,        // `text` = callee (dotted when the callee is a name chain), `items` = positional
    kMethodCall,  // `expr.method(...)` on a non-name: `text` = method, `items` = receiver, args
    kBinary,      // `text` = operator, `items` = {left, right}
    kSubscript,   // `a.b[key]`: `text` = "a.b" (a name chain), `items` = {key}
    kSet,         // `{a, b}`: `items` in source order
    // `[body for a, b in iterable if test ...]` with one `for`: `text` holds the
    // source excerpt, `items` = {body, iterable, kTuple of the kName targets, tests...}
    kComprehension,
  };
  Kind kind = Kind::kOther;
  std::uint32_t line = 0;  // beside `kind`, where it takes no room of its own
  std::string text;
  std::vector<PythonValue> items;
  std::vector<KeywordArgument> keywords;  // kCall only; `*x` and `**x` appear as "*" and "**"

  bool is_string() const { return kind == Kind::kString; }
  // The keyword argument `name` of a call, if given.
  const PythonValue* keyword(std::string_view name) const;
  // Positional argument `index` of a call, if given.
  const PythonValue* positional(std::size_t index) const;
};

// `keyword=` if the call gives it, else positional argument `index`: how
// Python binds one parameter of the called function.
inline const PythonValue* call_argument(const PythonValue& call, std::size_t index,
                                        std::string_view keyword) {
  const PythonValue* v = call.keyword(keyword);
  return v ? v : call.positional(index);
}

// Python-like source text for a value, for messages and partial route paths:
// `org_scoped_rule("/x")`, `PREFIX + "/items"`.
std::string render(const PythonValue& value);

}  // namespace cutover
