#include "link/route_facts.h"

#include <algorithm>
#include <unordered_map>

#include "link/condition_eval.h"
#include "link/test_code.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

// One branch: its test, and whether it runs when the test fails.
struct Branch {
  const ConditionFact* test;
  bool negated;
};

// The branches of `ref`, innermost first.
std::vector<Branch> chain(const std::vector<FileSummary>& files, ConditionRef ref) {
  std::vector<Branch> out;
  const std::vector<ConditionFact>& conditions = files[ref.file].conditions;
  for (std::int32_t b = ref.index; b >= 0 && branch_test(b) < conditions.size() && out.size() < 64;
       b = conditions[branch_test(b)].parent) {
    out.push_back(Branch{.test = &conditions[branch_test(b)], .negated = branch_fails(b)});
  }
  return out;
}

// The definition a handler's dotted name names, as inspect would find it.
std::optional<std::pair<std::size_t, const DefinitionFact*>> handler_definition(
    const Route& r, const NameResolver& names, const ModuleIndex& index) {
  const std::optional<std::size_t> f = index.find_enclosing(r.handler, {});
  if (!f) return std::nullopt;
  const FileSummary& file = names.files()[*f];
  if (r.handler.size() <= file.module.size() + 1) return std::nullopt;
  const std::string_view rest = std::string_view(r.handler).substr(file.module.size() + 1);
  for (const DefinitionFact& d : file.definitions) {
    if (d.qualified_name == rest) return std::pair{*f, &d};
  }
  // Re-exported: `from .views import UserView` in a package's __init__.
  const NameTarget t = names.resolve(*f, "", rest);
  if (t.kind == NameTarget::Kind::kDefinition) return std::pair{t.file, t.definition};
  return std::nullopt;
}

}  // namespace

std::string condition_text(const std::vector<FileSummary>& files, ConditionRef ref) {
  std::string out;
  const std::vector<Branch> branches = chain(files, ref);
  for (auto it = branches.rbegin(); it != branches.rend(); ++it) {
    if (!out.empty()) out += " and ";
    const PythonValue& test = it->test->test;
    const bool is_not =
        test.kind == PythonValue::Kind::kBinary && test.text == "not" && test.items.size() == 1;
    if (it->negated && is_not) {
      out += render(test.items[0]);  // `if not x: return` leaves the rest under x
    } else {
      out += it->negated ? "not (" + render(test) + ")" : render(test);
    }
  }
  return out;
}

void complete_routes(Inventory& inv, const NameResolver& names, const ModuleIndex& index,
                     unsigned jobs) {
  const std::vector<FileSummary>& files = names.files();
  parallel_for_each_index(inv.routes.size(), jobs, [&](std::size_t i) {
    Route& r = inv.routes[i];
    if (r.handler_file.empty()) {
      if (const auto found = handler_definition(r, names, index)) {
        r.handler_file = files[found->first].path;
        r.handler_line = found->second->first_line;
      }
    }
    std::sort(r.condition_refs.begin(), r.condition_refs.end());
    r.condition_refs.erase(std::unique(r.condition_refs.begin(), r.condition_refs.end()),
                           r.condition_refs.end());
    if (r.condition_refs.empty()) return;
    // A condition the extractor knew without an `if` (Django's static()
    // serves only when settings.DEBUG) comes first and counts the same.
    std::string text = r.condition;
    bool unknown = r.conditional && !r.enabled_by_default;
    bool off = r.enabled_by_default == false;
    r.conditional = true;
    for (const ConditionRef& ref : r.condition_refs) {
      const std::string part = condition_text(files, ref);
      if (part.empty() || part == r.condition) continue;
      if (!text.empty()) text += " and ";
      text += part;
      for (const Branch& b : chain(files, ref)) {
        const EvalScope where{.names = &names, .file = ref.file, .scope = b.test->scope};
        std::optional<bool> holds = condition_holds(b.test->test, where);
        if (holds && b.negated) holds = !*holds;
        off = off || holds == false;
        unknown = unknown || !holds;
      }
    }
    r.condition = std::move(text);
    if (off) {
      r.enabled_by_default = false;
    } else if (!unknown) {
      r.enabled_by_default = true;
    } else {
      r.enabled_by_default = std::nullopt;
    }
  });
  // Test code's routes and the framework's own: listed apart, in the same order.
  std::vector<Route> app;
  for (Route& r : inv.routes) {
    if (is_test_path(r.file)) {
      r.origin = "test";
      inv.test_routes.push_back(std::move(r));
    } else if (!r.auto_kind.empty()) {
      inv.auto_routes.push_back(std::move(r));
    } else {
      app.push_back(std::move(r));
    }
  }
  inv.routes = std::move(app);
}

}  // namespace cutover
