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

// HTTP methods a class serves: its handlers through inheritance (Django's
// and DRF's generic views known by name), filtered by http_method_names.
// Also collects guards (LoginRequiredMixin, method_decorator(login_required)).
// `unknown_base`, when given, receives a base class from another package that
// has no entry in the known-views table (its handlers are unknown).
std::vector<std::string> class_view_methods(const NameResolver& names, std::size_t file,
                                            std::string_view scope, std::string_view dotted,
                                            std::vector<std::string>* guards,
                                            std::string* unknown_base = nullptr);

// Viewset actions (list, create, ..., bulk_destroy) a ViewSet class has: the
// methods of its classes in the tree and those of DRF's known viewsets/mixins.
std::vector<std::string> viewset_actions(const NameResolver& names, std::size_t file,
                                         std::string_view scope, std::string_view dotted);

}  // namespace cutover
