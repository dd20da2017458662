#pragma once
// The view a DRF DefaultRouter serves at its API root ('^$', name 'api-root').
// DefaultRouter.get_urls() calls self.get_api_root_view(), which builds
// self.APIRootView: an instance attribute (`router.APIRootView = MyRoot`),
// a class attribute of a router subclass, or DRF's own APIRootView. A router
// subclass may instead override get_api_root_view and define the view class
// inside it (DRF < 3.7 did so itself).

#include <string>
#include <vector>

#include "link/name_resolver.h"

namespace cutover {

struct ApiRootView {
  std::string handler = "rest_framework.routers.APIRootView";  // dotted
  std::vector<std::string> methods = {"GET"};
};

// `instance_value`: the value of the last `router.APIRootView = X` on this
// router (nullptr when none), evaluated in `instance_scope`.
// `router_class`: the router's class as the construction names it, seen from
// `scope` of `file`.
ApiRootView drf_api_root_view(const NameResolver& names, std::size_t file, std::string_view scope,
                              std::string_view router_class, const PythonValue* instance_value,
                              std::size_t instance_file, std::string_view instance_scope);

}  // namespace cutover
