// FlaskObjects: what a name or an expression can be among the tree's apps,
// blueprints, APIs and namespaces (aliases, imports, factories, parameters
// through every call, current_app).

#include <algorithm>
#include <tuple>

#include "frameworks/flask/flask_objects.h"

namespace cutover {

std::vector<FlaskObjectId> FlaskObjects::ids() const {
  std::vector<FlaskObjectId> out;
  for (const auto& [id, object] : objects_)
    out.push_back(id);
  std::sort(out.begin(), out.end(), [&](FlaskObjectId a, FlaskObjectId b) {
    const FlaskObject& x = objects_.at(a);
    const FlaskObject& y = objects_.at(b);
    return std::tie(x.file, x.line, a->target) < std::tie(y.file, y.line, b->target);
  });
  return out;
}

FlaskObjectId FlaskObjects::only_app() const {
  // Test suites build throwaway apps; the application is the one app that
  // lives outside test modules.
  auto in_tests = [&](const FlaskObject& object) {
    const std::string& path = files_[object.file].path;
    return path.starts_with("test") || path.find("/test") != std::string::npos;
  };
  FlaskObjectId found = nullptr;
  for (const auto& [id, object] : objects_) {
    if (object.kind != FlaskObjectKind::kApp || in_tests(object)) continue;
    if (found) return nullptr;
    found = id;
  }
  return found;
}

std::vector<FlaskObjectId> FlaskObjects::objects_of(std::size_t file, std::string_view scope,
                                                    const PythonValue& value,
                                                    const Bindings* bindings) {
  std::vector<FlaskObjectId> out;
  collect(file, scope, value, bindings, 0, out);
  return out;
}

std::vector<FlaskObjectId> FlaskObjects::objects_at(std::size_t file, std::string_view scope,
                                                    std::string_view dotted) {
  std::vector<FlaskObjectId> out;
  collect_at(file, scope, dotted, 0, out);
  return out;
}

void FlaskObjects::collect(std::size_t file, std::string_view scope, const PythonValue& value,
                           const Bindings* bindings, int depth, std::vector<FlaskObjectId>& out) {
  if (depth > 12) return;
  if (value.kind == PythonValue::Kind::kName) {
    if (bindings) {
      if (auto it = bindings->find(value.text); it != bindings->end()) {
        const Place* place = bindings->place_of(value.text);
        collect(place ? place->file : file, place ? std::string_view(place->scope) : scope,
                it->second, nullptr, depth + 1, out);
        return;
      }
    }
    collect_at(file, scope, value.text, depth + 1, out);
    return;
  }
  if (value.kind != PythonValue::Kind::kCall) return;
  // A factory: the objects its returns can be.
  const NameTarget callee = names_.resolve(file, scope, value.text);
  if (callee.kind != NameTarget::Kind::kDefinition) return;
  for (const ReturnFact& r : files_[callee.file].returns) {
    if (r.scope != callee.definition->qualified_name) continue;
    collect(callee.file, r.scope, r.value, nullptr, depth + 1, out);
  }
}

void FlaskObjects::collect_at(std::size_t file, std::string_view scope, std::string_view dotted,
                              int depth, std::vector<FlaskObjectId>& out) {
  if (depth > 12) return;
  const NameTarget t = names_.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kAssignment) {
    if (objects_.contains(t.assignment)) {
      if (std::find(out.begin(), out.end(), t.assignment) == out.end()) out.push_back(t.assignment);
    } else if (t.assignment->value.kind == PythonValue::Kind::kCall) {
      collect(t.file, t.assignment->scope, t.assignment->value, nullptr, depth + 1,
              out);  // factory
    }
    return;
  }
  if (t.kind == NameTarget::Kind::kExternal && t.name == "flask.current_app") {
    // The app handling the request: with one app in the tree, that one.
    if (const FlaskObjectId only = only_app();
        only && std::find(out.begin(), out.end(), only) == out.end()) {
      out.push_back(only);
    }
    return;
  }
  if (t.kind != NameTarget::Kind::kParameter) return;
  if (call_sites(t.definition).empty() && (t.name == "app" || t.name == "application")) {
    // Called through a plugin manager or a framework hook: no call site to
    // follow. With one app in the tree, `app` can only be that one.
    if (const FlaskObjectId only = only_app()) {
      if (assumed_app_parameter_.insert(t.definition).second) {
        diagnostics_.push_back(
            {files_[t.file].path, t.definition->line, Severity::kInfo, "assumed-app",
             "no call of " + t.definition->name + "() found; its parameter " + t.name +
                 " is taken to be the app created at " + files_[objects_.at(only).file].path + ":" +
                 std::to_string(objects_.at(only).line)});
      }
      if (std::find(out.begin(), out.end(), only) == out.end()) out.push_back(only);
      return;
    }
  }
  // Every value the parameter can hold: each call's argument, its default,
  // what the function assigns to it.
  for (const PlacedValue& v : flow_.values_of(t.file, t.definition->qualified_name, t.name)) {
    collect(v.file, v.scope, *v.value, nullptr, depth + 1, out);
  }
}

}  // namespace cutover
