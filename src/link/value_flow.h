#pragma once
// How values reach a name, as a static inventory needs it: every assignment
// to the name in its scope and, for a function parameter, the argument every
// call of the function passes (by position, by keyword, through a literal
// *args / **kwargs) or else its default. Flow-insensitive: a name holds the
// union of everything written to it, so `if not bps: bps = DEFAULTS` and
// `bps = bps + DEFAULTS` both contribute. From that, the elements a sequence
// can hold (list and tuple literals, `+`, `.append()` / `.extend()` / `+=`,
// list() / tuple(), functions of the tree that return one), and the
// iterations of a `for` over it.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "link/name_resolver.h"
#include "link/static_eval.h"
#include "model/file_summary.h"

namespace cutover {

// A value as written, with where the names in it are looked up.
struct PlacedValue {
  const PythonValue* value = nullptr;
  std::size_t file = 0;
  std::string_view scope;  // a view into the file's summary
};

// One call of a function of the tree: a statement, a call assigned or
// returned (`app = create_app(...)`, `return create_app(...)`), or a call
// among their arguments (`app.include_router(make_router())`).
struct CallSite {
  std::size_t file = 0;
  std::string_view scope;
  const PythonValue* call = nullptr;  // kCall
  std::uint32_t line = 0;
  std::int32_t condition = -1;  // the statement's innermost `if` branch in `file`
};

class ValueFlow {
 public:
  explicit ValueFlow(const NameResolver& names) : names_(names), files_(names.files()) {}
  ValueFlow(const ValueFlow&) = delete;
  ValueFlow& operator=(const ValueFlow&) = delete;

  const NameResolver& names() const { return names_; }

  // The calls of `function` in the tree, in file and line order; indexed on first use.
  const std::vector<CallSite>& call_sites(const DefinitionFact* function);

  // What a call passes for parameter `index` of `function`: the keyword, the
  // positional argument (after `self` for a method called on an object), an
  // item of a literal `*[...]`, an entry of a literal `**{...}`; or nullptr.
  static const PythonValue* argument(const DefinitionFact& function, std::size_t index,
                                     const PythonValue& call);

  // The function `qualified_name` of `file`, or nullptr.
  const DefinitionFact* function(std::size_t file, std::string_view qualified_name);

  // One set of bindings per call of `function` (defined in `file`): each
  // parameter bound to what the call passes (`*args`: a tuple of the rest),
  // or else to its default, with the place it is written.
  struct CallBindings {
    const CallSite* site = nullptr;
    Bindings bindings;
  };
  std::vector<CallBindings> bindings_per_call(std::size_t file, const DefinitionFact& function);

  // Every value the plain name `name` can hold in `scope` of `file`.
  std::vector<PlacedValue> values_of(std::size_t file, std::string_view scope,
                                     std::string_view name);

  // The elements `sequence` can hold, in the order written, each once.
  // Empty when none is known.
  std::vector<PlacedValue> elements_of(const PlacedValue& sequence);

 private:
  // Where a name is bound: the scope whose assignments (and whose function's
  // parameter) give it its values.
  struct Home {
    std::size_t file = 0;
    std::string_view scope;
    std::string_view name;
    const DefinitionFact* function = nullptr;  // when `name` is its parameter
    std::size_t parameter = 0;
    auto key() const { return std::tuple(file, scope, name); }
  };
  struct FileIndex {
    bool built = false;
    std::map<std::pair<std::string_view, std::string_view>, std::vector<const AssignmentFact*>>
        assignments;  // (scope, target) -> every assignment, augmented too
    std::unordered_map<std::string_view, const DefinitionFact*> functions;  // by qualified name
  };

  const FileIndex& index(std::size_t file);
  std::optional<Home> home_of(std::size_t file, std::string_view scope, std::string_view name);
  std::vector<PlacedValue> values_at(const Home& home);
  void add_elements(const PlacedValue& sequence, int depth, std::vector<PlacedValue>& out,
                    std::set<std::tuple<std::size_t, std::string_view, std::string_view>>& seen);
  void add_name_elements(
      const Home& home, int depth, std::vector<PlacedValue>& out,
      std::set<std::tuple<std::size_t, std::string_view, std::string_view>>& seen);

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<FileIndex> indexes_;
  std::map<const DefinitionFact*, std::vector<CallSite>> call_sites_;
  bool call_sites_indexed_ = false;
};

// One set of bindings per element the loop's iterable can hold, through
// `flow` (a parameter's arguments at every call, constants across modules,
// concatenations): a single target is bound to the element, several targets
// to the items of an element that unpacks into them. A value written
// elsewhere than the loop is bound with its place. When no element is known:
// loop_iterations(loop, where), at least one iteration.
std::vector<Bindings> loop_iterations(ValueFlow& flow, const LoopFact& loop,
                                      const EvalScope& where);

}  // namespace cutover
