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
  std::string module;       // dotted name, relative to `source_root`
  std::string source_root;  // folder the module name starts from ("" for the scan root)
  bool is_package = false;
};

struct DiscoveryOptions {
  std::vector<std::string> exclude_globs;  // fnmatch patterns on the relative path or a name
  // Folders (relative, '/'-separated) that are on sys.path: modules below
  // one are named by their full path from it, namespace folders included.
  std::vector<std::string> source_roots;
};

struct Discovery {
  std::vector<SourceFile> files;  // sorted by rel_path
  std::vector<Diagnostic> diagnostics;
};

Discovery discover_sources(const std::filesystem::path& root, const DiscoveryOptions& options);

struct ModuleName {
  std::string module;
  std::string source_root;
};

// Module name of a file given which folders are packages (hold __init__.py):
// below the deepest declared source root holding the file, else below the
// nearest ancestor folder that is not a package (top-level packages, src/
// layouts and several projects in one tree all follow from that).
// `package_dirs` holds relative folder paths ('/'-separated, "" for the root);
// `root_name` names the root folder when the root itself is a package.
ModuleName module_name_for(std::string_view rel_path, std::string_view root_name,
                           const std::unordered_set<std::string>& package_dirs,
                           const std::vector<std::string>& source_roots = {});

}  // namespace cutover
