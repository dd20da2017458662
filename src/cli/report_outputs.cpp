#include "cli/report_outputs.h"

#include <algorithm>
#include <iostream>

#include "cache/layout_cache.h"
#include "config/cutover_config.h"
#include "emit/atomic_file.h"
#include "emit/graph_recipe.h"
#include "emit/source_link.h"
#include "util/parallel_for.h"

namespace cutover {

bool wants_format(const std::vector<std::string>& formats, std::string_view format) {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

void print_written(const std::filesystem::path& out_dir, const OutputFiles& files) {
  for (const auto& [name, content] : files)
    std::cout << "wrote " << (out_dir / name).string() << "\n";
}

std::string StagedOutputs::stage(const std::filesystem::path& out_dir, const OutputFiles& files,
                                 unsigned jobs) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return "cannot create output folder " + out_dir.string() + ": " + ec.message();
  for (const auto& [name, content] : files)
    remove_stale_temporaries(out_dir / name);
  // Side by side: most of a write's time is the kernel copying the bytes
  // (tens of MB for a big tree), and the files are independent.
  std::vector<StagedFile> staged(files.size());
  std::vector<std::string> errors(files.size());
  parallel_for_each_index(files.size(), resolved_jobs(jobs), [&](std::size_t i) {
    errors[i] = stage_file(out_dir / files[i].first, files[i].second, Flush::kYes, staged[i]);
  });
  std::string problem;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!errors[i].empty()) {
      if (problem.empty()) problem = errors[i];
    } else {
      staged_.emplace_back(files[i].first, staged[i]);
    }
  }
  return problem;
}

std::string StagedOutputs::commit(const std::vector<std::string>& order) {
  std::string problem;
  for (const std::string& name : order) {
    const auto it = std::find_if(staged_.begin(), staged_.end(),
                                 [&](const auto& s) { return s.first == name; });
    if (it == staged_.end()) continue;
    if (problem.empty()) problem = commit_staged_file(it->second);
    if (!problem.empty()) discard_staged_file(it->second);
    staged_.erase(it);
  }
  return problem;
}

StagedOutputs::~StagedOutputs() {
  for (const auto& [name, file] : staged_)
    discard_staged_file(file);
}

int write_output_files(const std::filesystem::path& out_dir, const OutputFiles& files,
                       unsigned jobs) {
  // Every file is written before any replaces its old version: a full disk
  // or a kill while writing leaves all the previous outputs.
  StagedOutputs staged;
  std::string problem = staged.stage(out_dir, files, jobs);
  if (problem.empty()) {
    std::vector<std::string> order;
    for (const auto& [name, content] : files)
      order.push_back(name);
    problem = staged.commit(order);
  }
  if (problem.empty()) return 0;
  std::cerr << "cutover: " << problem << "\n";
  return 1;
}

std::string report_source_url(const std::string& flag, const ScanOptions& scan,
                              const std::filesystem::path& out_dir) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;
  const std::string configured = load_cutover_config(scan.root, scan.config_file).source_url;
  if (!configured.empty()) return configured;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(scan.root, ec);
  const fs::path from = fs::weakly_canonical(out_dir, ec);
  if (ec) return "";
  const std::string relative = root.lexically_relative(from).generic_string();
  if (relative.empty()) return "";
  return percent_encode_path(relative == "." ? "" : relative + "/") + "{file}";
}

PrestartedWorkers start_layout_workers(const ScanOptions& scan) {
  const unsigned jobs = resolved_jobs(scan.jobs);
  return jobs > 1 ? PrestartedWorkers::start(jobs, svg_of_recipe)
                  : PrestartedWorkers(svg_of_recipe);
}

ReportDrawings draw_report(const Inventory& inventory, const ScanOptions& scan,
                           PrestartedWorkers& workers, const std::function<void()>& meanwhile) {
  ReportDrawings out;
  if (!scan.cache_dir.empty()) out.layouts = load_svg_layouts(scan.cache_dir, scan.root);
  out.graphs = draw_report_graphs(inventory, &out.layouts, &workers, meanwhile);
  return out;
}

std::string save_report_layouts(const ScanOptions& scan, SvgLayoutMemo layouts) {
  if (scan.cache_dir.empty()) return "";
  return save_svg_layouts(scan.cache_dir, scan.root, std::move(layouts));
}

bool record_history(const std::string& file, const HistoryRun& run, std::vector<HistoryRun>& runs) {
  std::string error;
  std::optional<std::vector<HistoryRun>> all = append_history(file, run, error);
  if (!all) {
    std::cerr << "cutover: history " << error << "\n";
    return false;
  }
  runs = std::move(*all);
  return true;
}

}  // namespace cutover
