#pragma once
// What a unit of code really uses, resolved through the name resolver: the
// functions it calls or passes on, the classes it instantiates or names
// (with the methods their framework calls), the methods it calls on `self`,
// `cls`, `super()` and on values whose class is known (a local bound to
// `Cart(...)`, what a function of the tree returns, an annotated or
// model-named parameter), the decorators it carries, and the module
// attributes it reads. An import alone is no use. A call on a receiver
// that resolves to nothing is counted, never guessed.

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "link/code_units.h"
#include "link/name_resolver.h"
#include "model/data_model.h"
#include "model/string_map.h"

namespace cutover {

struct UnitEdges {
  std::vector<std::uint32_t> units;    // definition ids of the units used, sorted, unique
  std::vector<std::uint32_t> modules;  // files whose module-level names it reads, sorted, unique
  std::uint32_t unresolved_calls = 0;
  void finish();  // sorts and removes duplicates
};

// What a name denotes, as far as uses need: a unit (function or class of
// the tree), an instance of a class of the tree, a module, or something
// outside the tree (a library, a builtin value).
struct UseTarget {
  enum class Kind : std::uint8_t { kUnknown, kExternal, kModule, kFunction, kClass, kInstance };
  Kind kind = Kind::kUnknown;
  std::uint32_t id = 0;  // kFunction, kClass, kInstance: definition id; kModule: file
};

class UnitUseResolver {
 public:
  UnitUseResolver(const NameResolver& names, const CodeUnits& units,
                  const std::vector<char>& test_files, const std::vector<DataModel>& models);

  // The direct uses of a unit, computed once (safe from any thread).
  const UnitEdges& edges(std::uint32_t unit) const;
  // Records what the chain `name`, written in `scope` of `file`, uses.
  void add_use(std::size_t file, std::string_view scope, std::string_view name, bool called,
               UnitEdges& out) const;
  // What using a class brings: the class, its `__init__` (a data model's
  // only when `instantiated`), and every method of a class a framework
  // drives (one deriving from a library class, not a data model), as the
  // framework calls them.
  void add_class_use(std::uint32_t cls, UnitEdges& out, bool instantiated = true) const;
  bool in_test(std::uint32_t id) const { return test_files_[units_.file(id)] != 0; }

 private:
  // How far a value's class is followed through assignments and returns:
  // `cart = _cart()` where `_cart` returns `SessionCart(uid)` is two steps
  // (each step counts its assignment, call and return: a few levels).
  static constexpr int kMaxDepth = 16;

  struct ClassInfo {
    std::vector<std::uint32_t> lineage;  // the class and its ancestors in the tree, nearest first
    std::vector<std::pair<std::string_view, std::uint32_t>> methods;  // first definer, by name
    bool framework = false;  // derives from a class outside the tree
    bool model = false;      // a data model, or derives from an ORM's model base
  };
  const ClassInfo& class_info(std::uint32_t cls) const;
  ClassInfo compute_class_info(std::uint32_t cls) const;
  std::optional<std::uint32_t> method(std::uint32_t cls, std::string_view name,
                                      bool past_itself = false) const;
  std::optional<std::uint32_t> related_model(std::uint32_t cls, std::string_view attribute) const;
  std::optional<std::uint32_t> relation_target(std::size_t file, std::string_view scope,
                                               const PythonValue& value) const;
  UnitEdges compute_edges(std::uint32_t unit) const;

  UseTarget follow(std::size_t file, std::string_view scope, std::string_view chain, int depth,
                   UnitEdges* out) const;
  UseTarget from_name(const NameTarget& t, std::string_view scope, int depth, UnitEdges* out) const;
  UseTarget member(UseTarget base, std::string_view attribute, UnitEdges* out) const;
  UseTarget call_result(UseTarget callee, int depth) const;
  UseTarget value_target(std::size_t file, std::string_view scope, const PythonValue& v,
                         int depth) const;
  UseTarget returned(std::uint32_t function, int depth) const;
  std::optional<std::uint32_t> model_named(std::string_view local) const;
  void add_decorator(std::size_t file, std::string_view scope, const PythonValue& v, UnitEdges& out,
                     int depth) const;
  void index_callbacks();
  void index_auth_backends();
  void add_units(const std::vector<std::uint32_t>& ids, UnitEdges* out) const;
  std::optional<std::uint32_t> orm_instance(std::size_t file, std::string_view scope,
                                            const PythonValue& call, UseTarget callee) const;
  // The same from a call's text and first argument (`F().m` chains).
  std::optional<std::uint32_t> orm_instance(std::size_t file, std::string_view scope,
                                            std::string_view text, const PythonValue* first,
                                            UseTarget callee) const;

  const NameResolver& names_;
  const CodeUnits& units_;
  const std::vector<char>& test_files_;
  StringSet model_names_;                    // dotted
  StringMap<std::uint32_t> model_by_local_;  // "order_item" → class id (unique ones)
  StringMap<std::uint32_t> model_by_class_;  // "OrderItem" → class id (unique ones)
  // ORM relations: (model class id, attribute) → the related model. Declared
  // (`items = db.relationship('OrderItem')`, `site = models.ForeignKey(Site)`)
  // and the reverse a declaration names (`backref='order'`, `related_name=`).
  std::map<std::pair<std::uint32_t, std::string_view>, std::uint32_t> relations_;
  void add_relations(std::uint32_t model);
  // Values followed through an assignment or a function's returns, by
  // (what, id, depth): the same module-level `db` or helper is asked about
  // from hundreds of units. The value for a key never depends on who asks
  // first, so two threads computing it at once store the same.
  struct MemoShard {
    std::mutex mutex;
    std::unordered_map<std::uint64_t, UseTarget> values;
  };
  mutable std::array<MemoShard, 16> memo_;
  std::vector<std::uint32_t> assignment_offset_;  // per file: id of its first assignment
  // Functions a library object runs back: those registered on a module-level
  // object by a plain attribute decorator used once (`@token_auth.verify_token`),
  // with the attribute, by the object's assignment.
  std::unordered_map<const AssignmentFact*, std::vector<std::pair<std::string_view, std::uint32_t>>>
      callbacks_;
  // flask_login's user loaders (`@login.user_loader`): what current_user is.
  std::vector<std::uint32_t> user_loaders_;
  // The methods Django calls on settings.AUTHENTICATION_BACKENDS: get_user
  // (request.user, login_required) and authenticate (authenticate()).
  std::vector<std::uint32_t> backend_get_user_, backend_authenticate_;
  template <class Compute>
  UseTarget memoized(std::uint64_t key, Compute compute) const {
    MemoShard& shard = memo_[(key >> 8) % memo_.size()];
    {
      const std::lock_guard<std::mutex> lock(shard.mutex);
      if (const auto it = shard.values.find(key); it != shard.values.end()) return it->second;
    }
    // Computed unlocked: it may ask for other keys, at a greater depth.
    const UseTarget value = compute();
    const std::lock_guard<std::mutex> lock(shard.mutex);
    shard.values.emplace(key, value);
    return value;
  }
  mutable std::unique_ptr<std::once_flag[]> edge_once_, class_once_;
  mutable std::vector<UnitEdges> edges_;
  mutable std::vector<std::unique_ptr<ClassInfo>> classes_;
};

}  // namespace cutover
