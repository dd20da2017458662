#pragma once
// Class attributes as Python looks them up: `View.MODEL_REF` is the
// assignment in the class body, or else in the nearest base that has one
// (bases in order, depth first: the method resolution order of the trees
// legacy apps build), so a subclass's own value overrides its bases'.

#include <string_view>

#include "link/name_resolver.h"

namespace cutover {

struct ClassAttribute {
  std::size_t file = 0;  // the file of the class whose body assigns it
  const AssignmentFact* assignment = nullptr;
};

// The attribute `attribute` of the class `cls` names (seen from `scope` of
// `file`), or an empty result (assignment null) when no class of the tree on
// the way assigns it.
ClassAttribute class_attribute(const NameResolver& names, std::size_t file, std::string_view scope,
                               std::string_view cls, std::string_view attribute);

}  // namespace cutover
