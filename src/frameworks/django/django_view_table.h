#pragma once
// What the view classes of Django and DRF (and a few packages built on them)
// serve, as data: one table per framework, keyed by the class's full dotted
// origin, so that a package's own `LoginView` is not taken for Django's.

#include <string_view>
#include <vector>

namespace cutover {

struct KnownViewClass {
  std::string_view origin;  // "django.views.generic.edit.UpdateView", where it is defined
  // HTTP handlers it defines or inherits, lowercase. View and APIView define
  // `options` themselves; like the resolver dump, it is not counted.
  std::vector<std::string_view> handlers;
  // DRF viewsets and their mixins: the actions they provide (list, create, ...).
  std::vector<std::string_view> actions;
};

// The class `dotted` names (as imported: "django.views.generic.UpdateView",
// a package re-export, is the class defined in django.views.generic.edit),
// or nullptr when it is not a known class. A known class with no handlers
// (View, APIView, GenericViewSet) is a base whose handlers its subclasses add.
const KnownViewClass* known_view_class(std::string_view dotted);

}  // namespace cutover
