#pragma once
// Flask/Werkzeug URL rules: joining blueprint prefixes the way Flask does, and
// converting `<int:id>` rules into typed params and a FastAPI path template.

#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct ConvertedRule {
  std::string path_template;  // "/users/{id}", "/files/{p:path}"
  std::vector<RouteParam> params;
};

ConvertedRule convert_flask_rule(std::string_view rule);

// Werkzeug's own converters, as param types: str, int, float, path, uuid, any.
bool is_builtin_converter_type(std::string_view type);

// Flask's BlueprintSetupState.add_url_rule: prefix + rule with one '/' between.
std::string join_url_prefix(std::string_view prefix, std::string_view rule);

}  // namespace cutover
