#include "link/class_attributes.h"

#include "link/class_hierarchy.h"

namespace cutover {

ClassAttribute class_attribute(const NameResolver& names, std::size_t file, std::string_view scope,
                               std::string_view cls, std::string_view attribute) {
  ClassAttribute found;
  walk_class_hierarchy(
      names, file, scope, cls,
      [&](std::size_t f, const DefinitionFact& def) {
        if (found.assignment) return;
        // The last assignment in the body: what the class holds once defined.
        for (const AssignmentFact& a : names.files()[f].assignments) {
          if (a.scope == def.qualified_name && a.target == attribute && !a.augmented) {
            found = {f, &a};
          }
        }
      },
      [](const std::string&) {});
  return found;
}

}  // namespace cutover
