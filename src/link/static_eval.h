#pragma once
// Evaluates the expressions URL rules are built from, as far as they are
// static: string literals, module constants (across imports), class attribute
// defaults (`settings.PREFIX`, see attribute_default.h), class attributes
// (through the bases), `+`, `%`, `.format()`, f-strings of constants, loop
// variables bound to the elements
// of a literal list, and calls of small helper functions of the tree
// (inlined: parameters bound to the arguments, the unconditional `return`). Anything else is "not
// static" (nullopt), and the caller reports the route as partial.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "link/name_resolver.h"
#include "model/diagnostic.h"
#include "model/file_summary.h"
#include "model/inventory.h"
#include "model/python_value.h"

namespace cutover {

class Bindings;
class ValueFlow;

struct EvalScope {
  const NameResolver* names = nullptr;
  std::size_t file = 0;
  std::string_view scope;
  // Names bound to values by a literal loop or by inlining a helper's parameters.
  const Bindings* bindings = nullptr;  // may be null
  // Where an evaluation took a guess (a helper with conditional returns), an
  // info diagnostic is added here; may be null.
  std::vector<Diagnostic>* notes = nullptr;
  // Where a value that cannot be known statically but has a plausible value
  // is taken at it and recorded: a read of the environment gives its default
  // ("" without one), `mapping.get(key, default)` on a value only the running
  // app knows gives the default. Null: such values are not static (nullopt).
  std::vector<RouteAssumption>* assumptions = nullptr;
  // When given, a function parameter evaluates to the one value every call
  // passes (or its default); may be null.
  ValueFlow* flow = nullptr;
};

std::optional<std::string> evaluate_string(const PythonValue& value, const EvalScope& where);

// A list or tuple of strings (methods=[...]), directly or through a constant.
std::optional<std::vector<std::string>> evaluate_string_list(const PythonValue& value,
                                                             const EvalScope& where);

// The value a name stands for, through loop bindings, constants and aliases:
// what a view_func=... or a receiver refers to. Returns `value` itself when
// it is not a name or the name has no static value.
// Where a value is written: the names in it are looked up there.
struct Place {
  std::size_t file = 0;
  std::string scope;
};

// Names bound to values. A value written somewhere else than where the
// bindings are used (an element of a tuple a caller passed) has a place: the
// names in it are looked up there, not where the binding is used.
class Bindings : public std::map<std::string, PythonValue> {
 public:
  using std::map<std::string, PythonValue>::map;
  void bind(const std::string& name, PythonValue value, const Place* place = nullptr) {
    insert_or_assign(name, std::move(value));
    if (place) {
      places.insert_or_assign(name, *place);
    } else {
      places.erase(name);
    }
  }
  const Place* place_of(const std::string& name) const {
    const auto it = places.find(name);
    return it == places.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, Place> places;
};

// One set of bindings per element of a literal loop (`for rule, view in [...]`,
// or over a name bound to such a list: a constant, or a caller's argument in
// `where.bindings`, which every iteration keeps); elements that do not unpack
// into the targets bind nothing. Always at least one iteration: a loop over
// something not literal runs once with its targets unbound, so nothing in it
// is dropped.
std::vector<Bindings> loop_iterations(const LoopFact& loop, const EvalScope& where);

// `value` with every name rooted at a key of `bindings` replaced by the bound
// expression: `view.as_view(endpoint)` with {view: ItemAPI, endpoint: "item"}
// becomes `ItemAPI.as_view("item")`.
PythonValue substitute_names(const PythonValue& value, const Bindings& bindings, int depth = 0);

// A configuration key (`settings.KEY`, `app.config["KEY"]`) read from the
// tree's config and settings modules, when they agree on a static value.
std::optional<std::string> config_value_of(const std::string& key, const EvalScope& where);

// `found_in`, when given, receives the scope the returned value lives in.
const PythonValue& dereference(const PythonValue& value, const EvalScope& where,
                               EvalScope* found_in = nullptr);

}  // namespace cutover
