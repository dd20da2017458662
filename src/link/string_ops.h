#pragma once
// The str operations URL rules are built with, on values already known:
// printf-style `%` formatting, `str.format`, and the str methods rules call
// (lower, upper, strip, replace).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/python_value.h"

namespace cutover {

// Evaluates one argument of a call to a string, or nullopt when not static.
using EvaluateArgument = std::function<std::optional<std::string>(const PythonValue&)>;

// `format % args` with %s / %d / %r and %%, which is all URL rules use.
std::optional<std::string> percent_format(const std::string& format,
                                          const std::vector<std::string>& args);

// `receiver.method(...)`: the call's positional arguments start at `first`
// (1 when items[0] is the receiver). nullopt for other methods.
std::optional<std::string> string_method(std::string receiver, std::string_view method,
                                         const PythonValue& call, std::size_t first,
                                         const EvaluateArgument& evaluate);

// Python 3.7+'s re.escape: a backslash before each regex special character.
std::string regex_escape(std::string_view text);

}  // namespace cutover
