#pragma once
// What the commands that write an output folder (scan, progress) share.

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "emit/atomic_file.h"
#include "emit/graph_svg.h"
#include "scan/scan_pipeline.h"
#include "track/history.h"

namespace cutover {

// (file name, content) pairs, written in order.
using OutputFiles = std::vector<std::pair<std::string, std::string>>;

// Whether --format asked for `format`.
bool wants_format(const std::vector<std::string>& formats, std::string_view format);

// "wrote OUTDIR/NAME" for each file, after a successful write.
void print_written(const std::filesystem::path& out_dir, const OutputFiles& files);

// Output files in temporaries beside their destinations, not yet in place;
// those never committed are removed.
class StagedOutputs {
 public:
  StagedOutputs() = default;
  StagedOutputs(const StagedOutputs&) = delete;
  StagedOutputs& operator=(const StagedOutputs&) = delete;
  ~StagedOutputs();
  // Creates `out_dir` and writes `files` to temporaries on `jobs` threads
  // (0: one per core). Returns the first problem, "" when all are staged.
  std::string stage(const std::filesystem::path& out_dir, const OutputFiles& files, unsigned jobs);
  // Renames the staged files named in `order` over their destinations, in
  // that order; after a failure the rest are removed. Returns the problem.
  std::string commit(const std::vector<std::string>& order);

 private:
  std::vector<std::pair<std::string, StagedFile>> staged_;
};

// Creates `out_dir` and writes the files atomically, in order: all are
// written to temporaries first, then renamed over the old ones back to back
// (put the file readers check first, inventory.json, last). Exit code: 0, or
// 1 with the reason on stderr and the old files in place. The temporaries
// are written on `jobs` threads (0: one per core).
int write_output_files(const std::filesystem::path& out_dir, const OutputFiles& files,
                       unsigned jobs);

// Where report.html links file:line: `flag`, else the config's source_url
// (the scan already read the config without error), else the scanned
// folder as seen from the output folder, so the report opens local files.
std::string report_source_url(const std::string& flag, const ScanOptions& scan,
                              const std::filesystem::path& out_dir);

// The processes that lay out the report's graphs, one per `scan.jobs`
// (none for one job): started before the scan, while the process has one
// thread and is small (emit/prestarted_workers.h).
PrestartedWorkers start_layout_workers(const ScanOptions& scan);

// The report's graphs, with the layouts the cache folder of `scan` kept
// (when it has one); those it lacks are laid out by `workers`, while
// `meanwhile` runs here.
struct ReportDrawings {
  SvgLayoutMemo layouts;  // this run's, for save_report_layouts
  ReportGraphs graphs;
};
ReportDrawings draw_report(const Inventory& inventory, const ScanOptions& scan,
                           PrestartedWorkers& workers, const std::function<void()>& meanwhile = {});
// Keeps the run's layouts for the next. Returns the problem, "" when none
// (a warning: the outputs do not depend on it).
std::string save_report_layouts(const ScanOptions& scan, SvgLayoutMemo layouts);

// Appends `run` to the history `file` and fills `runs` with all of them;
// false, with the reason on stderr, when the file cannot be used.
bool record_history(const std::string& file, const HistoryRun& run, std::vector<HistoryRun>& runs);

}  // namespace cutover
