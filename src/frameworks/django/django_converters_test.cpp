// Converters a Django tree registers, carried to the route parameters.

#include "frameworks/django/django_converters.h"

#include <catch2/catch.hpp>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

TEST_CASE("a registered converter gives its parameters the class's regex", "[unit][django]") {
  const Inventory inv = testing::link_python(testing::django_project_files(
      R"(from django.urls import path, register_converter
from proj import converters, views

register_converter(converters.FourDigitYear, 'yyyy')

urlpatterns = [
    path('sales/<yyyy:year>/', views.sales),
    path('items/<slug:slug>/', views.item),
]
)",
      {{"proj/converters.py", R"(class Base:
    regex = '[^/]+'

class FourDigitYear(Base):
    regex = '[0-9]{' + '4}'

    def to_python(self, value):
        return int(value)
)"},
       {"proj/views.py",
        "def sales(request, year):\n    pass\n\ndef item(request, slug):\n    pass\n"}}));
  REQUIRE(inv.routes.size() == 2);
  for (const Route& r : inv.routes) {
    REQUIRE(r.params.size() == 1);
    if (r.params[0].type == "yyyy") {
      CHECK(r.params[0].regex == "[0-9]{4}");
    } else {
      CHECK(r.params[0].regex.empty());  // Django's own converters: the matcher knows them
    }
  }
}

}  // namespace
}  // namespace cutover
