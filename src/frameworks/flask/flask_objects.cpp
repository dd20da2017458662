#include "frameworks/flask/flask_objects.h"

#include <algorithm>
#include <iterator>

#include "link/class_hierarchy.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

const std::initializer_list<std::string_view> kFlask = {"flask.Flask", "flask.app.Flask"};
const std::initializer_list<std::string_view> kBlueprint = {"flask.Blueprint",
                                                            "flask.blueprints.Blueprint"};
const std::initializer_list<std::string_view> kRestfulApi = {"flask_restful.Api"};
const std::initializer_list<std::string_view> kRestxApi = {"flask_restx.Api", "flask_restplus.Api"};
const std::initializer_list<std::string_view> kNamespace = {"flask_restx.Namespace",
                                                            "flask_restplus.Namespace"};

std::string_view receiver_of(std::string_view callee, std::string_view method) {
  if (!callee.ends_with(method) || callee.size() <= method.size() + 1) return {};
  if (callee[callee.size() - method.size() - 1] != '.') return {};
  return callee.substr(0, callee.size() - method.size() - 1);
}

}  // namespace

FlaskObjects::FlaskObjects(const NameResolver& names,
                           const std::vector<ClassConstruction>& constructions,
                           std::vector<Diagnostic>& diagnostics)
    : names_(names), files_(names.files()), diagnostics_(diagnostics), flow_(names) {
  find_objects(constructions);
  find_namespaces();
  find_attachments();
}

bool FlaskObjects::derives_from(std::size_t file, std::string_view scope, std::string_view dotted,
                                std::initializer_list<std::string_view> externals,
                                int depth) const {
  return cutover::derives_from(names_, file, scope, dotted, externals, depth);
}
void FlaskObjects::note_unresolved_prefix(FlaskObject& object, const PythonValue* given) {
  if (!object.url_prefix && given && given->kind != PythonValue::Kind::kNone) {
    object.unresolved_prefix = "url_prefix " + render(*given);
  }
}

void FlaskObjects::find_objects(const std::vector<ClassConstruction>& constructions) {
  for (const ClassConstruction& c : constructions) {
    const std::size_t f = c.file;
    const AssignmentFact& a = *c.assignment;
    const PythonValue& call = a.value;
    const EvalScope where{.names = &names_, .file = f, .scope = a.scope, .notes = &diagnostics_};
    auto text_arg = [&](std::size_t index, std::string_view kw) -> std::optional<std::string> {
      const PythonValue* v = call_argument(call, index, kw);
      return v ? evaluate_string(*v, where) : std::nullopt;
    };
    auto is = [&](std::initializer_list<std::string_view> kinds) {
      return has_ancestor(c.external_ancestors, kinds);
    };
    FlaskObject object{.file = f, .line = a.line};
    if (is(kFlask)) {
      object.kind = FlaskObjectKind::kApp;
      object.static_folder = static_folder_of(names_, c, false);
    } else if (is(kBlueprint)) {
      object.kind = FlaskObjectKind::kBlueprint;
      object.static_folder = static_folder_of(names_, c, true);
      object.name = text_arg(0, "name").value_or("");
      if (const PythonValue* name = call_argument(call, 0, "name"); name && object.name.empty()) {
        object.unresolved_name = "blueprint name " + render(*name);  // endpoints depend on it
      }
      object.url_prefix = text_arg(99, "url_prefix");
      note_unresolved_prefix(object, call_argument(call, 99, "url_prefix"));
    } else if (is(kRestfulApi) || is(kRestxApi)) {
      object.kind = is(kRestxApi) ? FlaskObjectKind::kRestxApi : FlaskObjectKind::kRestfulApi;
      object.doc_blueprint = is({"flask_restx.Api"}) ? "restx_doc" : "restplus_doc";
      const std::size_t prefix_at = object.kind == FlaskObjectKind::kRestfulApi ? 1 : 99;
      object.url_prefix = text_arg(prefix_at, "prefix");
      note_unresolved_prefix(object, call_argument(call, prefix_at, "prefix"));
    } else if (is(kNamespace)) {
      object.kind = FlaskObjectKind::kNamespace;
      object.name = text_arg(0, "name").value_or("");
      object.url_prefix = text_arg(2, "path");
      note_unresolved_prefix(object, call_argument(call, 2, "path"));
    } else {
      continue;
    }
    objects_.emplace(&a, std::move(object));
  }
}

// `api.namespace(...)`: after the constructors, since it needs its Api.
void FlaskObjects::find_namespaces() {
  for (std::size_t f = 0; f < files_.size(); ++f) {
    for (const AssignmentFact& a : files_[f].assignments) {
      if (a.value.kind != PythonValue::Kind::kCall || objects_.contains(&a)) continue;
      const std::string_view api = receiver_of(a.value.text, "namespace");
      const FlaskObjectId parent = api.empty() ? nullptr : object_at(f, a.scope, api);
      if (!parent || objects_.at(parent).kind != FlaskObjectKind::kRestxApi) continue;
      const EvalScope where{.names = &names_, .file = f, .scope = a.scope, .notes = &diagnostics_};
      const PythonValue* name = call_argument(a.value, 0, "name");
      const PythonValue* path = call_argument(a.value, 2, "path");
      FlaskObject object{.kind = FlaskObjectKind::kNamespace, .file = f, .line = a.line};
      object.name = name ? evaluate_string(*name, where).value_or("") : "";
      object.url_prefix = path ? evaluate_string(*path, where) : std::nullopt;
      objects_.emplace(&a, std::move(object));
      attach(&a, Attachment{.parent = parent, .conditions = conditions_at(f, a.condition)});
    }
  }
}

void FlaskObjects::unresolved_attachment(std::size_t file, std::uint32_t line,
                                         const std::string& what) {
  // Once per statement, however many calls or loop elements reach it.
  if (!unresolved_reported_.insert({file, line}).second) return;
  diagnostics_.push_back({files_[file].path, line, Severity::kWarning, "unresolved-registration",
                          what + ": routes reached through it may lack a prefix"});
}

void FlaskObjects::find_attachments() {
  // Api(app) / Api(bp) in the constructor.
  for (auto& [id, object] : objects_) {
    if (object.kind != FlaskObjectKind::kRestfulApi && object.kind != FlaskObjectKind::kRestxApi) {
      continue;
    }
    const PythonValue* app = call_argument(id->value, 0, "app");
    if (!app || app->kind == PythonValue::Kind::kNone) continue;
    const std::vector<FlaskObjectId> parents = app->kind == PythonValue::Kind::kName
                                                   ? objects_at(object.file, id->scope, app->text)
                                                   : std::vector<FlaskObjectId>{};
    for (FlaskObjectId parent : parents) {
      attach(id,
             Attachment{.parent = parent, .conditions = conditions_at(object.file, id->condition)});
    }
    if (parents.empty()) {
      unresolved_attachment(object.file, object.line,
                            "cannot tell which app Api(" + app->text + ") is bound to");
    }
  }
  for (std::size_t f = 0; f < files_.size(); ++f) {
    for (const CallFact& c : files_[f].calls) {
      if (!receiver_of(c.call.text, "register_blueprint").empty() ||
          !receiver_of(c.call.text, "init_app").empty() ||
          !receiver_of(c.call.text, "add_namespace").empty()) {
        attach_by_calls(f, c);
      }
    }
  }
}

// A registration in a function of the tree is read once per call of the
// function, its parameters bound to that call's arguments: a helper
// `register(app, bp, prefix)` called twice registers each blueprint under its
// own call's prefix. With no call, the parameters take every value they can.
void FlaskObjects::attach_by_calls(std::size_t f, const CallFact& c) {
  const DefinitionFact* function = c.scope.empty() ? nullptr : flow_.function(f, c.scope);
  std::vector<ValueFlow::CallBindings> calls;
  if (function) calls = flow_.bindings_per_call(f, *function);
  if (calls.empty()) calls.push_back({});
  for (const ValueFlow::CallBindings& call : calls) {
    std::vector<ConditionRef> conditions;
    if (call.site && call.site->condition >= 0) {
      conditions.push_back({.file = call.site->file, .index = call.site->condition});
    }
    const Bindings* bound = call.site ? &call.bindings : nullptr;
    if (c.loop < 0) {
      attach_by_call(f, c, bound, conditions);
      continue;
    }
    // Once per element the loop can walk: a literal, a constant, or a
    // parameter's argument.
    for (const Bindings& bindings : loop_iterations(
             flow_, files_[f].loops[static_cast<std::size_t>(c.loop)],
             EvalScope{.names = &names_, .file = f, .scope = c.scope, .bindings = bound})) {
      attach_by_call(f, c, &bindings, conditions);
    }
  }
}

// register_blueprint / init_app / add_namespace
void FlaskObjects::attach_by_call(std::size_t f, const CallFact& c, const Bindings* bindings,
                                  std::vector<ConditionRef> conditions) {
  const std::string& callee = c.call.text;
  std::string_view receiver;
  std::string_view method;
  for (std::string_view m : {"register_blueprint", "init_app", "add_namespace"}) {
    receiver = receiver_of(callee, m);
    method = m;
    if (!receiver.empty()) break;
  }
  if (receiver.empty()) return;
  const PythonValue receiver_name{.kind = PythonValue::Kind::kName, .text = std::string(receiver)};
  const std::vector<FlaskObjectId> targets = objects_of(f, c.scope, receiver_name, bindings);
  const PythonValue* arg = call_argument(c.call, 0, method == "init_app" ? "app" : "blueprint");
  if (method == "add_namespace") arg = call_argument(c.call, 0, "ns");
  const std::vector<FlaskObjectId> others =
      arg ? objects_of(f, c.scope, *arg, bindings) : std::vector<FlaskObjectId>{};
  const EvalScope where{
      .names = &names_, .file = f, .scope = c.scope, .bindings = bindings, .notes = &diagnostics_};
  if (c.condition >= 0) conditions.push_back({.file = f, .index = c.condition});
  if (method == "init_app") {
    // Only Api.init_app(app) attaches routes; extensions' init_app are not ours.
    for (FlaskObjectId target : targets) {
      const FlaskObjectKind kind = objects_.at(target).kind;
      if (kind != FlaskObjectKind::kRestfulApi && kind != FlaskObjectKind::kRestxApi) continue;
      for (FlaskObjectId other : others)
        attach(target, Attachment{.parent = other, .conditions = conditions});
      if (others.empty()) {
        unresolved_attachment(f, c.line, "cannot tell which app " + callee + "() binds to");
      }
    }
    return;
  }
  if (targets.empty() || others.empty()) {
    if (method == "register_blueprint" || !targets.empty()) {
      unresolved_attachment(f, c.line, "cannot tell what " + callee + "() attaches to what");
    }
    return;
  }
  Attachment how{.conditions = conditions};
  if (const PythonValue* p = c.call.keyword(method == "add_namespace" ? "path" : "url_prefix")) {
    how.url_prefix = evaluate_string(*p, where);
    if (!how.url_prefix && p->kind != PythonValue::Kind::kNone) {
      how.unresolved = "url_prefix " + render(*p);
    }
  } else if (method == "add_namespace" && c.call.positional(1)) {
    how.url_prefix = evaluate_string(*c.call.positional(1), where);
  }
  if (const PythonValue* n = c.call.keyword("name")) how.name = evaluate_string(*n, where);
  for (FlaskObjectId target : targets) {
    for (FlaskObjectId other : others) {
      Attachment one = how;
      one.parent = target;
      attach(other, std::move(one));
    }
  }
}

void FlaskObjects::attach(FlaskObjectId child, Attachment how) {
  std::sort(how.conditions.begin(), how.conditions.end());
  how.conditions.erase(std::unique(how.conditions.begin(), how.conditions.end()),
                       how.conditions.end());
  std::vector<Attachment>& all = attachments_[child];
  for (Attachment& known : all) {
    if (known.parent != how.parent || known.url_prefix != how.url_prefix ||
        known.name != how.name || known.unresolved != how.unresolved) {
      continue;
    }
    std::vector<ConditionRef> shared;
    std::set_intersection(known.conditions.begin(), known.conditions.end(), how.conditions.begin(),
                          how.conditions.end(), std::back_inserter(shared));
    known.conditions = std::move(shared);
    return;
  }
  all.push_back(std::move(how));
}

std::vector<ConditionRef> FlaskObjects::conditions_at(std::size_t file, std::int32_t condition) {
  if (condition < 0) return {};
  return {ConditionRef{.file = file, .index = condition}};
}

void FlaskObjects::add_unresolved(Mount& mount, const std::string& what) {
  if (what.empty()) return;
  mount.unresolved += (mount.unresolved.empty() ? "" : "; ") + what;
}

std::vector<Mount> FlaskObjects::mounts(FlaskObjectId id) {
  return mounts(id, 0);
}

std::vector<Mount> FlaskObjects::mounts(FlaskObjectId id, int depth) {
  const FlaskObject& self = objects_.at(id);
  if (self.kind == FlaskObjectKind::kApp) return {Mount{.app = id}};
  if (depth > 16) return {};  // attached to itself through a cycle
  const auto found = attachments_.find(id);
  if (found == attachments_.end()) {
    Mount lone{.attached = false};
    add_unresolved(lone, self.unresolved_prefix);
    add_unresolved(lone, self.unresolved_name);
    if (self.kind == FlaskObjectKind::kBlueprint) {
      lone.url_prefix = self.url_prefix;
      lone.blueprint = self.name;
    } else {
      lone.api_prefix = self.url_prefix.value_or("");
    }
    return {lone};
  }
  std::vector<Mount> out;
  for (const Attachment& how : found->second) {
    for (Mount m : mounts(how.parent, depth + 1)) {
      add_unresolved(m, how.unresolved);
      m.conditions.insert(m.conditions.end(), how.conditions.begin(), how.conditions.end());
      switch (self.kind) {
        case FlaskObjectKind::kBlueprint: {
          // Flask's Blueprint.register: the registration's prefix wins over the
          // constructor's; nested prefixes join with one '/'.
          const std::optional<std::string> own = how.url_prefix ? how.url_prefix : self.url_prefix;
          if (!how.url_prefix && how.unresolved.empty()) add_unresolved(m, self.unresolved_prefix);
          if (!how.name) add_unresolved(m, self.unresolved_name);
          if (m.url_prefix && own) {
            std::string_view outer = *m.url_prefix, inner = *own;
            while (!outer.empty() && outer.back() == '/')
              outer.remove_suffix(1);
            while (!inner.empty() && inner.front() == '/')
              inner.remove_prefix(1);
            m.url_prefix = std::string(outer) + "/" + std::string(inner);
          } else if (own) {
            m.url_prefix = own;
          }
          const std::string& name = how.name ? *how.name : self.name;
          m.blueprint = m.blueprint.empty() ? name : m.blueprint + "." + name;
          break;
        }
        case FlaskObjectKind::kRestfulApi:
        case FlaskObjectKind::kRestxApi:
          m.api_prefix += self.url_prefix.value_or("");
          add_unresolved(m, self.unresolved_prefix);
          break;
        case FlaskObjectKind::kNamespace: {
          // Flask-RESTX: api.ns_paths.get(ns) or ns.path, where ns.path is
          // (path or "/" + name).rstrip("/").
          std::string path = self.url_prefix.value_or("/" + self.name);
          while (!path.empty() && path.back() == '/')
            path.pop_back();
          if (how.url_prefix && !how.url_prefix->empty()) path = *how.url_prefix;
          if (!how.url_prefix) add_unresolved(m, self.unresolved_prefix);
          m.api_prefix += path;
          m.in_restx_namespace = true;
          m.namespace_name = self.name;
          break;
        }
        case FlaskObjectKind::kApp:
          break;
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace cutover
