#pragma once
// Route ids stay the same across re-runs as long as the framework, endpoint
// name and path shape do, so `diff` can tell "changed" from "removed + added".
// Methods, handler and parameter types are deliberately not part of the id.

#include <string>
#include <string_view>

namespace cutover {

std::string stable_route_id(std::string_view framework, std::string_view endpoint,
                            std::string_view path_template);

}  // namespace cutover
