#pragma once
// Answers "what does this name refer to?" across modules: follows imports
// (absolute, relative, Python 2 sibling, star), aliases and module attributes
// to the assignment, definition or external symbol behind a dotted name.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "link/module_index.h"
#include "model/file_summary.h"

namespace cutover {

struct NameTarget {
  enum class Kind : std::uint8_t {
    kUnknown,
    kModule,
    kAssignment,
    kDefinition,
    kParameter,  // a function parameter: its value comes from the call sites
    kExternal,
  };
  Kind kind = Kind::kUnknown;
  std::size_t file = 0;  // the file holding the module, assignment or definition
  const AssignmentFact* assignment = nullptr;
  const DefinitionFact* definition = nullptr;  // kDefinition; kParameter: the function
  std::string name;  // kModule: module; kExternal: dotted name ("flask.Blueprint"); kParameter
};

class NameResolver {
 public:
  // The bindings of each file are built on `jobs` threads; every lookup
  // after that is const and may run on any thread.
  // `django_settings_module`, when given, names the Django settings module
  // (see django_settings).
  NameResolver(const std::vector<FileSummary>& files, const ModuleIndex& index, unsigned jobs = 1,
               std::string_view django_settings_module = {});

  // The threads the caller gave: passes over every file's facts that resolve
  // names may use as many.
  unsigned jobs() const { return jobs_; }

  // `dotted` as the code in `scope` of `file` sees it.
  NameTarget resolve(std::size_t file, std::string_view scope, std::string_view dotted) const;
  // `dotted` as a statement on `line` of `scope` sees it: its first name as
  // bound before that line. Python evaluates a class's bases before it binds
  // the class name, so in `class ListView(ListView)` the base is the
  // ListView imported above, not the class itself.
  NameTarget resolve_before(std::size_t file, std::string_view scope, std::string_view dotted,
                            std::uint32_t line) const;

  const std::vector<FileSummary>& files() const { return files_; }
  // Whether the tree has modules under this top-level package name.
  bool has_top_level(std::string_view top) const { return index_.has_top_level(top); }
  // The files of the Django settings modules the tree runs with, whose
  // namespaces `django.conf.settings.X` reads: the one given, else every
  // module DJANGO_SETTINGS_MODULE is set to (os.environ.setdefault or
  // os.environ[...] = with a literal) by code outside tests, or by test code
  // when nothing else sets it. Sorted; empty outside Django trees.
  const std::vector<std::size_t>& django_settings() const { return django_settings_; }
  // The file defining an internal module.
  std::optional<std::size_t> module_file(std::string_view module) const {
    return index_.find(module);
  }
  // The same, as code in `from_file` names it: its own project's first.
  std::optional<std::size_t> module_file_from(std::string_view module,
                                              std::size_t from_file) const {
    return index_.find_from(module, files_[from_file].source_root);
  }

 private:
  struct Binding {
    const AssignmentFact* assignment = nullptr;
    const DefinitionFact* definition = nullptr;
    const ImportFact* import = nullptr;
    std::size_t import_name = 0;               // index into import->names
    const DefinitionFact* function = nullptr;  // binding is a parameter of this function
    std::string_view parameter;
    std::uint32_t line = 0;
  };
  // Keyed by (scope, name), both views into the summaries, so a lookup
  // builds no string: name lookups are the link stage's hottest loop.
  using BindingKey = std::pair<std::string_view, std::string_view>;
  struct BindingKeyHash {
    std::size_t operator()(const BindingKey& k) const noexcept;
  };
  using BindingMap = std::unordered_map<BindingKey, Binding, BindingKeyHash>;

  NameTarget lookup(std::size_t file, std::string_view scope, std::string_view name, int hops,
                    std::uint32_t before = UINT32_MAX) const;
  NameTarget from_binding(std::size_t file, const Binding& binding, int hops) const;
  NameTarget from_import(std::size_t file, const ImportFact& fact, std::size_t name,
                         int hops) const;
  NameTarget module_target(std::size_t file, const std::string& absolute, bool allow_sibling) const;
  NameTarget member(const NameTarget& base, std::string_view attribute, int hops) const;
  NameTarget resolve_from(std::size_t file, std::string_view scope, std::string_view dotted,
                          int hops, std::uint32_t before = UINT32_MAX) const;
  void find_django_settings(std::string_view given);

  const std::vector<FileSummary>& files_;
  const ModuleIndex& index_;
  unsigned jobs_;
  std::vector<BindingMap> bindings_;  // per file
  // The bindings a later one of the same (scope, name) replaced, by line
  // (per file; most names are bound once and have none).
  std::vector<std::unordered_map<BindingKey, std::vector<Binding>, BindingKeyHash>> earlier_;
  std::vector<std::vector<const ImportFact*>> star_imports_;  // per file
  // What each imported name of each file is, resolved once after the
  // bindings: most lookups end on an import, and following it (the module
  // index, re-exports, the module's own bindings) was most of the link
  // stage. Per file, per import, per name (a star import: one).
  std::vector<std::vector<std::vector<NameTarget>>> import_targets_;
  std::vector<std::size_t> django_settings_;
};

}  // namespace cutover
