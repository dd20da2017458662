#include "track/inventory_reader.h"

#include <nlohmann/json.hpp>

#include "emit/inventory_json.h"

namespace cutover {
namespace {

using Json = nlohmann::json;

// Field `key` of `object` as a string; "" and a message in `error` when absent.
bool read_string(const Json& object, const char* key, std::string& out, std::string& error,
                 const std::string& where, bool required = true) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    if (required) error = where + ": no string '" + key + "'";
    return !required;
  }
  out = it->get<std::string>();
  return true;
}

bool read_strings(const Json& object, const char* key, std::vector<std::string>& out,
                  std::string& error, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) {
    error = where + ": no array '" + key + "'";
    return false;
  }
  for (const Json& item : *it) {
    if (!item.is_string()) {
      error = where + ": '" + key + "' holds a non-string";
      return false;
    }
    out.push_back(item.get<std::string>());
  }
  return true;
}

std::optional<Route> read_route(const Json& r, std::string& error, const std::string& where) {
  if (!r.is_object()) {
    error = where + ": not an object";
    return std::nullopt;
  }
  Route route;
  if (!read_string(r, "id", route.id, error, where) ||
      !read_string(r, "framework", route.framework, error, where) ||
      !read_strings(r, "methods", route.methods, error, where) ||
      !read_string(r, "path", route.path, error, where) ||
      !read_string(r, "path_template", route.path_template, error, where) ||
      !read_string(r, "handler", route.handler, error, where) ||
      !read_string(r, "family", route.family, error, where, false) ||
      !read_string(r, "file", route.file, error, where, false)) {
    return std::nullopt;
  }
  if (const auto line = r.find("line"); line != r.end() && line->is_number_unsigned())
    route.line = line->get<std::uint32_t>();
  const auto params = r.find("params");
  if (params != r.end() && params->is_array()) {
    for (const Json& p : *params) {
      RouteParam param;
      if (!p.is_object() || !read_string(p, "name", param.name, error, where + ".params") ||
          !read_string(p, "type", param.type, error, where + ".params")) {
        if (error.empty()) error = where + ".params: not an object";
        return std::nullopt;
      }
      route.params.push_back(std::move(param));
    }
  }
  return route;
}

}  // namespace

std::optional<InventoryRoutes> read_inventory_routes(std::string_view text, std::string& error) {
  // No exceptions: a malformed document is a discarded value.
  const Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    error = "not JSON";
    return std::nullopt;
  }
  if (!doc.is_object()) {
    error = "not an inventory (the top level is not an object)";
    return std::nullopt;
  }
  const auto version = doc.find("schema_version");
  if (version == doc.end() || !version->is_number_integer()) {
    error = "not an inventory (no schema_version)";
    return std::nullopt;
  }
  if (version->get<long long>() != kSchemaVersion) {
    error = "schema_version " + version->dump() + ", this cutover reads " +
            std::to_string(kSchemaVersion);
    return std::nullopt;
  }
  InventoryRoutes out;
  read_string(doc, "root", out.root, error, "root", false);
  const auto routes = doc.find("routes");
  if (routes == doc.end() || !routes->is_array()) {
    error = "no routes array";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < routes->size(); ++i) {
    std::optional<Route> r = read_route((*routes)[i], error, "routes[" + std::to_string(i) + "]");
    if (!r) return std::nullopt;
    out.routes.push_back(std::move(*r));
  }
  return out;
}

}  // namespace cutover
