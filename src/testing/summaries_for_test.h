#pragma once
// Helpers for unit tests: Python source in memory → FileSummary, several
// in-memory files → linked Inventory, and a scratch folder removed at the end.

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "discover/source_discovery.h"
#include "model/file_summary.h"
#include "model/inventory.h"
#include "parse/file_summarizer.h"
#include "scan/scan_pipeline.h"
#include "testing/scratch_tree.h"

namespace cutover::testing {

// One parser per test thread: building the tools is cheap, but not free.
inline SummarizerTools& summarizer_tools() {
  thread_local SummarizerTools tools;
  return tools;
}

// Parses `text` as the file `rel_path` whose module is `module`.
inline FileSummary summarize_python(std::string text, std::string rel_path = "example.py",
                                    std::string module = "example", bool is_package = false) {
  SourceFile file;
  file.rel_path = std::move(rel_path);
  file.abs_path = file.rel_path;
  file.module = std::move(module);
  file.is_package = is_package;
  return summarize_text(file, std::move(text), summarizer_tools());
}

struct PythonFile {
  std::string path;  // '/'-separated, relative to the (imaginary) scan root
  std::string text;
};

// Summarises every file, naming modules as discovery would for a root that is
// not itself a package (folders holding an __init__.py among `files` are packages).
inline std::vector<FileSummary> summarize_tree(const std::vector<PythonFile>& files) {
  std::unordered_set<std::string> package_dirs;
  for (const PythonFile& f : files) {
    if (f.path == "__init__.py") package_dirs.insert("");
    const std::string suffix = "/__init__.py";
    if (f.path.size() > suffix.size() && f.path.ends_with(suffix)) {
      package_dirs.insert(f.path.substr(0, f.path.size() - suffix.size()));
    }
  }
  std::vector<FileSummary> summaries;
  for (const PythonFile& f : files) {
    const bool is_package = f.path == "__init__.py" || f.path.ends_with("/__init__.py");
    ModuleName name = module_name_for(f.path, "", package_dirs);
    summaries.push_back(summarize_python(f.text, f.path, std::move(name.module), is_package));
    summaries.back().source_root = std::move(name.source_root);
  }
  return summaries;
}

// The link stage over in-memory files.
inline Inventory link_python(const std::vector<PythonFile>& files) {
  return link_summaries("tree", summarize_tree(files), {});
}

// A scratch folder under the system temp folder, removed with its contents.
using TempFolder = ScratchTree;

}  // namespace cutover::testing
