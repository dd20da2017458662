#pragma once
// Picks a few fields out of one JSON object (a JSON-lines log record)
// without building a document: one pass, no recursion (nesting is followed
// with an explicit stack), nested members named by dotted paths
// ("httpRequest.status"). Arrays are skipped.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cutover {

struct JsonField {
  bool found = false;
  bool is_string = false;
  std::string_view text;  // a string's decoded value, or a number's / literal's text
};

// Fills fields[i] for wanted[i]; false when `line` is not one well-formed
// JSON object. String values are decoded into `scratch` (reused).
bool extract_json_fields(std::string_view line, const std::vector<std::string>& wanted,
                         std::vector<JsonField>& fields, std::vector<std::string>& scratch);

}  // namespace cutover
