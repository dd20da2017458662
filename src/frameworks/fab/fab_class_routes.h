#pragma once
// What one Flask-AppBuilder view or API class registers, the way
// BaseView/BaseApi.create_blueprint does it: every attribute of the instance
// (the whole MRO, tree classes and FAB's from fab_tables) whose most derived
// definition carries @expose/@expose_api URLs, filtered by
// include_route_methods / exclude_route_methods / disable_api_route_methods,
// under route_base (or its default from the class name, resource_name and
// version).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "frameworks/fab/fab_tables.h"
#include "link/name_resolver.h"
#include "link/static_eval.h"

namespace cutover {

// A class as FAB sees it: one of the tree's, one of FAB's, or another
// class outside the tree (a mixin from elsewhere: it exposes nothing known).
struct FabClassNode {
  std::size_t file = 0;
  const DefinitionFact* tree = nullptr;
  const FabClass* fab = nullptr;
  std::string external;

  bool found() const { return tree || fab; }
  auto key() const { return std::tuple(static_cast<const void*>(tree), fab, external); }
  bool operator==(const FabClassNode& o) const { return key() == o.key(); }
  std::string name() const;  // __name__
};

enum class FabClassKind : unsigned char { kOther, kView, kApi };

// One rule a class registers: `blueprint.add_url_rule(url, method, ...)`.
struct FabMethodRoute {
  std::string method;
  std::string url;                // relative to route_base; "" when not static
  std::vector<std::string> http;  // upper case, sorted, unique
  // The tree function that defines the method, when the tree does.
  std::size_t file = 0;
  const DefinitionFact* definition = nullptr;
  std::uint32_t line = 0;               // its @expose decorator
  std::vector<std::string> guards;      // @has_access, @has_access_api, @protect(...)
  std::vector<std::string> unresolved;  // "url <expr>", "methods <expr>"
};

struct FabClassRoutes {
  FabClassKind kind = FabClassKind::kOther;
  std::string route_base;               // as FAB computes it
  std::vector<FabMethodRoute> routes;   // by method name, then url
  std::vector<std::string> unresolved;  // "route_base <expr>", "exclude_route_methods <expr>"
};

class FabClassResolver {
 public:
  explicit FabClassResolver(const NameResolver& names) : names_(names) {}

  // The class `dotted` names from `scope` of `file` (nullopt: not a class).
  std::optional<FabClassNode> resolve(std::size_t file, std::string_view scope,
                                      std::string_view dotted) const;
  static FabClassNode fab(std::string_view name);

  // Python's C3 method resolution order, the class first.
  const std::vector<FabClassNode>& mro(const FabClassNode& cls);

  // The class-body value of `attribute`, from the first class of the MRO
  // that sets it in the tree; nullptr when none does (a FAB class may).
  struct TreeAttribute {
    const PythonValue* value = nullptr;
    EvalScope at;
  };
  std::optional<TreeAttribute> tree_attribute(const FabClassNode& tree_class,
                                              std::string_view attribute) const;

  FabClassRoutes routes(const FabClassNode& cls);

 private:
  std::vector<FabClassNode> bases(const FabClassNode& cls) const;
  std::vector<FabClassNode> linearize(const FabClassNode& cls, int depth);
  std::vector<FabMethodRoute> exposures_of(const FabClassNode& cls, std::string_view method) const;

  const NameResolver& names_;
  std::map<decltype(FabClassNode{}.key()), std::vector<FabClassNode>> mro_;
};

}  // namespace cutover
