#pragma once
// Walking class inheritance inside the scanned tree: which framework class a
// class derives from, and the classes on its way there.

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "link/name_resolver.h"

namespace cutover {

// An `x = Callee(...)` assignment whose callee is a class of the tree, or
// anything outside the tree (which may be a class: only its name is known).
struct ClassConstruction {
  std::size_t file = 0;
  const AssignmentFact* assignment = nullptr;
  // The classes outside the tree the callee is, or derives from through
  // classes of the tree, depth-first in base order.
  std::vector<std::string> external_ancestors;
};

// Every such assignment in the tree, in file and line order.
// The apps, blueprints and routers that Flask, FastAPI and DRF code builds
// are among them; one pass resolves each callee once for every framework,
// on `jobs` threads.
std::vector<ClassConstruction> find_class_constructions(const NameResolver& names,
                                                        unsigned jobs = 1);

// Whether `ancestors` (a ClassConstruction's) holds one of `externals`.
bool has_ancestor(const std::vector<std::string>& ancestors,
                  std::initializer_list<std::string_view> externals);

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
