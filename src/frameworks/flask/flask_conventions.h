#pragma once
// Project conventions around Flask routing that the route extractor reads
// before it starts: registration wrappers on Flask-family subclasses,
// converters registered on url_map, and Flask-RESTX's endpoint naming.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "link/name_resolver.h"
#include "model/diagnostic.h"

namespace cutover {

// Methods of Flask-family subclasses in the tree that forward to
// self.add_resource / self.add_url_rule (redash's ApiExt.add_org_resource):
// method name -> the registration it performs. Adds one info diagnostic each.
std::map<std::string, std::string_view> find_registration_wrappers(
    const NameResolver& names, std::vector<Diagnostic>& diagnostics);

// Converter names registered on any url_map of the tree, by assignment
// (`url_map.converters['slug'] = C`) or `url_map.converters.update({...})`.
std::set<std::string> registered_converters(const std::vector<FileSummary>& files);

// Flask-RESTX's camel_to_dash: "UserList" -> "user_list".
std::string camel_to_dash(const std::string& name);

}  // namespace cutover
