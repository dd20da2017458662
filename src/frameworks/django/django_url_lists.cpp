#include "frameworks/django/django_url_walker.h"

#include <algorithm>

#include "link/condition_eval.h"
#include "link/static_sequence.h"

namespace cutover {

const std::vector<ListStep>& DjangoUrlWalker::steps_of(const ListVariable& var) {
  auto it = steps_.find(var);
  if (it == steps_.end()) {
    it = steps_.emplace(var, list_steps(files_[var.file], var.file, var.scope, var.name)).first;
  }
  return it->second;
}

std::optional<ListVariable> DjangoUrlWalker::list_variable(std::string_view dotted,
                                                           const EvalScope& at) {
  const NameTarget t = names_.resolve(at.file, at.scope, dotted);
  if (t.kind != NameTarget::Kind::kAssignment ||
      t.assignment->target.find('.') != std::string::npos) {
    return std::nullopt;
  }
  const std::size_t dot = dotted.rfind('.');
  const std::string last(dot == std::string_view::npos ? dotted : dotted.substr(dot + 1));
  if (t.assignment->target != last) {
    if (dot != std::string_view::npos) {
      const NameTarget module = names_.resolve(at.file, at.scope, dotted.substr(0, dot));
      if (module.kind == NameTarget::Kind::kModule) {
        ListVariable own{module.file, "", last};
        if (!steps_of(own).empty()) return own;
      }
    } else {
      for (std::string_view s = at.scope;; s = parent_name(s)) {
        ListVariable own{at.file, std::string(s), last};
        if (!steps_of(own).empty()) return own;
        if (s.empty()) break;
      }
    }
  }
  return ListVariable{t.file, t.assignment->scope, t.assignment->target};
}

void DjangoUrlWalker::walk_variable(const ListVariable& var, std::uint32_t upto, bool held,
                                    const Bindings* bindings, const UrlContext& ctx) {
  // `x = x + [...]`, `format_suffix_patterns(urlpatterns)`: the value so
  // far, which the walk of x has listed already.
  if (std::find(walking_.begin(), walking_.end(), var) != walking_.end()) return;
  if (walking_.size() > 48) {
    note(files_[var.file].path, 0, Severity::kWarning, "partial-route",
         "lists built from lists nest too deep; " + var.name + " not expanded");
    return;
  }
  walking_.push_back(var);
  const std::vector<ListStep>& steps = steps_of(var);
  bool rebound = false;
  for (std::size_t i = first_live_step(steps, var.name, upto); i < steps.size(); ++i) {
    const ListStep& s = steps[i];
    if (s.line > upto) {
      if (!held || (s.kind == ListStep::Kind::kAssign && s.condition < 0)) {
        rebound = true;
        break;
      }
      if (s.kind == ListStep::Kind::kAssign) continue;  // a new object, maybe
    }
    walk_step(s, bindings, ctx, {});
  }
  if (!rebound && (held || upto == kListReadAtEnd) && var.scope.empty()) {
    if (auto late = late_steps_.find(var); late != late_steps_.end()) {
      for (const ReadyListStep& s : late->second)
        walk_step(s.step, nullptr, ctx, s.conditions);
    }
  }
  walking_.pop_back();
}

void DjangoUrlWalker::walk_step(const ListStep& s, const Bindings* bindings, const UrlContext& ctx,
                                const std::vector<ConditionRef>& conditions) {
  UrlContext here = ctx;
  here.conditions.insert(here.conditions.end(), conditions.begin(), conditions.end());
  if (s.condition >= 0) here.conditions.push_back({s.file, s.condition});
  const EvalScope at = scope_at(s.file, s.scope, bindings);
  std::optional<std::vector<Bindings>> iterations;
  if (s.loop >= 0) {
    iterations = known_loop_iterations(files_[s.file].loops[static_cast<std::size_t>(s.loop)], at);
  }
  if (!iterations) {
    walk_statement(s, *s.value, at, here);
    return;
  }
  for (const Bindings& each : *iterations) {  // the loop's names stand for each element
    walk_statement(s, substitute_names(*s.value, each), scope_at(s.file, s.scope, &each), here);
  }
}

void DjangoUrlWalker::walk_statement(const ListStep& s, const PythonValue& value,
                                     const EvalScope& at, const UrlContext& ctx) {
  if (s.kind == ListStep::Kind::kAppend) {
    walk_entry(value, at, ctx, s.line);
  } else {
    // `y = x` makes y the list x is; `y += x` copies x's elements.
    walk_list(value, at, ctx, s.line, s.kind == ListStep::Kind::kAssign);
  }
}

void DjangoUrlWalker::walk_comprehension(const PythonValue& v, const EvalScope& where,
                                         const UrlContext& ctx, std::uint32_t line) {
  LoopFact loop{.iterable = v.items[1]};
  for (const PythonValue& target : v.items[2].items)
    loop.targets.push_back(target.text);
  const std::optional<std::vector<Bindings>> iterations = known_loop_iterations(loop, where);
  if (!iterations) {
    walk_entry(v.items[0], where, ctx, line);
    return;
  }
  for (const Bindings& each : *iterations) {
    const EvalScope at = scope_at(where.file, where.scope, &each);
    bool passes = true;
    for (std::size_t i = 3; i < v.items.size(); ++i) {
      passes = passes && condition_holds(substitute_names(v.items[i], each), at) != false;
    }
    if (passes) walk_entry(substitute_names(v.items[0], each), at, ctx, line);
  }
}

}  // namespace cutover
