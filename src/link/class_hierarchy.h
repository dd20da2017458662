#pragma once
// Walking class inheritance inside the scanned tree: which framework class a
// class derives from, and the classes on its way there.

#include <functional>
#include <initializer_list>
#include <string_view>

#include "link/name_resolver.h"

namespace cutover {

// Whether the class `dotted` (seen from `scope` of `file`) is one of
// `externals` or derives from one through classes of the tree.
bool derives_from(const NameResolver& names, std::size_t file, std::string_view scope,
                  std::string_view dotted, std::initializer_list<std::string_view> externals,
                  int depth = 0);

// Calls visit(file, class) for the class a name refers to and each ancestor
// defined in the tree, nearest first (depth-first, bases in order), and
// external(name) for each base outside the tree.
void walk_class_hierarchy(const NameResolver& names, std::size_t file, std::string_view scope,
                          std::string_view dotted,
                          const std::function<void(std::size_t, const DefinitionFact&)>& visit,
                          const std::function<void(const std::string&)>& external);

}  // namespace cutover
