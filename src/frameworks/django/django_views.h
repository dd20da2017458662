#pragma once
// What a Django or DRF view serves: HTTP methods (the way the resolver dump
// reports them: "ANY" for an unrestricted function view, the handlers a
// class-based view has otherwise), auth/CSRF guards, and the handler name.

#include <optional>
#include <string>
#include <vector>

#include "link/name_resolver.h"
#include "link/static_eval.h"

namespace cutover {

struct DjangoView {
  std::string handler;  // dotted module.qualname, or the string as written
  std::vector<std::string> methods;
  std::vector<std::string> guards;
  std::string unresolved;  // non-empty when the view could not be resolved
  std::size_t file = 0;
  std::uint32_t line = 0;  // where the view is defined, 0 if unknown
};

// `view` as written in path()/url(): a function, `Cls.as_view(...)`,
// `ViewSet.as_view({'get': 'list'})` or a dotted string ('app.views.index',
// with `string_prefix` from Django 1.x patterns('prefix', ...)).
DjangoView describe_django_view(const NameResolver& names, const PythonValue& view,
                                const EvalScope& where, const std::string& string_prefix);

// What a class-based view serves, as far as the tree and the known-view
// tables (django_view_table.h) tell.
struct ClassView {
  // Its handlers through inheritance, filtered by http_method_names; sorted, upper case.
  std::vector<std::string> methods;
  // LoginRequiredMixin, method_decorator(login_required)...
  std::vector<std::string> guards;
  // A base class from another package with no entry in the tables: its
  // handlers are unknown. The first one, "" if none.
  std::string unknown_base;
  bool dispatches = false;  // a class of the tree on its way defines dispatch()
};
ClassView class_view(const NameResolver& names, std::size_t file, std::string_view scope,
                     std::string_view dotted);

// Viewset actions (list, create, ..., bulk_destroy) a ViewSet class has: the
// methods of its classes in the tree and those of DRF's known viewsets/mixins.
std::vector<std::string> viewset_actions(const NameResolver& names, std::size_t file,
                                         std::string_view scope, std::string_view dotted);

}  // namespace cutover
