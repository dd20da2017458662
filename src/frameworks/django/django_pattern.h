#pragma once
// Django URL patterns: `path()` routes with converters and `re_path()`/`url()`
// regexes, joined through include() the way Django's resolver joins them,
// and turned into typed params and a FastAPI path template.

#include <string>
#include <string_view>

#include "frameworks/flask/flask_rule.h"
#include "model/inventory.h"

namespace cutover {

enum class PatternKind : std::uint8_t { kRoute, kRegex };

// Joins an include prefix and a pattern: regexes lose the inner '^' (as the
// resolver's reverse() does), routes concatenate.
std::string join_django_pattern(std::string_view prefix, std::string_view pattern,
                                PatternKind kind);

// "^users/(?P<pk>\d+)/$" or "users/<int:pk>/" (or a join of both) →
// "/users/{pk}/", params [{pk, int}].
ConvertedRule convert_django_pattern(std::string_view pattern);

}  // namespace cutover
