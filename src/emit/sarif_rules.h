#pragma once
// The rules of cutover.sarif: one per diagnostic code cutover emits, and
// one per finding it reports from its analysis (partial and assumed routes,
// Python 2 blockers, import cycles, new legacy endpoints), each with the help
// text code scanning shows beside a result.

#include <span>
#include <string>
#include <string_view>

namespace cutover {

struct SarifRule {
  std::string_view id;     // the diagnostic code: "syntax-error"
  std::string_view level;  // default level: "error", "warning" or "note"
  std::string_view short_description;
  std::string_view help;  // what it means and what to do
};

// Every rule, sorted by id.
std::span<const SarifRule> sarif_rules();

// The rule for `code`, or one made up for a code the catalogue lacks
// (generic help), so every result has a rule.
SarifRule sarif_rule(std::string_view code);

// "syntax-error" → "SyntaxError": SARIF's reportingDescriptor.name.
std::string sarif_rule_name(std::string_view id);

}  // namespace cutover
