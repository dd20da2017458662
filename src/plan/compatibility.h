#pragma once
// The compatibility matrix: for each endpoint, the adapters its FastAPI port
// needs, found from what its handler touches (request data, session, `g`,
// templates, streaming, redirects, the ORM), its decorators and mixins, its
// app's or blueprint's hooks and error handlers, its path converters and
// DRF view attributes; and its status.

#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"
#include "model/plan.h"

namespace cutover {

// The deprecated endpoints, from config: "METHOD /path", "/path", or a
// handler's dotted name (a trailing '*' makes it a prefix).
struct DeprecationList {
  std::vector<std::string> entries;
};

std::vector<MatrixRow> build_compatibility_matrix(const Inventory& inv,
                                                  const DeprecationList& deprecated);

// The FastAPI counterpart of an external name or request attribute a
// handler uses ("flask.request.form" → form-data), or nullptr.
struct AdapterRule {
  std::string_view prefix;  // dotted prefix, matched on whole components
  std::string_view id;
  std::string_view fastapi;
};
const AdapterRule* adapter_rule_for(std::string_view resolved_use);

}  // namespace cutover
