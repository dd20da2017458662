#pragma once
// Path converters a Django tree registers: `register_converter(Cls, "yyyy")`
// makes `<yyyy:year>` match Cls.regex instead of str's `[^/]+`.

#include <map>
#include <string>
#include <vector>

#include "link/name_resolver.h"
#include "model/inventory.h"

namespace cutover {

// Converter name → the regex of the class registered under it, for each
// register_converter call of the tree whose name and class attribute `regex`
// are static. A name registered twice keeps the last call read (Django keeps
// the last registration).
std::map<std::string, std::string> registered_converters(const NameResolver& names);

// Gives each parameter whose converter is registered its regex.
void apply_registered_converters(std::vector<Route>& routes,
                                 const std::map<std::string, std::string>& converters);

}  // namespace cutover
