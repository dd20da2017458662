#pragma once
// What code touches, resolved across modules: the names a scope uses
// (`request.form`, `session`, `Order.query`) turned into what they are —
// an external name ("flask.request.form"), an attribute of the view's
// request parameter ("request.POST"), or a data model ("model:shop.models.Order").

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "link/module_index.h"
#include "link/name_resolver.h"
#include "model/data_model.h"
#include "model/file_summary.h"
#include "model/inventory.h"
#include "model/string_map.h"

namespace cutover {

class CodeUseResolver {
 public:
  CodeUseResolver(const NameResolver& names, const std::vector<DataModel>& models);

  // Resolved uses of `scope` of file `f` and of every scope nested in it
  // (a view class's methods); one per resolved name, at its first line.
  // `scope` "" means every scope of the file.
  std::vector<NameUse> uses_in(std::size_t f, std::string_view scope) const;

  // uses_in of the base classes that views share, kept from one handler to
  // the next: a Django project's hundreds of views resolve the same few
  // generic bases. Keyed by (file, class).
  using InheritedUses = std::map<std::pair<std::size_t, std::string>, std::vector<NameUse>>;

  // What a route's handler touches: uses_in its scope and, for a
  // class-based view, in the methods it inherits from classes of the tree.
  std::vector<HandlerUse> handler_uses(std::size_t f, std::string_view scope,
                                       InheritedUses* inherited = nullptr) const;

  // Every model access in the functions of file `f`; a function that calls
  // a writing method (`.add`, `.save`, `.delete`, `.create`, `.update`,
  // `.commit`, ...) writes every table it touches.
  std::vector<TableAccess> table_accesses(std::size_t f, const std::string& module_id) const;

 private:
  std::string resolve(std::size_t f, const NameUse& use) const;
  const DataModel* model_of(const NameTarget& target) const;

  const NameResolver& names_;
  StringMap<const DataModel*> models_;               // by dotted name
  StringMap<const DataModel*> models_by_parameter_;  // "order_item"
  StringSet local_names_;                            // last component of each model's name
  bool may_name_model(std::string_view use) const;
};

// "model:shop.models.Order.query" → the model's dotted name, or "" for other uses.
std::string_view model_in_use(std::string_view resolved);

}  // namespace cutover
