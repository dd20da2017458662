#include "link/value_flow.h"

#include <algorithm>

#include "model/dotted_name.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

constexpr int kMaxDepth = 16;

using Seen = std::set<std::tuple<std::size_t, std::string_view, std::string_view>>;

// The arguments a call passes by position, as the function's parameters see
// them: after `self` / `cls` for a method called on an object, then the
// items of a literal `*[...]`.
std::vector<const PythonValue*> positional_arguments(const DefinitionFact& function,
                                                     const PythonValue& call) {
  std::vector<const PythonValue*> out;
  const std::vector<std::string>& params = function.parameters;
  const bool bound_method = !params.empty() && (params[0] == "self" || params[0] == "cls") &&
                            call.text.find('.') != std::string::npos;
  if (bound_method) out.push_back(nullptr);  // the object the method is called on
  for (const PythonValue& item : call.items)
    out.push_back(&item);
  if (const PythonValue* splat = call.keyword("*");
      splat &&
      (splat->kind == PythonValue::Kind::kList || splat->kind == PythonValue::Kind::kTuple)) {
    for (const PythonValue& item : splat->items)
      out.push_back(&item);
  }
  return out;
}

bool no_default(const PythonValue& value) {
  return value.kind == PythonValue::Kind::kOther && value.text.empty();
}

}  // namespace

const std::vector<CallSite>& ValueFlow::call_sites(const DefinitionFact* function) {
  if (!call_sites_indexed_) {
    call_sites_indexed_ = true;
    // Every call of the tree resolved: per file on the resolver's threads,
    // gathered in file order.
    std::vector<std::vector<std::pair<const DefinitionFact*, CallSite>>> found(files_.size());
    parallel_for_each_index(files_.size(), names_.jobs(), [&](std::size_t f) {
      // The call, and the calls among its arguments (`app.include_router(make_router())`).
      std::vector<std::pair<const PythonValue*, int>> pending;
      auto add = [&](std::string_view scope, const PythonValue& statement, std::uint32_t line,
                     std::int32_t condition) {
        pending.assign(1, {&statement, 0});
        while (!pending.empty()) {
          const auto [call, depth] = pending.back();
          pending.pop_back();
          if (call->kind != PythonValue::Kind::kCall) continue;
          if (depth < 4) {
            for (const PythonValue& item : call->items)
              pending.push_back({&item, depth + 1});
            for (const KeywordArgument& k : call->keywords) {
              if (!k.value.empty()) pending.push_back({&k.value[0], depth + 1});
            }
          }
          const NameTarget callee = names_.resolve(f, scope, call->text);
          if (callee.kind != NameTarget::Kind::kDefinition) continue;
          found[f].emplace_back(
              callee.definition,
              CallSite{
                  .file = f, .scope = scope, .call = call, .line = line, .condition = condition});
        }
      };
      for (const CallFact& c : files_[f].calls)
        add(c.scope, c.call, c.line, c.condition);
      for (const AssignmentFact& a : files_[f].assignments)
        add(a.scope, a.value, a.line, a.condition);
      for (const ReturnFact& r : files_[f].returns)
        add(r.scope, r.value, r.line, -1);
    });
    for (auto& sites : found) {
      for (auto& [callee, site] : sites)
        call_sites_[callee].push_back(site);
    }
    for (auto& [function, sites] : call_sites_) {
      std::stable_sort(sites.begin(), sites.end(), [](const CallSite& a, const CallSite& b) {
        return std::tie(a.file, a.line) < std::tie(b.file, b.line);
      });
    }
  }
  static const std::vector<CallSite> kNone;
  const auto found = call_sites_.find(function);
  return found == call_sites_.end() ? kNone : found->second;
}

const PythonValue* ValueFlow::argument(const DefinitionFact& function, std::size_t index,
                                       const PythonValue& call) {
  const std::vector<std::string>& params = function.parameters;
  if (index >= params.size() || params[index].starts_with('*')) return nullptr;
  const std::string& name = params[index];
  if (const PythonValue* given = call.keyword(name)) return given;
  // Positional only up to the first `*` / `*args`: the rest are keyword-only.
  const auto splat = std::find_if(params.begin(), params.end(),
                                  [](const std::string& p) { return p.starts_with('*'); });
  if (index < static_cast<std::size_t>(splat - params.begin())) {
    const std::vector<const PythonValue*> positional = positional_arguments(function, call);
    if (index < positional.size()) return positional[index];
  }
  if (const PythonValue* kwargs = call.keyword("**");
      kwargs && kwargs->kind == PythonValue::Kind::kDict) {
    for (std::size_t i = 0; i + 1 < kwargs->items.size(); i += 2) {
      if (kwargs->items[i].is_string() && kwargs->items[i].text == name) {
        return &kwargs->items[i + 1];
      }
    }
  }
  return nullptr;
}

const ValueFlow::FileIndex& ValueFlow::index(std::size_t file) {
  if (indexes_.empty()) indexes_.resize(files_.size());
  FileIndex& index = indexes_[file];
  if (index.built) return index;
  index.built = true;
  for (const AssignmentFact& a : files_[file].assignments) {
    if (a.target.find('.') == std::string::npos)
      index.assignments[{a.scope, a.target}].push_back(&a);
  }
  for (const DefinitionFact& d : files_[file].definitions) {
    if (d.kind == DefinitionFact::Kind::kFunction) index.functions.emplace(d.qualified_name, &d);
  }
  return index;
}

std::optional<ValueFlow::Home> ValueFlow::home_of(std::size_t file, std::string_view scope,
                                                  std::string_view name) {
  auto parameter_home = [](std::size_t f, const DefinitionFact& function,
                           std::string_view name) -> std::optional<Home> {
    for (std::size_t i = 0; i < function.parameters.size(); ++i) {
      std::string_view p = function.parameters[i];
      p.remove_prefix(std::min(p.find_first_not_of('*'), p.size()));
      if (p == name) {
        return Home{.file = f,
                    .scope = function.qualified_name,
                    .name = p,
                    .function = &function,
                    .parameter = i};
      }
    }
    return std::nullopt;
  };
  if (name.find('.') == std::string_view::npos) {
    const FileIndex& idx = index(file);
    for (std::string_view s = scope;; s = parent_name(s)) {
      const auto fn = idx.functions.find(s);
      std::optional<Home> home =
          fn == idx.functions.end() ? std::nullopt : parameter_home(file, *fn->second, name);
      if (const auto a = idx.assignments.find({s, name}); a != idx.assignments.end()) {
        const AssignmentFact& first = *a->second.front();
        if (!home) home = Home{.file = file, .scope = first.scope, .name = first.target};
      }
      if (home) return home;
      if (s.empty()) break;
    }
  }
  // Imported, or an attribute of a module: where the resolver finds it.
  const NameTarget t = names_.resolve(file, scope, name);
  if (t.kind == NameTarget::Kind::kAssignment) {
    return Home{.file = t.file, .scope = t.assignment->scope, .name = t.assignment->target};
  }
  if (t.kind == NameTarget::Kind::kParameter) {
    return parameter_home(t.file, *t.definition, t.name);
  }
  return std::nullopt;
}

std::vector<PlacedValue> ValueFlow::values_at(const Home& home) {
  std::vector<PlacedValue> out;
  const FileIndex& idx = index(home.file);
  if (const auto a = idx.assignments.find({home.scope, home.name}); a != idx.assignments.end()) {
    for (const AssignmentFact* assignment : a->second) {
      if (!assignment->augmented) {
        out.push_back({.value = &assignment->value, .file = home.file, .scope = assignment->scope});
      }
    }
  }
  if (!home.function || home.function->parameters[home.parameter].starts_with('*')) return out;
  const DefinitionFact& function = *home.function;
  bool defaulted = false;  // some call leaves the parameter to its default
  const std::vector<CallSite>& sites = call_sites(&function);
  for (const CallSite& site : sites) {
    if (const PythonValue* arg = argument(function, home.parameter, *site.call)) {
      out.push_back({.value = arg, .file = site.file, .scope = site.scope});
    } else {
      defaulted = true;
    }
  }
  if ((defaulted || sites.empty()) && home.parameter < function.parameter_defaults.size() &&
      !no_default(function.parameter_defaults[home.parameter])) {
    // A default is evaluated where the `def` statement runs.
    out.push_back({.value = &function.parameter_defaults[home.parameter],
                   .file = home.file,
                   .scope = function.scope});
  }
  return out;
}

const DefinitionFact* ValueFlow::function(std::size_t file, std::string_view qualified_name) {
  const FileIndex& idx = index(file);
  const auto found = idx.functions.find(qualified_name);
  return found == idx.functions.end() ? nullptr : found->second;
}

std::vector<ValueFlow::CallBindings> ValueFlow::bindings_per_call(std::size_t file,
                                                                  const DefinitionFact& function) {
  std::vector<CallBindings> out;
  const std::vector<std::string>& params = function.parameters;
  for (const CallSite& site : call_sites(&function)) {
    CallBindings call{.site = &site};
    const Place caller{.file = site.file, .scope = std::string(site.scope)};
    const Place definer{.file = file, .scope = function.scope};
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].starts_with("**") || params[i] == "*") continue;
      if (params[i].starts_with('*')) {
        PythonValue rest{.kind = PythonValue::Kind::kTuple};
        const std::vector<const PythonValue*> positional =
            positional_arguments(function, *site.call);
        for (std::size_t p = i; p < positional.size(); ++p) {
          if (positional[p]) rest.items.push_back(*positional[p]);
        }
        call.bindings.bind(params[i].substr(1), std::move(rest), &caller);
      } else if (const PythonValue* arg = argument(function, i, *site.call)) {
        call.bindings.bind(params[i], *arg, &caller);
      } else if (i < function.parameter_defaults.size() &&
                 !no_default(function.parameter_defaults[i])) {
        call.bindings.bind(params[i], function.parameter_defaults[i], &definer);
      }
    }
    out.push_back(std::move(call));
  }
  return out;
}

std::vector<PlacedValue> ValueFlow::values_of(std::size_t file, std::string_view scope,
                                              std::string_view name) {
  const std::optional<Home> home = home_of(file, scope, name);
  return home ? values_at(*home) : std::vector<PlacedValue>{};
}

std::vector<PlacedValue> ValueFlow::elements_of(const PlacedValue& sequence) {
  std::vector<PlacedValue> out;
  Seen seen;
  add_elements(sequence, 0, out, seen);
  return out;
}

void ValueFlow::add_elements(const PlacedValue& sequence, int depth, std::vector<PlacedValue>& out,
                             Seen& seen) {
  if (depth > kMaxDepth || !sequence.value) return;
  const PythonValue& v = *sequence.value;
  auto push = [&](const PythonValue& element) {
    const bool known = std::any_of(out.begin(), out.end(),
                                   [&](const PlacedValue& p) { return p.value == &element; });
    if (!known) out.push_back({.value = &element, .file = sequence.file, .scope = sequence.scope});
  };
  auto nested = [&](const PythonValue& value) {
    add_elements({.value = &value, .file = sequence.file, .scope = sequence.scope}, depth + 1, out,
                 seen);
  };
  switch (v.kind) {
    case PythonValue::Kind::kList:
    case PythonValue::Kind::kTuple:
      for (const PythonValue& item : v.items) {
        // `[*others, bp]`: a starred item is not read as a value.
        if (item.kind == PythonValue::Kind::kOther && item.text.starts_with('*')) continue;
        push(item);
      }
      return;
    case PythonValue::Kind::kBinary:
      if (v.text == "+" && v.items.size() == 2) {
        nested(v.items[0]);
        nested(v.items[1]);
      }
      return;
    case PythonValue::Kind::kName:
      if (const std::optional<Home> home = home_of(sequence.file, sequence.scope, v.text)) {
        if (seen.insert(home->key()).second) add_name_elements(*home, depth, out, seen);
      }
      return;
    case PythonValue::Kind::kCall: {
      if ((v.text == "list" || v.text == "tuple") && v.items.size() == 1) {
        nested(v.items[0]);
        return;
      }
      const NameTarget t = names_.resolve(sequence.file, sequence.scope, v.text);
      if (t.kind != NameTarget::Kind::kDefinition ||
          t.definition->kind != DefinitionFact::Kind::kFunction ||
          !seen.insert({t.file, t.definition->qualified_name, "return"}).second) {
        return;
      }
      for (const ReturnFact& r : files_[t.file].returns) {
        if (r.scope == t.definition->qualified_name) {
          add_elements({.value = &r.value, .file = t.file, .scope = r.scope}, depth + 1, out, seen);
        }
      }
      return;
    }
    default:
      return;
  }
}

void ValueFlow::add_name_elements(const Home& home, int depth, std::vector<PlacedValue>& out,
                                  Seen& seen) {
  auto from = [&](const PythonValue& value, std::size_t file, std::string_view scope) {
    add_elements({.value = &value, .file = file, .scope = scope}, depth + 1, out, seen);
  };
  if (home.function && home.function->parameters[home.parameter].starts_with("*") &&
      !home.function->parameters[home.parameter].starts_with("**")) {
    // `*args`: the positional arguments from its position on, at every call.
    for (const CallSite& site : call_sites(home.function)) {
      const std::vector<const PythonValue*> positional =
          positional_arguments(*home.function, *site.call);
      for (std::size_t i = home.parameter; i < positional.size(); ++i) {
        if (!positional[i]) continue;
        const bool known = std::any_of(
            out.begin(), out.end(), [&](const PlacedValue& p) { return p.value == positional[i]; });
        if (!known) out.push_back({.value = positional[i], .file = site.file, .scope = site.scope});
      }
    }
    return;
  }
  for (const PlacedValue& value : values_at(home))
    from(*value.value, value.file, value.scope);
  const FileIndex& idx = index(home.file);
  if (const auto a = idx.assignments.find({home.scope, home.name}); a != idx.assignments.end()) {
    for (const AssignmentFact* assignment : a->second) {
      if (assignment->augmented) from(assignment->value, home.file, assignment->scope);  // `+=`
    }
  }
  // `name.append(x)`, `name.extend(xs)`, `name.insert(i, x)` where `name` is this one.
  for (const CallFact& c : files_[home.file].calls) {
    const std::string& callee = c.call.text;
    if (callee.size() <= home.name.size() + 1 || !callee.starts_with(home.name) ||
        callee[home.name.size()] != '.') {
      continue;
    }
    const std::string_view method = std::string_view(callee).substr(home.name.size() + 1);
    if (method != "append" && method != "extend" && method != "insert") continue;
    const std::optional<Home> there = home_of(home.file, c.scope, home.name);
    if (!there || there->key() != home.key()) continue;
    const std::size_t at = method == "insert" ? 1 : 0;
    if (c.call.items.size() <= at) continue;
    if (method == "extend") {
      from(c.call.items[0], home.file, c.scope);
    } else {
      const PythonValue& element = c.call.items[at];
      const bool known = std::any_of(out.begin(), out.end(),
                                     [&](const PlacedValue& p) { return p.value == &element; });
      if (!known) out.push_back({.value = &element, .file = home.file, .scope = c.scope});
    }
  }
}

std::vector<Bindings> loop_iterations(ValueFlow& flow, const LoopFact& loop,
                                      const EvalScope& where) {
  PlacedValue sequence{.value = &loop.iterable, .file = where.file, .scope = where.scope};
  if (where.bindings && loop.iterable.kind == PythonValue::Kind::kName) {
    if (const auto bound = where.bindings->find(loop.iterable.text);
        bound != where.bindings->end()) {
      sequence.value = &bound->second;
      if (const Place* place = where.bindings->place_of(loop.iterable.text)) {
        sequence.file = place->file;
        sequence.scope = place->scope;
      }
    }
  }
  const std::vector<PlacedValue> elements = flow.elements_of(sequence);
  if (elements.empty()) return loop_iterations(loop, where);
  std::vector<Bindings> out;
  for (const PlacedValue& element : elements) {
    Bindings bindings = where.bindings ? *where.bindings : Bindings{};
    const Place place{.file = element.file, .scope = std::string(element.scope)};
    const bool here = element.file == where.file && element.scope == where.scope;
    const Place* at = here ? nullptr : &place;
    const PythonValue& value = *element.value;
    if (loop.targets.size() == 1) {
      bindings.bind(loop.targets[0], value, at);
    } else if ((value.kind == PythonValue::Kind::kTuple ||
                value.kind == PythonValue::Kind::kList) &&
               value.items.size() == loop.targets.size()) {
      for (std::size_t i = 0; i < value.items.size(); ++i)
        bindings.bind(loop.targets[i], value.items[i], at);
    }
    out.push_back(std::move(bindings));
  }
  return out;
}

}  // namespace cutover
