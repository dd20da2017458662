#include "frameworks/django/django_admin.h"

#include <algorithm>

#include "frameworks/django/django_admin_table.h"
#include "link/static_eval.h"
#include "util/ascii_case.h"

namespace cutover {
namespace {

bool is_default_site(std::string_view external) {
  return external == "django.contrib.admin.site" || external == "django.contrib.admin.sites.site";
}

const std::vector<std::string> kAnyMethod = {"ANY"};
// RedirectView's handlers, as the resolver dump lists them.
const std::vector<std::string> kRedirectMethods = {"DELETE", "GET",  "HEAD", "OPTIONS",
                                                   "PATCH",  "POST", "PUT"};

// A class of the tree on the way from a ModelAdmin or AdminSite class to
// django's, nearest first, and the classes of other packages it derives from.
struct Hierarchy {
  std::vector<std::pair<std::size_t, const DefinitionFact*>> classes;
  std::vector<std::string> externals;

  // The tree's override of `method`, dotted, or "".
  std::string override_of(const NameResolver& names, std::string_view method) const {
    for (const auto& [file, cls] : classes) {
      if (std::find(cls->methods.begin(), cls->methods.end(), method) != cls->methods.end()) {
        return names.files()[file].module + "." + cls->qualified_name + "." + std::string(method);
      }
    }
    return "";
  }

  // Whether the nearest get_urls of the tree's classes returns URLs of its
  // own only (it never calls the parent's get_urls): Django's are then gone.
  bool replaces_urls(const NameResolver& names) const {
    for (const auto& [file, cls] : classes) {
      if (std::find(cls->methods.begin(), cls->methods.end(), "get_urls") == cls->methods.end()) {
        continue;
      }
      const FileSummary& summary = names.files()[file];
      const std::string function = cls->qualified_name + ".get_urls";
      auto mentions = [&](const PythonValue& v) {
        return render(v).find("get_urls") != std::string::npos;
      };
      bool returns = false;
      for (const ReturnFact& r : summary.returns) {
        if (r.scope != function) continue;
        returns = true;
        if (mentions(r.value)) return false;
      }
      for (const AssignmentFact& a : summary.assignments) {
        if (a.scope == function && mentions(a.value)) return false;
      }
      for (const CallFact& c : summary.calls) {
        if (c.scope == function && mentions(c.call)) return false;
      }
      return returns;
    }
    return false;
  }

  // A class attribute set by the nearest class of the tree, as written.
  const PythonValue* attribute(const NameResolver& names, std::string_view name) const {
    for (const auto& [file, cls] : classes) {
      for (const AssignmentFact& a : names.files()[file].assignments) {
        if (a.scope == cls->qualified_name && a.target == name) return &a.value;
      }
    }
    return nullptr;
  }
};

Hierarchy hierarchy_of(const NameResolver& names, std::size_t file, std::string_view scope,
                       std::string_view dotted) {
  Hierarchy out;
  if (dotted.empty()) return out;
  walk_class_hierarchy(
      names, file, scope, dotted,
      [&](std::size_t f, const DefinitionFact& cls) { out.classes.emplace_back(f, &cls); },
      [&](const std::string& external) { out.externals.push_back(external); });
  return out;
}

AdminRoute admin_route(const AdminUrl& url, std::string prefix, std::string_view info,
                       const NameResolver& names, const Hierarchy& hierarchy) {
  AdminRoute r{.pattern = std::move(prefix) + std::string(url.pattern), .regex = url.regex};
  r.name = std::string(url.name);
  if (const std::size_t at = r.name.find("{}"); at != std::string::npos) {
    r.name.replace(at, 2, info);
  }
  r.methods = url.redirect ? kRedirectMethods : kAnyMethod;
  r.handler = std::string(url.view);
  if (!url.redirect) {
    if (std::string own = hierarchy.override_of(names, last_component(url.view)); !own.empty()) {
      r.handler = std::move(own);
    }
  }
  return r;
}

}  // namespace

DjangoAdmin::DjangoAdmin(const NameResolver& names,
                         const std::vector<ClassConstruction>& constructions,
                         const DjangoProject& project, std::vector<Diagnostic>& diagnostics)
    : names_(names), project_(project), diagnostics_(diagnostics) {
  for (const ClassConstruction& c : constructions) {
    if (has_ancestor(c.external_ancestors,
                     {"django.contrib.admin.AdminSite", "django.contrib.admin.sites.AdminSite"})) {
      custom_sites_.push_back(&c);
    }
  }
  read_registrations();
}

std::optional<const AssignmentFact*> DjangoAdmin::site_of(std::size_t file, std::string_view scope,
                                                          std::string_view dotted) const {
  const NameTarget t = names_.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kExternal && is_default_site(t.name)) {
    return static_cast<const AssignmentFact*>(nullptr);
  }
  if (t.kind == NameTarget::Kind::kAssignment) {
    for (const ClassConstruction* c : custom_sites_) {
      if (c->assignment == t.assignment) return t.assignment;
    }
  }
  return std::nullopt;
}

std::vector<AdminRoute> DjangoAdmin::model_routes(const Registration& r) const {
  const Hierarchy hierarchy = hierarchy_of(names_, r.file, r.scope, r.admin);
  const std::string info = r.model.app_label + "_" + r.model.model_name;
  const std::string prefix = r.model.app_label + "/" + r.model.model_name + "/";
  if (hierarchy.replaces_urls(names_)) {
    diagnostics_.push_back({names_.files()[r.file].path, hierarchy.classes.front().second->line,
                            Severity::kInfo, "admin-urls",
                            "the admin URLs of " + info + " come from a get_urls() of " +
                                hierarchy.classes.front().second->name + " that is not read"});
    return {};
  }
  // URLs the ModelAdmin classes of other packages add, in front of ModelAdmin's.
  std::vector<AdminUrl> urls;
  std::vector<std::string> externals = hierarchy.externals;
  if (!r.external_admin.empty()) externals.push_back(r.external_admin);
  for (const std::string& external : externals) {
    for (const AdminUrl& url : external_model_admin_urls(external)) {
      const bool seen = std::any_of(urls.begin(), urls.end(),
                                    [&](const AdminUrl& u) { return u.pattern == url.pattern; });
      if (!seen) urls.push_back(url);
    }
  }
  urls.insert(urls.end(), model_admin_urls().begin(), model_admin_urls().end());
  std::vector<AdminRoute> out;
  for (const AdminUrl& url : urls) {
    out.push_back(admin_route(url, prefix, info, names_, hierarchy));
    out.back().condition_refs = r.condition_refs;
    if (!url.redirect && !hierarchy.classes.empty()) {
      const auto& [file, cls] = hierarchy.classes.front();
      out.back().admin_class = names_.files()[file].module + "." + cls->qualified_name;
    }
  }
  return out;
}

std::optional<AdminSiteUrls> DjangoAdmin::site_urls(std::size_t file, std::string_view scope,
                                                    std::string_view dotted) const {
  constexpr std::string_view kUrls = ".urls";
  if (!dotted.ends_with(kUrls)) return std::nullopt;
  const auto site = site_of(file, scope, dotted.substr(0, dotted.size() - kUrls.size()));
  if (!site) return std::nullopt;
  AdminSiteUrls out{.namespace_name = "admin"};
  Hierarchy hierarchy;
  if (const AssignmentFact* custom = *site) {
    const ClassConstruction* c =
        *std::find_if(custom_sites_.begin(), custom_sites_.end(),
                      [&](const ClassConstruction* s) { return s->assignment == custom; });
    const EvalScope at{.names = &names_, .file = c->file, .scope = custom->scope};
    if (const PythonValue* name = call_argument(custom->value, 0, "name")) {
      out.namespace_name = evaluate_string(*name, at).value_or(out.namespace_name);
    }
    hierarchy = hierarchy_of(names_, c->file, custom->scope, custom->value.text);
    if (hierarchy.replaces_urls(names_)) {
      diagnostics_.push_back({names_.files()[c->file].path, custom->line, Severity::kInfo,
                              "admin-urls",
                              "the URLs of admin site " + custom->target +
                                  " come from a get_urls() that is not read"});
      return out;
    }
  }
  for (const AdminUrl& url : admin_site_urls())
    out.routes.push_back(admin_route(url, "", "", names_, hierarchy));
  std::vector<std::string> labels;
  for (const Registration& r : registry_) {
    if (r.site != *site) continue;
    for (AdminRoute& route : model_routes(r))
      out.routes.push_back(std::move(route));
    if (std::find(labels.begin(), labels.end(), r.model.app_label) == labels.end()) {
      labels.push_back(r.model.app_label);
    }
  }
  if (!labels.empty()) {
    std::string alternatives;
    for (const std::string& label : labels)
      alternatives += (alternatives.empty() ? "" : "|") + label;
    AdminRoute index = admin_route(kAdminAppIndex, "", "", names_, hierarchy);
    index.pattern += alternatives + ")/$";
    out.routes.push_back(std::move(index));
  }
  const PythonValue* catch_all = hierarchy.attribute(names_, "final_catch_all_view");
  if (!catch_all || catch_all->text != "False") {
    out.routes.push_back(admin_route(kAdminCatchAll, "", "", names_, hierarchy));
  }
  return out;
}

}  // namespace cutover
