#pragma once
// The objects Flask-family routes hang off — apps, blueprints, Flask-RESTful
// and Flask-RESTX APIs and namespaces — and how they attach to each other
// (register_blueprint, Api(app), init_app, add_namespace). From that, the
// mounts of each object: the URL prefix and endpoint prefix its routes get in
// every app it ends up in.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "link/static_eval.h"
#include "model/diagnostic.h"

namespace cutover {

enum class FlaskObjectKind : std::uint8_t { kApp, kBlueprint, kRestfulApi, kRestxApi, kNamespace };

struct FlaskObject {
  FlaskObjectKind kind = FlaskObjectKind::kApp;
  std::string name;                       // blueprint or namespace name
  std::optional<std::string> url_prefix;  // blueprint url_prefix, Api prefix, Namespace path
  std::string unresolved_prefix;          // "url_prefix <expr>" when the prefix is not static
  std::string unresolved_name;            // "blueprint name <expr>" when the name is not static
  std::size_t file = 0;
  std::uint32_t line = 0;
};

// Where an object's routes end up, one per chain of attachments to an app.
struct Mount {
  std::optional<std::string> url_prefix;  // Flask-joined prefix of the enclosing blueprints
  std::string api_prefix;                 // Api prefix + namespace path, concatenated as
                                          // Flask-RESTful/RESTX do
  std::string blueprint;                  // dotted blueprint name ("parent.child"), "" on the app
  bool attached = true;                   // false: never registered on an app we found
  bool in_restx_namespace = false;
  std::string namespace_name;  // set when the object is a non-default namespace
  std::string unresolved;      // what about the mount is not static ("url_prefix <expr>", ...)
};

using FlaskObjectId = const AssignmentFact*;  // the assignment that creates the object

class FlaskObjects {
 public:
  FlaskObjects(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
               std::vector<Diagnostic>& diagnostics);

  // The object `dotted` names in `scope` of `file`, or nullptr. Follows
  // aliases, imports, and parameters through their call sites.
  FlaskObjectId object_at(std::size_t file, std::string_view scope, std::string_view dotted);
  // The same for an expression: a name (loop-bound names first), or a call of
  // a function of the tree that returns an object (a blueprint factory).
  FlaskObjectId object_of(std::size_t file, std::string_view scope, const PythonValue& value,
                          const Bindings* bindings, int depth = 0);
  const FlaskObject& object(FlaskObjectId id) const { return objects_.at(id); }

  std::vector<Mount> mounts(FlaskObjectId id);

  // Statement calls whose callee resolves to `function`; indexed on first use.
  const std::vector<std::pair<std::size_t, const CallFact*>>& call_sites(
      const DefinitionFact* function);

  // Whether the class named by `dotted` derives from one of `externals`.
  bool derives_from(std::size_t file, std::string_view scope, std::string_view dotted,
                    std::initializer_list<std::string_view> externals, int depth = 0) const;

 private:
  struct Attachment {
    FlaskObjectId parent = nullptr;
    std::optional<std::string>
        url_prefix;                   // register_blueprint(url_prefix=) / add_namespace(path=)
    std::optional<std::string> name;  // register_blueprint(name=)
    std::string unresolved;           // "url_prefix <expr>" when the given prefix is not static
  };

  FlaskObjectId only_app() const;  // the app, when the tree creates exactly one outside tests
  void find_objects(const std::vector<ClassConstruction>& constructions);
  void find_namespaces();
  static void note_unresolved_prefix(FlaskObject& object, const PythonValue* given);
  static void add_unresolved(Mount& mount, const std::string& what);
  void find_attachments();
  void attach_by_call(std::size_t file, const CallFact& call, const Bindings* bindings);
  void attach(FlaskObjectId child, Attachment how) {
    attachments_[child].push_back(std::move(how));
  }
  void unresolved_attachment(std::size_t file, std::uint32_t line, const std::string& what);
  std::vector<Mount> mounts(FlaskObjectId id, int depth);

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<FlaskObjectId, FlaskObject> objects_;
  std::map<FlaskObjectId, std::vector<Attachment>> attachments_;
  std::map<const DefinitionFact*, std::vector<std::pair<std::size_t, const CallFact*>>> call_sites_;
  std::set<const DefinitionFact*> assumed_app_parameter_;
  bool call_sites_indexed_ = false;
};

}  // namespace cutover
