#pragma once
// Helpers for unit tests of the link stage: a small in-memory tree summarised
// and indexed (NameResolver, FlaskObjects) so link functions can be called
// directly, and lookups into a linked Inventory.

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frameworks/flask/flask_objects.h"
#include "link/module_index.h"
#include "link/name_resolver.h"
#include "link/static_eval.h"
#include "model/diagnostic.h"
#include "model/file_summary.h"
#include "model/inventory.h"
#include "testing/summaries_for_test.h"

#include <catch2/catch.hpp>

namespace cutover::testing {

// A tree of in-memory files summarised and indexed as the link stage does it.
// Not copyable or movable: the resolver keeps references into it.
class LinkedTree {
 public:
  explicit LinkedTree(const std::vector<PythonFile>& tree)
      : files_(summarize_tree(tree)), index_(files_, diagnostics_), names_(files_, index_) {}
  // Preferred for brace lists, so `LinkedTree t({{"app.py", "..."}})` is not ambiguous.
  LinkedTree(std::initializer_list<PythonFile> tree) : LinkedTree(std::vector<PythonFile>(tree)) {}
  LinkedTree(const LinkedTree&) = delete;
  LinkedTree& operator=(const LinkedTree&) = delete;

  const NameResolver& names() const { return names_; }
  const std::vector<FileSummary>& files() const { return files_; }
  // Diagnostics from indexing, and the notes of evaluations given notes().
  std::vector<Diagnostic>& notes() { return diagnostics_; }

  // FlaskObjects over the tree, built on first use (its diagnostics go to notes()).
  FlaskObjects& objects() {
    if (!objects_) {
      constructions_ = find_class_constructions(names_);
      objects_ = std::make_unique<FlaskObjects>(names_, constructions_, diagnostics_);
    }
    return *objects_;
  }

  std::size_t file(std::string_view path) const {
    for (std::size_t i = 0; i < files_.size(); ++i) {
      if (files_[i].path == path) return i;
    }
    FAIL("no file " << path);
    return 0;
  }

  // The last assignment to `target` in `scope` of the file.
  const AssignmentFact& assignment(std::string_view path, std::string_view target,
                                   std::string_view scope = "") const {
    const FileSummary& f = files_[file(path)];
    for (auto a = f.assignments.rbegin(); a != f.assignments.rend(); ++a) {
      if (a->target == target && a->scope == scope) return *a;
    }
    FAIL("no assignment " << target << " in scope '" << scope << "' of " << path);
    throw;
  }

  const DefinitionFact& definition(std::string_view path, std::string_view qualified_name) const {
    const FileSummary& f = files_[file(path)];
    for (const DefinitionFact& d : f.definitions) {
      if (d.qualified_name == qualified_name) return d;
    }
    FAIL("no definition " << qualified_name << " in " << path);
    throw;
  }

  // The value of the (first) return statement of a function.
  const PythonValue& returned(std::string_view path, std::string_view function) const {
    const FileSummary& f = files_[file(path)];
    for (const ReturnFact& r : f.returns) {
      if (r.scope == function) return r.value;
    }
    FAIL("no return in " << function << " of " << path);
    throw;
  }

  const LoopFact& loop(std::string_view path, std::size_t index = 0) const {
    const FileSummary& f = files_[file(path)];
    REQUIRE(index < f.loops.size());
    return f.loops[index];
  }

  // Where code at `scope` of the file is evaluated; notes go to notes() when asked.
  EvalScope at(std::string_view path, std::string_view scope = "", bool with_notes = false,
               const Bindings* bindings = nullptr) {
    return EvalScope{.names = &names_,
                     .file = file(path),
                     .scope = scope,
                     .bindings = bindings,
                     .notes = with_notes ? &diagnostics_ : nullptr};
  }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::vector<FileSummary> files_;
  ModuleIndex index_;
  NameResolver names_;
  std::vector<ClassConstruction> constructions_;
  std::unique_ptr<FlaskObjects> objects_;
};

inline std::string describe_routes(const Inventory& inv) {
  std::string all;
  for (const Route& r : inv.routes) {
    all += "\n  " + r.path + " endpoint=" + r.endpoint + " handler=" + r.handler +
           (r.partial ? " partial: " + r.unresolved : "");
  }
  return all;
}

// The route of `routes` with this path; fails the test when there is none.
inline const Route& route_in(const std::vector<Route>& routes, std::string_view path,
                             const Inventory& inv) {
  for (const Route& r : routes) {
    if (r.path == path) return r;
  }
  FAIL("no route " << path << "; routes:" << describe_routes(inv));
  throw;
}

// The route with this path; fails the test when there is none.
inline const Route& route_with_path(const Inventory& inv, std::string_view path) {
  return route_in(inv.routes, path, inv);
}

// The route the framework adds by itself (auto_kind set) with this path.
inline const Route& auto_route_with_path(const Inventory& inv, std::string_view path) {
  return route_in(inv.auto_routes, path, inv);
}

inline std::vector<std::string> route_paths(const Inventory& inv) {
  std::vector<std::string> out;
  for (const Route& r : inv.routes)
    out.push_back(r.path);
  return out;
}

// The diagnostics with this code, in the Inventory's order.
inline std::vector<Diagnostic> diagnostics_with_code(const std::vector<Diagnostic>& all,
                                                     std::string_view code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

inline bool has_diagnostic(const std::vector<Diagnostic>& all, std::string_view file,
                           std::uint32_t line, std::string_view code) {
  for (const Diagnostic& d : all) {
    if (d.file == file && d.line == line && d.code == code) return true;
  }
  return false;
}

// manage.py of a Django project whose settings module is proj.settings.
inline constexpr const char* kDjangoManage =
    "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n";

// A Django project in memory: manage.py naming proj.settings, proj/settings.py
// (ROOT_URLCONF = 'proj.urls' unless `settings` says otherwise), proj/urls.py
// holding `urls`, plus `more`.
inline std::vector<PythonFile> django_project_files(
    const char* urls, std::vector<PythonFile> more = {},
    const char* settings = "ROOT_URLCONF = 'proj.urls'\n") {
  std::vector<PythonFile> files{{"manage.py", kDjangoManage},
                                {"proj/__init__.py", ""},
                                {"proj/settings.py", settings},
                                {"proj/urls.py", urls}};
  files.insert(files.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  return files;
}

}  // namespace cutover::testing
