#include "link/list_steps.h"

#include <algorithm>

namespace cutover {

bool reads_name(const PythonValue& value, std::string_view name) {
  // Iterative: values nest as deep as the source does.
  std::vector<const PythonValue*> pending{&value};
  while (!pending.empty()) {
    const PythonValue* v = pending.back();
    pending.pop_back();
    const bool named = v->kind == PythonValue::Kind::kName || v->kind == PythonValue::Kind::kCall ||
                       v->kind == PythonValue::Kind::kSubscript;
    if (named && v->text.starts_with(name) &&
        (v->text.size() == name.size() || v->text[name.size()] == '.')) {
      return true;
    }
    for (const PythonValue& item : v->items)
      pending.push_back(&item);
    for (const KeywordArgument& k : v->keywords) {
      for (const PythonValue& item : k.value)
        pending.push_back(&item);
    }
  }
  return false;
}

std::vector<ListStep> list_steps(const FileSummary& file, std::size_t f, std::string_view scope,
                                 std::string_view name) {
  std::vector<ListStep> steps;
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope != scope || a.target != name) continue;
    steps.push_back({.kind = a.augmented ? ListStep::Kind::kExtend : ListStep::Kind::kAssign,
                     .value = &a.value,
                     .file = f,
                     .scope = a.scope,
                     .line = a.line,
                     .condition = a.condition,
                     .loop = a.loop});
  }
  for (const CallFact& c : file.calls) {
    const std::string& callee = c.call.text;
    if (c.scope != scope || c.call.kind != PythonValue::Kind::kCall ||
        callee.size() <= name.size() || !callee.starts_with(name) || callee[name.size()] != '.') {
      continue;
    }
    const std::string_view method = std::string_view(callee).substr(name.size() + 1);
    ListStep step{
        .file = f, .scope = c.scope, .line = c.line, .condition = c.condition, .loop = c.loop};
    if (method == "append" && c.call.items.size() == 1) {
      step.kind = ListStep::Kind::kAppend;
      step.value = &c.call.items[0];
    } else if (method == "extend" && c.call.items.size() == 1) {
      step.kind = ListStep::Kind::kExtend;
      step.value = &c.call.items[0];
    } else if (method == "insert" && c.call.items.size() == 2) {
      step.kind = ListStep::Kind::kAppend;
      step.value = &c.call.items[1];
    } else {
      continue;
    }
    steps.push_back(step);
  }
  std::stable_sort(steps.begin(), steps.end(),
                   [](const ListStep& a, const ListStep& b) { return a.line < b.line; });
  return steps;
}

std::size_t first_live_step(const std::vector<ListStep>& steps, std::string_view name,
                            std::uint32_t upto) {
  std::size_t first = 0;
  for (std::size_t i = 0; i < steps.size() && steps[i].line <= upto; ++i) {
    const ListStep& s = steps[i];
    if (s.kind == ListStep::Kind::kAssign && s.condition < 0 && !reads_name(*s.value, name)) {
      first = i;
    }
  }
  return first;
}

}  // namespace cutover
