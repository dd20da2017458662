#include "cli/scan_command.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/scan_or_report.h"
#include "config/cutover_config.h"
#include "emit/atomic_file.h"
#include "emit/graph_export.h"
#include "emit/html_report.h"
#include "emit/inventory_json.h"
#include "emit/markdown_summary.h"
#include "emit/source_link.h"
#include "scan/scan_pipeline.h"

namespace cutover {
namespace {

// The flag, else the config (already read without error by the scan), else
// the scanned folder as seen from the output folder, so the report opens
// the local files.
std::string source_url_for(const ScanCommandOptions& options, const std::filesystem::path& out) {
  namespace fs = std::filesystem;
  if (!options.source_url.empty()) return options.source_url;
  const std::string configured =
      load_cutover_config(options.scan.root, options.scan.config_file).source_url;
  if (!configured.empty()) return configured;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(options.scan.root, ec);
  const fs::path from = fs::weakly_canonical(out, ec);
  if (ec) return "";
  const std::string relative = root.lexically_relative(from).generic_string();
  if (relative.empty()) return "";
  return percent_encode_path(relative == "." ? "" : relative + "/") + "{file}";
}

}  // namespace

int run_scan_command(const ScanCommandOptions& options) {
  namespace fs = std::filesystem;
  const auto started = std::chrono::steady_clock::now();
  const std::optional<Inventory> scanned = scan_or_report(options.scan);
  if (!scanned) return 1;
  const Inventory& inventory = *scanned;

  const fs::path out_dir = options.out_dir;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "cutover: cannot create output folder " << out_dir << ": " << ec.message() << "\n";
    return 1;
  }
  // The JSON goes last: a reader that sees the new inventory sees the new
  // report too.
  const auto wanted = [&](std::string_view format) {
    return std::find(options.formats.begin(), options.formats.end(), format) !=
           options.formats.end();
  };
  const HtmlReportOptions html{.source_url = source_url_for(options, out_dir)};
  std::vector<std::pair<std::string, std::string>> outputs;
  if (wanted("md")) outputs.emplace_back("summary.md", markdown_summary(inventory));
  if (wanted("dot")) outputs.emplace_back("graph.dot", graph_to_dot(inventory, {}));
  if (wanted("html")) outputs.emplace_back("report.html", render_html_report(inventory, html));
  if (wanted("json")) outputs.emplace_back("inventory.json", inventory_to_json(inventory));
  for (const auto& [name, content] : outputs) {
    if (const std::string error = write_file_atomically(out_dir / name, content); !error.empty()) {
      std::cerr << "cutover: " << error << "\n";
      return 1;
    }
  }

  if (!options.quiet) {
    std::size_t partial = 0;
    for (const Route& r : inventory.routes)
      partial += r.partial;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "cutover: " << inventory.files.size() << " files, " << inventory.modules.size()
              << " modules, " << inventory.routes.size() << " endpoints (" << partial
              << " partial), " << inventory.cycles.size() << " import cycles, "
              << inventory.diagnostics.size() << " diagnostics in " << seconds << " s\n";
    for (const auto& [name, content] : outputs)
      std::cout << "wrote " << (out_dir / name).string() << "\n";
  }
  return 0;
}

}  // namespace cutover
