#include "plan/compatibility.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "link/code_uses.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

// What a handler may touch, and its FastAPI counterpart. Prefixes match on
// whole dotted components; the first match wins, so longer prefixes go first.
constexpr AdapterRule kRules[] = {
    // Flask request data
    {"flask.request.args", "query-args", "Query() parameters"},
    {"flask.request.values", "form-data", "Form() fields and Query() parameters"},
    {"flask.request.form", "form-data", "Form() fields (python-multipart)"},
    {"flask.request.files", "file-upload", "UploadFile parameters with File() (python-multipart)"},
    {"flask.request.get_json", "json-body", "a Pydantic model parameter"},
    {"flask.request.json", "json-body", "a Pydantic model parameter"},
    {"flask.request.data", "raw-body", "await request.body()"},
    {"flask.request.stream", "raw-body", "request.stream()"},
    {"flask.request.cookies", "cookies", "Cookie() parameters"},
    {"flask.request.headers", "headers", "Header() parameters"},
    {"flask.session", "session", "SessionMiddleware and request.session"},
    {"flask.g", "request-globals", "request.state, or a dependency"},
    {"flask.flash", "flash-messages", "no built-in: messages kept in the session or the response"},
    {"flask.get_flashed_messages", "flash-messages",
     "no built-in: messages kept in the session or the response"},
    {"flask.render_template", "templates", "Jinja2Templates.TemplateResponse"},
    {"flask.render_template_string", "templates", "Jinja2Templates with a string loader"},
    {"flask.send_file", "file-response", "FileResponse"},
    {"flask.send_from_directory", "file-response", "FileResponse, or StaticFiles"},
    {"flask.stream_with_context", "streaming", "StreamingResponse"},
    {"flask.abort", "abort", "raise HTTPException"},
    {"werkzeug.exceptions", "abort", "raise HTTPException"},
    {"flask.redirect", "redirect", "RedirectResponse"},
    {"flask.url_for", "url-for", "request.url_for with route names"},
    {"flask_login.current_user", "login-session", "an authentication dependency (Depends)"},
    {"flask_login.login_user", "login-session", "an authentication dependency (Depends)"},
    {"flask_login.logout_user", "login-session", "an authentication dependency (Depends)"},
    // Django and DRF request data (the view's `request` parameter)
    {"request.GET", "query-args", "Query() parameters"},
    {"request.query_params", "query-args", "Query() parameters"},
    {"request.POST", "form-data", "Form() fields (python-multipart)"},
    {"request.FILES", "file-upload", "UploadFile parameters with File() (python-multipart)"},
    {"request.data", "json-body", "a Pydantic model parameter"},
    {"request.body", "raw-body", "await request.body()"},
    {"request.COOKIES", "cookies", "Cookie() parameters"},
    {"request.META", "headers", "Header() parameters"},
    {"request.session", "session", "SessionMiddleware and request.session"},
    {"request.user", "login-session", "an authentication dependency (Depends)"},
    {"django.contrib.auth.login", "login-session", "an authentication dependency (Depends)"},
    {"django.contrib.auth.logout", "login-session", "an authentication dependency (Depends)"},
    {"django.contrib.messages", "flash-messages",
     "no built-in: messages kept in the session or the response"},
    {"django.shortcuts.render", "templates", "Jinja2Templates.TemplateResponse"},
    {"django.shortcuts.render_to_response", "templates", "Jinja2Templates.TemplateResponse"},
    {"django.template", "templates", "Jinja2Templates.TemplateResponse"},
    {"django.shortcuts.redirect", "redirect", "RedirectResponse"},
    {"django.http.HttpResponseRedirect", "redirect", "RedirectResponse"},
    {"django.http.HttpResponsePermanentRedirect", "redirect", "RedirectResponse(status_code=301)"},
    {"django.urls.reverse", "url-for", "request.url_for with route names"},
    {"django.core.urlresolvers.reverse", "url-for", "request.url_for with route names"},
    {"django.http.StreamingHttpResponse", "streaming", "StreamingResponse"},
    {"django.http.FileResponse", "file-response", "FileResponse"},
    {"django.http.Http404", "abort", "raise HTTPException(404)"},
    {"django.shortcuts.get_object_or_404", "abort", "raise HTTPException(404)"},
    // DRF view attributes (recorded as "view.<attribute>")
    {"view.serializer_class", "drf-serializer", "Pydantic request and response models"},
    {"view.get_serializer_class", "drf-serializer", "Pydantic request and response models"},
    {"view.permission_classes", "drf-permissions", "dependencies that raise 403"},
    {"view.authentication_classes", "login-session", "an authentication dependency (Depends)"},
    {"view.throttle_classes", "drf-throttling", "a rate-limit dependency or middleware"},
    {"view.pagination_class", "drf-pagination", "limit/offset Query() parameters"},
    {"view.filter_backends", "drf-filtering", "Query() parameters for the filters"},
};

bool applies_to(const Hook& h, const Route& r) {
  if (h.framework != r.framework) return false;
  if (h.blueprint.empty() || h.kind.find("app_") != std::string::npos) return true;
  return is_within(r.blueprint, h.blueprint);
}

bool is_standard_converter(std::string_view type) {
  static constexpr std::string_view kStandard[] = {"str",  "string", "int", "float",
                                                   "path", "uuid",   "slug"};
  return std::find(std::begin(kStandard), std::end(kStandard), type) != std::end(kStandard);
}

std::string at(const std::string& file, std::uint32_t line) {
  return file + ":" + std::to_string(line);
}

std::string deprecation_of(const Route& r, const DeprecationList& list) {
  for (const std::string& entry : list.entries) {
    if (entry.starts_with('/')) {
      if (entry == r.path || entry == r.path_template) return entry;
    } else if (const std::size_t space = entry.find(' '); space != std::string::npos) {
      const std::string method = entry.substr(0, space);
      const std::string path = entry.substr(space + 1);
      if ((path == r.path || path == r.path_template) &&
          std::find(r.methods.begin(), r.methods.end(), method) != r.methods.end()) {
        return entry;
      }
    } else if (entry.ends_with('*') ? r.handler.starts_with(entry.substr(0, entry.size() - 1))
                                    : r.handler == entry) {
      return entry;
    }
  }
  for (const HandlerUse& use : r.uses) {
    if (use.name.starts_with("decorator:") && use.name.find("deprecat") != std::string::npos)
      return use.name.substr(10);
  }
  return {};
}

}  // namespace

const AdapterRule* adapter_rule_for(std::string_view use) {
  for (const AdapterRule& rule : kRules) {
    if (is_within(use, rule.prefix)) return &rule;
  }
  return nullptr;
}

std::vector<MatrixRow> build_compatibility_matrix(const Inventory& inv,
                                                  const DeprecationList& deprecated) {
  std::unordered_map<std::string_view, const DataModel*> models;
  for (const DataModel& m : inv.models)
    models.emplace(m.name, &m);
  std::unordered_map<std::string_view, std::vector<const Python2Blocker*>> python2;
  for (const Python2Blocker& b : inv.python2)
    python2[b.module].push_back(&b);

  std::vector<MatrixRow> rows;
  for (const Route& r : inv.routes) {
    MatrixRow row{.route_id = r.id, .family = r.family};
    std::map<std::pair<std::string, std::string>, Adapter> adapters;  // (id, evidence)
    const auto add = [&](std::string_view id, std::string_view fastapi, std::string evidence,
                         const std::string& file, std::uint32_t line) {
      auto [it, inserted] =
          adapters.try_emplace({std::string(id), evidence}, Adapter{.id = std::string(id),
                                                                    .fastapi = std::string(fastapi),
                                                                    .evidence = evidence,
                                                                    .file = file,
                                                                    .line = line});
      if (!inserted && line < it->second.line) it->second.line = line;  // the first use
    };
    for (const HandlerUse& use : r.uses) {
      if (const std::string_view model = model_in_use(use.name); !model.empty()) {
        const auto m = models.find(model);
        if (m == models.end()) continue;
        if (m->second->orm == "django") {
          add("django-orm", "a sync def endpoint, or sync_to_async: the Django ORM is synchronous",
              std::string(model), use.file, use.line);
        } else {
          add("sqlalchemy-session", "a Session dependency (Depends(get_db)) for db.session",
              std::string(model), use.file, use.line);
        }
      } else if (const AdapterRule* rule = adapter_rule_for(use.name)) {
        // The rule's name, not each attribute read through it: one
        // adapter for current_user, however many fields the view reads.
        add(rule->id, rule->fastapi, std::string(rule->prefix), use.file, use.line);
      }
    }
    for (const std::string& guard : r.guards) {
      if (guard.find("csrf") != std::string::npos) {
        add("csrf", "CSRF middleware or a double-submit token dependency", guard, r.file, r.line);
      } else {
        add("auth-decorator", "a security dependency (Depends)", guard, r.file, r.line);
      }
    }
    for (const Hook& h : inv.hooks) {
      if (!applies_to(h, r)) continue;
      const bool error_handler = h.kind.find("errorhandler") != std::string::npos;
      add(error_handler ? "error-handlers" : "request-hooks",
          error_handler ? "exception handlers (app.exception_handler)"
                        : "middleware or router dependencies",
          h.kind + " " + h.handler, h.file, h.line);
    }
    for (const RouteParam& p : r.params) {
      if (!is_standard_converter(p.type)) {
        add("custom-converter", "a Path() parameter with validation, or a Starlette convertor",
            p.name + ":" + p.type, r.file, r.line);
      }
    }
    for (auto& [key, adapter] : adapters)
      row.adapters.push_back(std::move(adapter));

    if (r.partial) row.blockers.push_back("route not resolved statically: " + r.unresolved);
    if (auto it = python2.find(r.module); it != python2.end()) {
      for (const Python2Blocker* b : it->second)
        row.blockers.push_back(b->construct + " at " + at(b->file, b->line));
    }
    row.deprecated_by = deprecation_of(r, deprecated);
    row.status = !row.deprecated_by.empty() ? "deprecated"
                 : !row.blockers.empty()    ? "blocked"
                 : !row.adapters.empty()    ? "adapted"
                                            : "unchanged";
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace cutover
