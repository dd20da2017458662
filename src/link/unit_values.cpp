// UnitUseResolver's view of values: what a call returns (an instance of a
// class of the tree, what a function of the tree returns, a row an ORM
// fetches), followed through assignments and returns, memoized.
#include <algorithm>

#include "link/unit_uses.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

bool is_builtin_value(PythonValue::Kind kind) {
  using K = PythonValue::Kind;
  return kind == K::kString || kind == K::kFString || kind == K::kNumber || kind == K::kList ||
         kind == K::kTuple || kind == K::kDict || kind == K::kBool || kind == K::kNone;
}

}  // namespace

UseTarget UnitUseResolver::call_result(UseTarget callee, int depth) const {
  using K = UseTarget::Kind;
  switch (callee.kind) {
    case K::kClass:
      return {K::kInstance, callee.id};
    case K::kFunction:
      return returned(callee.id, depth + 1);
    case K::kExternal:
      return callee;
    default:
      return {};
  }
}

UseTarget UnitUseResolver::value_target(std::size_t file, std::string_view scope,
                                        const PythonValue& v, int depth) const {
  if (depth > kMaxDepth) return {};
  if (is_builtin_value(v.kind)) return {UseTarget::Kind::kExternal, 0};
  if (v.kind == PythonValue::Kind::kName) return follow(file, scope, v.text, depth + 1, nullptr);
  if (v.kind == PythonValue::Kind::kCall && !v.text.empty()) {
    const UseTarget callee = follow(file, scope, v.text, depth + 1, nullptr);
    if (const auto model = orm_instance(file, scope, v, callee))
      return {UseTarget::Kind::kInstance, *model};
    return call_result(callee, depth + 1);
  }
  return {};
}

// The ORMs' ways to fetch one row as an instance: Django's
// `get_object_or_404(Order, ...)`, `Order.objects.get(...)` and
// `.create(...)`, SQLAlchemy's `Order.query.get(...)`, `.first()`,
// `.get_or_404()` and `.one()`.
std::optional<std::uint32_t> UnitUseResolver::orm_instance(std::size_t file, std::string_view scope,
                                                           const PythonValue& call,
                                                           UseTarget callee) const {
  return orm_instance(file, scope, call.text, call.positional(0), callee);
}

std::optional<std::uint32_t> UnitUseResolver::orm_instance(std::size_t file, std::string_view scope,
                                                           std::string_view text,
                                                           const PythonValue* first,
                                                           UseTarget callee) const {
  if (callee.kind != UseTarget::Kind::kExternal) return std::nullopt;
  const std::string_view method = last_name(text);
  std::string_view model_name;
  if (method == "get_object_or_404") {
    if (!first || first->kind != PythonValue::Kind::kName) return std::nullopt;
    model_name = first->text;
  } else {
    static constexpr std::string_view kOne[] = {
        "get", "first",       "last",   "create",   "get_or_404", "first_or_404",
        "one", "one_or_none", "latest", "earliest", "get_by_id",  "get_by_id_and_org"};
    if (std::find(std::begin(kOne), std::end(kOne), method) == std::end(kOne)) return std::nullopt;
    const std::string_view manager = parent_name(text);
    if (last_name(manager) != "objects" && last_name(manager) != "query") return std::nullopt;
    model_name = parent_name(manager);
  }
  if (model_name.empty()) return std::nullopt;
  const UseTarget t = follow(file, scope, model_name, kMaxDepth, nullptr);
  if (t.kind != UseTarget::Kind::kClass || !class_info(t.id).model) return std::nullopt;
  return t.id;
}

// What a function of the tree returns: the first return whose value is a
// class, an instance or a function of the tree; else something outside it.
UseTarget UnitUseResolver::returned(std::uint32_t function, int depth) const {
  if (depth > kMaxDepth) return {};
  const std::uint64_t key =
      (static_cast<std::uint64_t>(function) << 8) | (static_cast<std::uint64_t>(depth) << 1) | 1;
  return memoized(key, [&] {
    const std::size_t f = units_.file(function);
    UseTarget found;
    for (const std::uint32_t i : units_.returns(function)) {
      const ReturnFact& r = units_.files()[f].returns[i];
      const UseTarget t = value_target(f, r.scope, r.value, depth + 1);
      if (t.kind == UseTarget::Kind::kExternal) {
        found = t;
      } else if (t.kind != UseTarget::Kind::kUnknown && t.kind != UseTarget::Kind::kModule) {
        return t;
      }
    }
    return found;
  });
}

}  // namespace cutover
