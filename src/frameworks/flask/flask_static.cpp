#include "frameworks/flask/flask_static.h"

#include <algorithm>
#include <set>

#include "frameworks/flask/flask_objects.h"
#include "frameworks/flask/flask_rule.h"
#include "link/route_id.h"
#include "link/static_eval.h"

namespace cutover {
namespace {

// One constructor option as given, and where it is evaluated.
struct Option {
  const PythonValue* value = nullptr;
  std::size_t file = 0;
  std::string scope;
};

struct Options {
  Option folder;    // static_folder
  Option url_path;  // static_url_path
};

Option* option_named(Options& options, std::string_view name) {
  if (name == "static_folder") return &options.folder;
  if (name == "static_url_path") return &options.url_path;
  return nullptr;
}

void set_option(Options& options, std::string_view name, const PythonValue* value, std::size_t file,
                std::string_view scope, bool only_if_absent) {
  Option* option = option_named(options, name);
  if (!option || !value || (only_if_absent && option->value)) return;
  *option = Option{.value = value, .file = file, .scope = std::string(scope)};
}

// What a subclass's __init__ does to the options before Flask sees them:
// `kwargs.update({...})`, `kwargs.setdefault(k, v)`, and the keywords of its
// `super().__init__(...)` / `Flask.__init__(self, ...)`.
void apply_init(const FileSummary& file, std::size_t f, const DefinitionFact& cls,
                Options& options) {
  const std::string init = cls.qualified_name + ".__init__";
  const auto def = std::find_if(file.definitions.begin(), file.definitions.end(),
                                [&](const DefinitionFact& d) { return d.qualified_name == init; });
  if (def == file.definitions.end()) return;
  std::string kwargs;
  for (const std::string& p : def->parameters) {
    if (p.starts_with("**")) kwargs = p.substr(2);
  }
  for (const CallFact& c : file.calls) {
    if (c.scope != init) continue;
    const PythonValue& v = c.call;
    const bool on_kwargs = !kwargs.empty() && v.kind == PythonValue::Kind::kCall;
    if (on_kwargs && v.text == kwargs + ".update" && v.items.size() == 1 &&
        v.items[0].kind == PythonValue::Kind::kDict) {
      const std::vector<PythonValue>& entries = v.items[0].items;
      for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
        if (entries[i].is_string())
          set_option(options, entries[i].text, &entries[i + 1], f, init, false);
      }
    } else if (on_kwargs && v.text == kwargs + ".setdefault" && v.items.size() == 2 &&
               v.items[0].is_string()) {
      set_option(options, v.items[0].text, &v.items[1], f, init, true);
    } else if ((v.kind == PythonValue::Kind::kMethodCall && v.text == "__init__") ||
               (v.kind == PythonValue::Kind::kCall && v.text.ends_with(".__init__"))) {
      for (const KeywordArgument& k : v.keywords) {
        if (!k.value.empty()) set_option(options, k.name, &k.value[0], f, init, false);
      }
    }
  }
}

std::string rstrip_slash(std::string text) {
  while (!text.empty() && text.back() == '/')
    text.pop_back();
  return text;
}

// The folder's basename as os.path.basename gives it; os.path.join(..., "static")
// ends with its last argument.
std::optional<std::string> folder_basename(const PythonValue& folder, const EvalScope& where) {
  std::optional<std::string> text = evaluate_string(folder, where);
  if (!text && folder.kind == PythonValue::Kind::kCall && folder.text.ends_with("path.join") &&
      !folder.items.empty()) {
    text = evaluate_string(folder.items.back(), where);
  }
  if (!text) return std::nullopt;
  const std::size_t slash = text->rfind('/');
  return slash == std::string::npos ? *text : text->substr(slash + 1);
}

}  // namespace

StaticFolder static_folder_of(const NameResolver& names, const ClassConstruction& construction,
                              bool blueprint) {
  const std::vector<FileSummary>& files = names.files();
  const std::size_t f = construction.file;
  const AssignmentFact& a = *construction.assignment;
  const PythonValue& call = a.value;
  Options options;
  // Flask(import_name, static_url_path, static_folder, ...);
  // Blueprint(name, import_name, static_folder, static_url_path, ...).
  const bool direct = names.resolve(f, a.scope, call.text).kind == NameTarget::Kind::kExternal;
  const std::size_t folder_at = direct ? 2 : 99;
  const std::size_t url_at = !direct ? 99 : blueprint ? 3 : 1;
  set_option(options, "static_folder", call_argument(call, folder_at, "static_folder"), f, a.scope,
             false);
  set_option(options, "static_url_path", call_argument(call, url_at, "static_url_path"), f, a.scope,
             false);
  if (!direct) {
    walk_class_hierarchy(
        names, f, a.scope, call.text,
        [&](std::size_t file, const DefinitionFact& cls) {
          apply_init(files[file], file, cls, options);
        },
        [](const std::string&) {});
  }
  auto is_none = [](const Option& o) {
    return o.value && o.value->kind == PythonValue::Kind::kNone;
  };
  StaticFolder out;
  out.serves =
      blueprint ? options.folder.value && !is_none(options.folder) : !is_none(options.folder);
  if (!out.serves) return out;
  auto where = [&](const Option& o) {
    return EvalScope{.names = &names, .file = o.file, .scope = o.scope};
  };
  // static_url_path when given, else '/' + the folder's basename.
  const std::optional<std::string> base =
      options.folder.value ? folder_basename(*options.folder.value, where(options.folder))
                           : std::optional<std::string>("static");
  const std::string derived = rstrip_slash("/" + base.value_or("static"));
  auto assume = [&](const Option& o, const std::string& value) {
    out.assumption = RouteAssumption{.expr = render(*o.value),
                                     .assumed = value,
                                     .file = files[o.file].path,
                                     .line = o.value->line};
  };
  out.url_path = derived;
  if (options.url_path.value && !is_none(options.url_path)) {
    if (auto text = evaluate_string(*options.url_path.value, where(options.url_path))) {
      out.url_path = rstrip_slash(*text);
    } else {
      assume(options.url_path, derived);
    }
  } else if (!base) {
    assume(options.folder, "static");
  }
  return out;
}

std::vector<Route> flask_automatic_routes(FlaskObjects& objects,
                                          const std::vector<FileSummary>& files) {
  std::vector<Route> out;
  auto add = [&](const FlaskObject& at, std::string path, std::string blueprint,
                 std::string handler, const StaticFolder* folder) {
    Route r;
    r.framework = "flask";
    r.methods = {"GET"};
    r.path = std::move(path);
    r.endpoint = blueprint.empty() ? "static" : blueprint + ".static";
    r.blueprint = std::move(blueprint);
    r.handler = std::move(handler);
    r.file = files[at.file].path;
    r.line = at.line;
    r.auto_kind = "static";
    if (folder && !folder->assumption.expr.empty()) r.assumptions.push_back(folder->assumption);
    ConvertedRule converted = convert_flask_rule(r.path);
    r.path_template = std::move(converted.path_template);
    r.params = std::move(converted.params);
    r.id = stable_route_id(r.framework, r.endpoint, r.path_template);
    out.push_back(std::move(r));
  };
  std::set<std::pair<FlaskObjectId, std::string>> swagger_ui;  // (app, doc blueprint)
  for (FlaskObjectId id : objects.ids()) {
    const FlaskObject& object = objects.object(id);
    const StaticFolder& folder = object.static_folder;
    if (object.kind == FlaskObjectKind::kApp && folder.serves) {
      add(object, *folder.url_path + "/<path:filename>", "", "flask.Flask.send_static_file",
          &folder);
    } else if (object.kind == FlaskObjectKind::kBlueprint && folder.serves) {
      for (const Mount& m : objects.mounts(id)) {
        if (!m.attached) continue;
        const std::string rule = *folder.url_path + "/<path:filename>";
        add(object, m.url_prefix ? join_url_prefix(*m.url_prefix, rule) : rule, m.blueprint,
            "flask.Blueprint.send_static_file", &folder);
      }
    } else if (object.kind == FlaskObjectKind::kRestxApi) {
      for (const Mount& m : objects.mounts(id)) {
        if (!m.attached || !m.app || !swagger_ui.insert({m.app, object.doc_blueprint}).second) {
          continue;
        }
        add(object, "/swaggerui/<path:filename>", object.doc_blueprint,
            object.doc_blueprint == "restx_doc" ? "flask_restx.apidoc.Apidoc.send_static_file"
                                                : "flask_restplus.apidoc.Apidoc.send_static_file",
            nullptr);
      }
    }
  }
  return out;
}

}  // namespace cutover
