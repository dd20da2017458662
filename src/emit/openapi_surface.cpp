#include "emit/openapi_surface.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "model/path_template.h"

namespace cutover {
namespace {

// The operation fields of an OpenAPI 3.1 path item, in the order written.
constexpr std::array<std::string_view, 8> kMethods = {"get",     "put",  "post",  "delete",
                                                      "options", "head", "patch", "trace"};
// What a Django view without a method restriction answers, as operations.
constexpr std::array<std::string_view, 5> kAnyMethods = {"get", "post", "put", "patch", "delete"};

int method_rank(std::string_view method) {
  const auto at = std::find(kMethods.begin(), kMethods.end(), method);
  return at == kMethods.end() ? -1 : static_cast<int>(at - kMethods.begin());
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Parameters by position: "/a/{id}" and "/a/{pk}" are one path to a client
// and one path item to OpenAPI (its `no-identical-paths` rule).
std::string template_key(std::string_view path) {
  std::string key;
  for (const TemplatePart& part : split_path_template(path))
    key += part.parameter ? std::string_view("{}") : part.literal;
  return key;
}

struct Group {
  std::string path;
  std::vector<std::string> names;  // the path item's parameter names, in order
  std::vector<ApiOperation> operations;
};

class SurfaceBuilder {
 public:
  explicit SurfaceBuilder(const std::vector<Route>& routes) : routes_(routes) {}

  ApiSurface run() {
    std::vector<std::size_t> any_routes;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
      const Route& r = routes_[i];
      const bool any = r.methods == std::vector<std::string>{"ANY"};
      if (r.partial) {
        left_out(i, joined_methods(r), "partial");
      } else if (any && r.framework == "fastapi") {
        left_out(i, "ANY", "mount");
      } else if (any) {
        any_routes.push_back(i);
      } else {
        for (const std::string& m : r.methods)
          add(i, m, lower(m), false);
      }
    }
    // Explicit methods first: a route that names GET owns GET on its
    // template before a view open to any method does.
    for (std::size_t i : any_routes) {
      for (std::string_view m : kAnyMethods)
        add(i, "ANY", std::string(m), true);
    }
    ApiSurface out;
    for (Group& g : groups_) {
      std::sort(g.operations.begin(), g.operations.end(),
                [](const ApiOperation& a, const ApiOperation& b) {
                  return method_rank(a.method) < method_rank(b.method);
                });
      out.paths.push_back(ApiPathItem{.path = g.path, .operations = std::move(g.operations)});
    }
    std::sort(out.paths.begin(), out.paths.end(),
              [](const ApiPathItem& a, const ApiPathItem& b) { return a.path < b.path; });
    std::stable_sort(left_out_.begin(), left_out_.end(),
                     [](const ApiLeftOut& a, const ApiLeftOut& b) { return a.route < b.route; });
    out.left_out = std::move(left_out_);
    return out;
  }

 private:
  static std::string joined_methods(const Route& r) {
    std::string out;
    for (const std::string& m : r.methods)
      out += (out.empty() ? "" : " ") + m;
    return out;
  }

  void left_out(std::size_t route, std::string method, std::string reason, std::string kept = {}) {
    left_out_.push_back(ApiLeftOut{.route = route,
                                   .method = std::move(method),
                                   .reason = std::move(reason),
                                   .kept = std::move(kept)});
  }

  Group& group_of(const Route& r) {
    const std::string path = openapi_path(r.path_template);
    const auto [at, inserted] = group_at_.try_emplace(template_key(path), groups_.size());
    if (inserted) {
      groups_.push_back(Group{.path = path});
      for (const TemplatePart& part : split_path_template(groups_.back().path)) {
        if (part.parameter) groups_.back().names.emplace_back(part.name);
      }
    }
    return groups_[at->second];
  }

  std::string unique_id(const Route& r, const std::string& method) {
    std::string base = operation_id_text(r.endpoint.empty() ? r.handler : r.endpoint);
    if (base.empty()) base = "route";
    base += "_" + method;
    std::string id = base;
    for (int n = 2; !ids_.insert(id).second; ++n)
      id = base + "_" + std::to_string(n);
    return id;
  }

  void add(std::size_t route, const std::string& method_as_written, std::string method, bool any) {
    const Route& r = routes_[route];
    if (method_rank(method) < 0) return left_out(route, method_as_written, "method");
    Group& g = group_of(r);
    std::vector<ApiParameter> parameters;
    std::size_t position = 0;
    for (const TemplatePart& part : split_path_template(r.path_template)) {
      if (!part.parameter) continue;
      std::string_view type = "str";
      for (const RouteParam& p : r.params) {
        if (p.name == part.name) type = p.type;
      }
      const std::string_view name =
          position < g.names.size() ? std::string_view(g.names[position]) : part.name;
      parameters.push_back(api_parameter(r, name, type));
      ++position;
    }
    for (ApiOperation& op : g.operations) {
      if (op.method != method) continue;
      if (!merge_types(op, parameters))
        return left_out(route, method_as_written, "duplicate", op.operation_id);
      if (std::find(op.variants.begin(), op.variants.end(), route) == op.variants.end())
        op.variants.push_back(route);
      return left_out(route, method_as_written, "variant", op.operation_id);
    }
    ApiOperation op{.method = method, .route = route, .any_method = any};
    op.operation_id = unique_id(r, method);
    op.parameters = std::move(parameters);
    g.operations.push_back(std::move(op));
  }

  static bool same_schema(const ApiParameter& a, const ApiParameter& b) {
    return a.type == b.type && a.format == b.format && a.pattern == b.pattern &&
           a.minimum == b.minimum && a.converter == b.converter;
  }

  // Adds the types of `other` that the operation's parameters lack as
  // alternatives; false when there was none (a plain duplicate).
  static bool merge_types(ApiOperation& op, const std::vector<ApiParameter>& other) {
    bool merged = false;
    for (std::size_t i = 0; i < op.parameters.size() && i < other.size(); ++i) {
      ApiParameter& p = op.parameters[i];
      bool known = same_schema(p, other[i]);
      for (const ApiParameter& a : p.alternatives)
        known = known || same_schema(a, other[i]);
      if (known) continue;
      ApiParameter alternative = other[i];
      alternative.name = p.name;
      p.alternatives.push_back(std::move(alternative));
      merged = true;
    }
    return merged;
  }

  const std::vector<Route>& routes_;
  std::vector<Group> groups_;
  std::map<std::string, std::size_t> group_at_;
  std::set<std::string> ids_;
  std::vector<ApiLeftOut> left_out_;
};

}  // namespace

std::string openapi_path(std::string_view path_template) {
  std::string out;
  for (const TemplatePart& part : split_path_template(path_template)) {
    if (part.parameter)
      out += "{" + std::string(part.name) + "}";
    else
      out += part.literal;
  }
  if (!out.starts_with('/')) out.insert(out.begin(), '/');
  return out;
}

ApiParameter api_parameter(const Route& route, std::string_view name, std::string_view type) {
  ApiParameter p{.name = std::string(name), .type = "string", .converter = std::string(type)};
  // Werkzeug's and Django's number converters match digits only.
  const bool unsigned_numbers = route.framework != "fastapi";
  if (type == "int") {
    p.type = "integer";
    if (unsigned_numbers) p.minimum = 0;
  } else if (type == "float") {
    p.type = "number";
    if (unsigned_numbers) p.minimum = 0;
  } else if (type == "uuid") {
    p.format = "uuid";
  } else if (type == "slug") {
    p.pattern = "^[-a-zA-Z0-9_]+$";
  } else if (type == "path") {
    p.description = "A path: the value may contain '/'.";
  } else if (type == "any") {
    p.description = "One of the values the rule's any() converter lists.";
  } else if (!(type.empty() || type == "str" || type == "string" || type == "default")) {
    p.description = "Matched by the custom converter '" + std::string(type) +
                    "': a string of the form it accepts.";
    // A converter the tree registers with a plain regex (no Python-only
    // group syntax): the pattern as JSON Schema's ECMA-262 reads it.
    for (const RouteParam& given : route.params) {
      if (given.name == name && !given.regex.empty() &&
          given.regex.find("(?") == std::string::npos) {
        p.pattern = "^(?:" + given.regex + ")$";
        p.description = "Matched by the custom converter '" + std::string(type) + "'.";
      }
    }
  }
  return p;
}

std::string operation_id_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
    out += keep ? c : '_';
  }
  return out;
}

ApiSurface api_surface(const std::vector<Route>& routes) {
  return SurfaceBuilder(routes).run();
}

}  // namespace cutover
