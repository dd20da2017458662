#pragma once
// Django REST Framework routers: `router = DefaultRouter()` and its
// `router.register(prefix, ViewSet, basename=)` calls anywhere in the tree,
// expanded into the URL patterns DRF's SimpleRouter.get_urls() generates
// (list, detail and @action routes; DefaultRouter's API root).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "frameworks/django/drf_api_root.h"
#include "link/class_hierarchy.h"
#include "link/name_resolver.h"

namespace cutover {

struct RouterPattern {
  std::string regex;  // "^users/(?P<pk>[^/.]+)/$"
  std::string name;   // "user-detail"
  std::vector<std::string> methods;
  std::vector<std::string> actions;  // the viewset methods the router maps them to, sorted
  std::string handler;               // the viewset class, dotted
  std::size_t file = 0;
  std::uint32_t line = 0;       // the register() call
  std::int32_t condition = -1;  // branch number (ConditionFact) of the call's innermost `if`
  bool api_root = false;
};

class DrfRouters {
 public:
  // `constructions`: find_class_constructions(names).
  DrfRouters(const NameResolver& names, const std::vector<ClassConstruction>& constructions);

  // The patterns of the router `dotted` names (as in `router.urls`), or nullopt
  // when it is not a router of the tree.
  std::optional<std::vector<RouterPattern>> patterns(std::size_t file, std::string_view scope,
                                                     std::string_view dotted) const;

 private:
  struct Registration {
    std::size_t file;
    std::string scope;
    std::uint32_t line;
    std::int32_t condition;  // the call's innermost `if` branch, -1 for none
    const PythonValue* call;
    std::size_t first_argument = 0;  // 1 for a chained `.register(...)`: items[0] is its receiver
    // drf-extensions nesting: `router.register(parent...).register(child...,
    // parents_query_lookups=["epic"])` puts the child under the parent's
    // detail URL: "<parent prefix>/(?P<parent_lookup_epic>[^/.]+)/<child prefix>".
    // Empty for a plain registration, whose prefix is its first argument.
    std::optional<std::string> nested_prefix;
  };
  struct Router {
    std::size_t file;
    bool default_router = false;
    bool trailing_slash = true;
    // method -> action added by a router subclass to the list (0) or detail (2)
    // route: `self.routes[0].mapping.update({'delete': 'bulk_destroy'})`.
    std::map<int, std::map<std::string, std::string>> extra_mappings;
    std::vector<Registration> registrations;
    ApiRootView root;  // DefaultRouter's API root view
  };
  std::vector<RouterPattern> expand(const Router& router) const;

  const NameResolver& names_;
  std::map<const AssignmentFact*, Router> routers_;
};

}  // namespace cutover
