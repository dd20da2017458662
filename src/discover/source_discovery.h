#pragma once
// Finds the Python files of a tree and names their modules. Walks directories
// with an explicit stack, skips tool and virtualenv folders, follows symlinks
// once (a directory seen twice is a loop) and reports what it cannot enter.

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "model/diagnostic.h"

namespace cutover {

struct SourceFile {
  std::string rel_path;  // '/'-separated, relative to the scan root
  std::filesystem::path abs_path;
  std::string module;  // dotted name from the nearest folder without __init__.py
  bool is_package = false;
};

struct DiscoveryOptions {
  std::vector<std::string> exclude_globs;  // fnmatch patterns on the relative path or a name
};

struct Discovery {
  std::vector<SourceFile> files;  // sorted by rel_path
  std::vector<Diagnostic> diagnostics;
};

Discovery discover_sources(const std::filesystem::path& root, const DiscoveryOptions& options);

// Module name of a file given which folders are packages (hold __init__.py).
// `package_dirs` holds relative folder paths ('/'-separated, "" for the root);
// `root_name` names the root folder when the root itself is a package.
std::string module_name_for(std::string_view rel_path, std::string_view root_name,
                            const std::unordered_set<std::string>& package_dirs);

}  // namespace cutover
