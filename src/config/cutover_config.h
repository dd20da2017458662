#pragma once
// Project configuration: `[tool.cutover]` in the scanned tree's
// pyproject.toml, or the top level of its cutover.toml (toml++). Command
// line flags win over it.
//
//   [tool.cutover]
//   roots = ["src"]                      # folders on sys.path
//   settings = "crm_site.settings"       # Django settings module
//   deprecated = ["GET /old/", "/legacy/export", "shop.views.old_*"]
//   source_url = "https://git.example.com/shop/blob/main/{file}#L{line}"
//   [tool.cutover.families]              # regroup endpoints
//   storefront = ["/catalog", "/orders"] # path prefixes start with '/' or '^'
//   back_office = ["shop.admin"]         # else handler module prefixes
//   [tool.cutover.weights]               # score weights (see ScoreWeights)
//   read_only = 3.0
//   access_log = ["logs/access.log*"]    # as --access-log (relative to this file)
//   log_format = "combined"              # as --log-format
//   mount_prefix = "/app"                # as --mount-prefix
//   [tool.cutover.log_fields]            # as --log-field, for JSON lines
//   method = "req.method"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "plan/migration_plan.h"
#include "traffic/traffic_analysis.h"

namespace cutover {

struct CutoverConfig {
  std::string source;  // the file it was read from, "" when none
  std::vector<std::string> roots;
  std::string django_settings;
  std::vector<FamilyOverride> families;
  std::optional<ScoreWeights> weights;
  DeprecationList deprecated;
  std::string source_url;  // report links to the source: "https://…/blob/main/{file}#L{line}"
  TrafficOptions traffic;  // access logs, relative paths resolved from the config's folder
};

// Reads `explicit_file` if given, else cutover.toml, else pyproject.toml's
// [tool.cutover] in `root`; an empty config when there is none. Throws
// std::runtime_error with file:line:column on a malformed file or value.
CutoverConfig load_cutover_config(const std::filesystem::path& root,
                                  const std::filesystem::path& explicit_file = {});

// Parses configuration text (the [tool.cutover] table when `in_pyproject`).
CutoverConfig parse_cutover_config(std::string_view text, const std::string& source,
                                   bool in_pyproject);

}  // namespace cutover
