#pragma once
// openapi.json: the HTTP surface of a scanned tree as an OpenAPI 3.1
// document, the contract a FastAPI port starts from. One path item per route
// template, one operation per method, typed path parameters, the families as
// tags, guards as security schemes, and what cutover knows of each endpoint
// under `x-cutover` (status, adapters, wave, handler file:line). Routes that
// are no operation are listed in `x-cutover-partial` and `x-cutover-left-out`.

#include <map>
#include <string>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct OpenApiOptions {
  std::string server_url = "/";  // `servers[0].url`
  // A FastAPI tree scanned by `progress`: per target route id, the legacy
  // route ids it serves (x-cutover.replaces).
  const std::map<std::string, std::vector<std::string>>* replaces = nullptr;
};

std::string openapi_document(const Inventory& inventory, const OpenApiOptions& options);

// Whether a guard (Route::guards) asks for an authenticated user, as opposed
// to CSRF or caching decorators: it becomes a security requirement.
bool authentication_guard(std::string_view guard);

}  // namespace cutover
