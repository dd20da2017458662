#pragma once
// The objects Flask-family routes hang off — apps, blueprints, Flask-RESTful
// and Flask-RESTX APIs and namespaces — and how they attach to each other
// (register_blueprint, Api(app), init_app, add_namespace). From that, the
// mounts of each object: the URL prefix and endpoint prefix its routes get in
// every app it ends up in.

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "frameworks/flask/flask_static.h"
#include "link/class_hierarchy.h"
#include "link/name_resolver.h"
#include "link/static_eval.h"
#include "link/value_flow.h"
#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

enum class FlaskObjectKind : std::uint8_t { kApp, kBlueprint, kRestfulApi, kRestxApi, kNamespace };

struct FlaskObject {
  FlaskObjectKind kind = FlaskObjectKind::kApp;
  std::string name;                       // blueprint or namespace name
  std::optional<std::string> url_prefix;  // blueprint url_prefix, Api prefix, Namespace path
  std::string unresolved_prefix;          // "url_prefix <expr>" when the prefix is not static
  std::string unresolved_name;            // "blueprint name <expr>" when the name is not static
  StaticFolder static_folder;             // apps and blueprints: the static route they add
  std::string doc_blueprint;              // Flask-RESTX / RESTPlus Api: its Swagger UI blueprint
  std::size_t file = 0;
  std::uint32_t line = 0;
};

using FlaskObjectId = const AssignmentFact*;  // the assignment that creates the object

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
  std::vector<ConditionRef> conditions;  // the `if` branches the attachments sit in
  FlaskObjectId app = nullptr;           // the app at the end of the chain, when attached
};

class FlaskObjects {
 public:
  FlaskObjects(const NameResolver& names, const std::vector<ClassConstruction>& constructions,
               std::vector<Diagnostic>& diagnostics);

  // The objects `dotted` can name in `scope` of `file`, each once. Follows
  // aliases, imports, factories, and parameters to the arguments of every
  // call (and their defaults).
  std::vector<FlaskObjectId> objects_at(std::size_t file, std::string_view scope,
                                        std::string_view dotted);
  // The same for an expression: a name (loop-bound names first), or a call of
  // a function of the tree that returns an object (a blueprint factory).
  std::vector<FlaskObjectId> objects_of(std::size_t file, std::string_view scope,
                                        const PythonValue& value, const Bindings* bindings);
  // The first of objects_at / objects_of, or nullptr.
  FlaskObjectId object_at(std::size_t file, std::string_view scope, std::string_view dotted) {
    const std::vector<FlaskObjectId> all = objects_at(file, scope, dotted);
    return all.empty() ? nullptr : all.front();
  }
  FlaskObjectId object_of(std::size_t file, std::string_view scope, const PythonValue& value,
                          const Bindings* bindings) {
    const std::vector<FlaskObjectId> all = objects_of(file, scope, value, bindings);
    return all.empty() ? nullptr : all.front();
  }
  const FlaskObject& object(FlaskObjectId id) const { return objects_.at(id); }
  // Every object, in file and line order.
  std::vector<FlaskObjectId> ids() const;

  std::vector<Mount> mounts(FlaskObjectId id);

  // The calls of `function` in the tree; indexed on first use.
  const std::vector<CallSite>& call_sites(const DefinitionFact* function) {
    return flow_.call_sites(function);
  }
  ValueFlow& flow() { return flow_; }

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
    std::vector<ConditionRef> conditions;  // the `if` branches the attaching statement sits in
  };

  FlaskObjectId only_app() const;  // the app, when the tree creates exactly one outside tests
  void find_objects(const std::vector<ClassConstruction>& constructions);
  void find_namespaces();
  static void note_unresolved_prefix(FlaskObject& object, const PythonValue* given);
  static void add_unresolved(Mount& mount, const std::string& what);
  void find_attachments();
  void attach_by_calls(std::size_t file, const CallFact& call);
  void attach_by_call(std::size_t file, const CallFact& call, const Bindings* bindings,
                      std::vector<ConditionRef> conditions);
  // Once: a registration reached along several paths (the calls of the
  // function making it) is one registration, under the conditions every path
  // shares.
  void attach(FlaskObjectId child, Attachment how);
  void collect(std::size_t file, std::string_view scope, const PythonValue& value,
               const Bindings* bindings, int depth, std::vector<FlaskObjectId>& out);
  void collect_at(std::size_t file, std::string_view scope, std::string_view dotted, int depth,
                  std::vector<FlaskObjectId>& out);
  static std::vector<ConditionRef> conditions_at(std::size_t file, std::int32_t condition);
  void unresolved_attachment(std::size_t file, std::uint32_t line, const std::string& what);
  std::vector<Mount> mounts(FlaskObjectId id, int depth);

  const NameResolver& names_;
  const std::vector<FileSummary>& files_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<FlaskObjectId, FlaskObject> objects_;
  std::map<FlaskObjectId, std::vector<Attachment>> attachments_;
  ValueFlow flow_;
  std::set<const DefinitionFact*> assumed_app_parameter_;
  std::set<std::pair<std::size_t, std::uint32_t>> unresolved_reported_;  // (file, line)
};

}  // namespace cutover
