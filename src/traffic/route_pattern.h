#pragma once
// A route's path as the regex its framework matches requests with, in PCRE2
// syntax with Python `re` meaning (compiled with UTF, UCP, ALT_BSUX: `\d`
// and `\w` are Unicode-aware as in a Python 3 str pattern), plus the
// literal text it starts with (to index it) and werkzeug's rule order.
//   Flask     werkzeug's converters: string `[^/]{1,}` (length, minlength,
//             maxlength), int `\d+` (fixed_digits, signed), float, path
//             `[^/].*?`, uuid, any(a, b); others `[^/]+` (BaseConverter).
//   Django    Route::path as joined through include(): `path()` converters
//             (int `[0-9]+`, str `[^/]+`, slug, uuid, path `.+`; others
//             `[^/]+`) and regex text kept as Python wrote it; matched from
//             the first character after the leading '/'.
//   FastAPI   Starlette's compile_path: {x} `[^/]+`, {x:int}, {x:float},
//             {x:uuid}, {x:path} `.*`.

#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cutover {

struct RoutePattern {
  std::string regex;           // matches the whole path from its leading '/'
  std::string literal_prefix;  // "/api/users/": what every matching path starts with
  std::string rest;            // regex = literal_prefix (escaped) + rest
  bool backreference = false;  // needs its own groups (compiled alone, names kept)
  // Flask: the rule ends with '/', and its regex also matches the path
  // without it, which werkzeug redirects (the literal prefix leaves that
  // last '/' out). Django: always (APPEND_SLASH). FastAPI: the path ends with '/'.
  bool trailing_slash = false;
};

// `strict_slashes`: false for a rule declared strict_slashes=False.
RoutePattern flask_route_pattern(std::string_view rule, bool strict_slashes = true);
// `converters`: regexes of the path() converters the tree registers, by name.
RoutePattern django_route_pattern(std::string_view joined,
                                  const std::map<std::string, std::string>* converters = nullptr);
RoutePattern fastapi_route_pattern(std::string_view path);

// werkzeug's Rule.match_compare_key (0.15 to 2.1; 2.2's state machine picks
// the same rule for the rules it sorts): rules without arguments first,
// then more static parts, static weights, more arguments, converter weights.
struct WerkzeugKey {
  bool has_arguments = false;
  std::int64_t static_count = 0;                    // negated: more static parts sort first
  std::vector<std::pair<int, int>> static_weights;  // (piece index, -length)
  std::int64_t argument_count = 0;                  // negated
  std::vector<int> argument_weights;
  auto operator<=>(const WerkzeugKey&) const = default;
};
WerkzeugKey werkzeug_sort_key(std::string_view rule);

// Python regex text → PCRE2 text with the same meaning: `\Z` → `\z`; named
// groups `(?P<n>...)` made non-capturing when `strip_names` (alternatives of
// one pattern may not repeat a name).
// `converters`: regexes of registered path() converters by name (Python text).
std::string python_regex_to_pcre2(std::string_view python, bool strip_names,
                                  const std::map<std::string, std::string>* converters = nullptr);

}  // namespace cutover
