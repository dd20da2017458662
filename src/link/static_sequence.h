#pragma once
// The lists loops and URL helpers walk, as far as they are static: a literal
// list or tuple, through names, the settings (`for p in settings.PLUGINS:`)
// and getattr defaults. A loop over a known list runs once per element, and
// never over an empty one.

#include <optional>
#include <vector>

#include "link/static_eval.h"

namespace cutover {

// The literal list or tuple `value` stands for: directly, through names, a
// settings key (`settings.PLUGINS`) and `getattr(obj, "name", default)`;
// nullptr when it is not static. `found_in` receives the scope its items
// are read in.
const PythonValue* evaluate_sequence(const PythonValue& value, const EvalScope& where,
                                     EvalScope* found_in);

// One set of bindings per element of a loop whose iterable evaluate_sequence
// knows (none for an empty list), each keeping `where.bindings`; nullopt
// when the iterable is not static.
std::optional<std::vector<Bindings>> known_loop_iterations(const LoopFact& loop,
                                                           const EvalScope& where);

}  // namespace cutover
