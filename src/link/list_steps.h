#pragma once
// How a list variable is built, statement by statement, the way Python runs
// them: `x = [...]`, `x += ...`, `x = x + [...]`, `x.append(v)`,
// `x.extend(v)`, `x.insert(i, v)` in one scope of one file, in source order.
// The value of x at a line is what the steps before it made, from the last
// `x = ...` that replaces it outright; steps under an `if` add their
// elements only when the branch runs.

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/file_summary.h"

namespace cutover {

struct ListStep {
  enum class Kind : std::uint8_t {
    kAssign,  // x = value: value replaces x (or extends it, when it reads x)
    kExtend,  // x += value, x.extend(value): the elements of value are added
    kAppend,  // x.append(value), x.insert(i, value): value is one element
  };
  Kind kind = Kind::kAssign;
  const PythonValue* value = nullptr;
  std::size_t file = 0;    // where the statement is, and `scope` in it: where value is read
  std::string_view scope;  // a view into the summary
  std::uint32_t line = 0;
  std::int32_t condition = -1;  // branch number (ConditionFact) of the innermost `if` branch
  std::int32_t loop = -1;       // FileSummary::loops index of the innermost literal loop
};

// Whether `value` reads the name `name` (x in `x + [...]`, `f(x)`, `x.urls`).
bool reads_name(const PythonValue& value, std::string_view name);

// The statements of `scope` in `file` (index `f`) that bind or grow `name`,
// in source order.
std::vector<ListStep> list_steps(const FileSummary& file, std::size_t f, std::string_view scope,
                                 std::string_view name);

// The index of the first step the value of `name` after line `upto` depends
// on: the last `x = ...` at or before `upto` that runs whatever the branches
// (no `if` around it) and does not read x. 0 when there is none.
std::size_t first_live_step(const std::vector<ListStep>& steps, std::string_view name,
                            std::uint32_t upto);

}  // namespace cutover
