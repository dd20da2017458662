#pragma once
// `cutover diff OLD.json NEW.json`: what changed in the endpoints between two
// inventories; with --fail-on-new, a CI gate that the legacy surface only
// shrinks.

#include <string>

namespace cutover {

struct DiffCommandOptions {
  std::string old_file;
  std::string new_file;
  std::string format = "text";  // or "json", or "sarif" (new-legacy-endpoint results)
  bool fail_on_new = false;
};

// Exit code: 0 compared; 1 with fail_on_new when a route or a method was
// added; 2 an input cannot be read as an inventory.
int run_diff_command(const DiffCommandOptions& options);

}  // namespace cutover
