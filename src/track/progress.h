#pragma once
// Matches legacy endpoints to the FastAPI routes that replace them, by method
// and normalised path template: parameter names and converters do not take
// part in the match (`/users/<int:id>` and `/users/{user_id}` are one path),
// their types are then compared as the contract. A trailing slash difference
// still matches (FastAPI redirects it), reported as a mismatch.

#include <string>

#include "model/inventory.h"
#include "model/progress.h"

namespace cutover {

Progress match_progress(const Inventory& legacy, const Inventory& target);

// "/users/{id}/x/{p:path}" → "/users/{}/x/{:path}", trailing slash dropped
// (except on "/"): what two routes must share to be one endpoint.
std::string match_key(std::string_view path_template);

// Whether a legacy converter type and a FastAPI annotation type accept the
// same values: str, string, slug, default and regex groups are all str.
bool same_param_type(std::string_view legacy, std::string_view target);

// How the contract of FastAPI route `target` differs from legacy `legacy`'s
// (matched by match_key): path parameter types and names by position, and
// the trailing slash.
std::vector<ContractDifference> contract_differences(const Route& legacy, const Route& target);

// "product_id: int → str: <reason>", "trailing slash: /a/ → /a: <reason>".
std::string difference_text(const ContractDifference& d);

}  // namespace cutover
