#pragma once
// The tree's code as units a slice is made of: every definition has an id;
// a function, a method, a class, and a decorated function nested in a
// function (a route or hook an app factory registers) is a unit; a plain
// nested helper belongs to the function around it. Each unit knows its own
// lines (a class without its methods) and the name uses written in it.

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/file_summary.h"
#include "model/string_map.h"

namespace cutover {

class CodeUnits {
 public:
  // Built on `jobs` threads; every lookup after that is const.
  CodeUnits(const std::vector<FileSummary>& files, unsigned jobs = 1);

  std::size_t count() const { return file_.size(); }
  std::uint32_t id(std::size_t file, const DefinitionFact& d) const {
    return offset_[file] + static_cast<std::uint32_t>(&d - files_[file].definitions.data());
  }
  std::size_t file(std::uint32_t id) const { return file_[id]; }
  const DefinitionFact& definition(std::uint32_t id) const {
    return files_[file_[id]].definitions[id - offset_[file_[id]]];
  }
  // The unit a definition belongs to: itself, or the function around it.
  std::uint32_t unit(std::uint32_t id) const { return unit_[id]; }
  bool is_unit(std::uint32_t id) const { return unit_[id] == id; }
  // The unit enclosing a unit (a method's class), if any.
  std::optional<std::uint32_t> parent(std::uint32_t id) const;
  std::uint32_t own_lines(std::uint32_t id) const { return lines_[id]; }
  // The definition `qualified_name` of a file (the last one of that name).
  std::optional<std::uint32_t> find(std::size_t file, std::string_view qualified_name) const;
  // The unit whose code `scope` is ("" is module level: none).
  std::optional<std::uint32_t> unit_of_scope(std::size_t file, std::string_view scope) const;
  // Indices into the file's name_uses written in a unit, or at module level.
  const std::vector<std::uint32_t>& uses(std::uint32_t unit) const { return uses_[unit]; }
  const std::vector<std::uint32_t>& module_uses(std::size_t file) const {
    return module_uses_[file];
  }
  // Indices into the file's returns written directly in a function.
  const std::vector<std::uint32_t>& returns(std::uint32_t function) const {
    return returns_[function];
  }
  // Classes defined in a class's body (a model's `Meta`): part of its definition.
  const std::vector<std::uint32_t>& nested_classes(std::uint32_t unit) const {
    return nested_classes_[unit];
  }
  const std::vector<FileSummary>& files() const { return files_; }

 private:
  const std::vector<FileSummary>& files_;
  std::vector<std::uint32_t> offset_;  // per file: id of its first definition
  std::vector<std::uint32_t> file_;    // per id
  std::vector<std::uint32_t> unit_;    // per id
  std::vector<std::int64_t> parent_;   // per id: enclosing definition, -1 at module level
  std::vector<std::uint32_t> lines_;   // per id (units only)
  std::vector<std::vector<std::uint32_t>> uses_;            // per id (units only)
  std::vector<std::vector<std::uint32_t>> module_uses_;     // per file
  std::vector<std::vector<std::uint32_t>> nested_classes_;  // per id (classes only)
  std::vector<std::vector<std::uint32_t>> returns_;         // per id (functions only)
  // Per file: qualified name → id, keyed by views into the definitions.
  std::vector<std::unordered_map<std::string_view, std::uint32_t>> by_name_;
};

}  // namespace cutover
