#include "discover/source_discovery.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <utility>

#include "model/utf8.h"

namespace cutover {
namespace fs = std::filesystem;
namespace {

bool is_tool_folder(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      ".git",          ".hg",   ".svn",          "node_modules", "__pycache__",
      ".tox",          ".nox",  ".venv",         "venv",         ".mypy_cache",
      ".pytest_cache", ".eggs", "site-packages", ".ruff_cache",  ".direnv"};
  return std::find(std::begin(kSkipped), std::end(kSkipped), name) != std::end(kSkipped);
}

bool is_virtualenv(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec) || fs::exists(dir / "bin" / "activate", ec);
}

bool excluded(const std::string& rel_path, const std::string& name,
              const std::vector<std::string>& globs) {
  for (const std::string& glob : globs) {
    if (fnmatch(glob.c_str(), rel_path.c_str(), 0) == 0) return true;
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

// Whether `path` (canonical) is `root` (canonical) or below it.
bool inside(const fs::path& root, const fs::path& path) {
  const auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

std::string join_rel(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + "/" + name;
}

}  // namespace

ModuleName module_name_for(std::string_view rel_path, std::string_view root_name,
                           const std::unordered_set<std::string>& package_dirs,
                           const std::vector<std::string>& source_roots) {
  std::vector<std::string_view> folders;
  std::vector<std::string> folder_paths;  // folder_paths[i] = folders[0..i] joined by '/'
  std::size_t start = 0;
  for (std::size_t slash; (slash = rel_path.find('/', start)) != std::string_view::npos;
       start = slash + 1) {
    folders.push_back(rel_path.substr(start, slash - start));
    folder_paths.emplace_back(rel_path.substr(0, slash));
  }
  std::string_view stem = rel_path.substr(start);
  if (stem.ends_with(".py")) stem.remove_suffix(3);

  // The module path starts below the deepest declared source root, else
  // below the nearest ancestor that is not a package.
  std::size_t first = folders.size();
  bool declared = false;
  for (std::size_t depth = folders.size(); depth > 0 && !declared; --depth) {
    declared = std::find(source_roots.begin(), source_roots.end(), folder_paths[depth - 1]) !=
               source_roots.end();
    if (declared) first = depth;
  }
  if (!declared && std::find(source_roots.begin(), source_roots.end(), "") != source_roots.end()) {
    declared = true;
    first = 0;
  }
  if (!declared) {
    while (first > 0 && package_dirs.contains(folder_paths[first - 1]))
      --first;
  }

  ModuleName out;
  if (first > 0) out.source_root = folder_paths[first - 1];
  std::vector<std::string_view> names;
  if (first == 0 && !declared && package_dirs.contains("") && !root_name.empty())
    names.push_back(root_name);
  names.insert(names.end(), folders.begin() + static_cast<std::ptrdiff_t>(first), folders.end());
  if (stem != "__init__") names.push_back(stem);
  for (std::string_view name : names) {
    if (!out.module.empty()) out.module += '.';
    out.module += name;
  }
  return out;
}

Discovery discover_sources(const fs::path& root, const DiscoveryOptions& options) {
  Discovery out;
  std::unordered_set<std::string> package_dirs;
  std::set<std::pair<dev_t, ino_t>> seen_dirs;  // real folders entered, to stop symlink loops
  // Folders reached through a symlink wait until every real folder has been
  // entered, so a tree's files are named by their real paths and the alias
  // is what gets reported.
  std::vector<std::pair<fs::path, std::string>> pending{{root, ""}};
  std::vector<std::pair<fs::path, std::string>> through_symlinks;
  struct FoundFile {
    std::string rel;
    fs::path abs;
  };
  std::vector<FoundFile> found;
  std::error_code root_ec;
  const fs::path canonical_root = fs::weakly_canonical(root, root_ec);

  while (!pending.empty() || !through_symlinks.empty()) {
    auto& queue = pending.empty() ? through_symlinks : pending;
    auto [dir, rel_dir] = std::move(queue.back());
    queue.pop_back();
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) continue;
    if (!seen_dirs.insert({st.st_dev, st.st_ino}).second) {
      out.diagnostics.push_back({rel_dir, 0, Severity::kWarning, "symlink-loop",
                                 "folder reached again through a symlink; not entered twice"});
      continue;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      out.diagnostics.push_back({rel_dir, 0, Severity::kError, "unreadable-directory",
                                 "cannot list folder: " + ec.message()});
      continue;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      const std::string rel = join_rel(rel_dir, name);
      if (excluded(rel, name, options.exclude_globs)) continue;
      std::error_code status_ec;
      const fs::file_status status = entry.status(status_ec);  // follows symlinks
      if (status_ec || status.type() == fs::file_type::not_found) {
        if (entry.is_symlink(status_ec)) {
          out.diagnostics.push_back({rel, 0, Severity::kInfo, "broken-symlink",
                                     "symlink whose target does not exist; skipped"});
        }
        continue;
      }
      std::error_code link_ec;
      const bool symlink = entry.is_symlink(link_ec);
      // A link out of the tree would scan someone else's code (a system
      // site-packages, a home folder) as if it were the project's.
      if (symlink && (fs::is_directory(status) || name.ends_with(".py"))) {
        std::error_code target_ec;
        const fs::path target = fs::weakly_canonical(entry.path(), target_ec);
        if (target_ec || !inside(canonical_root, target)) {
          out.diagnostics.push_back(
              {rel, 0, Severity::kWarning, "symlink-outside-tree",
               "symlink to " + target.string() + ", outside the scanned folder; not followed"});
          continue;
        }
      }
      if (fs::is_directory(status)) {
        if (is_tool_folder(name) || is_virtualenv(entry.path())) continue;
        (symlink ? through_symlinks : pending).emplace_back(entry.path(), rel);
      } else if (name.ends_with(".py")) {
        if (!fs::is_regular_file(status)) {  // a FIFO would block the reader forever
          out.diagnostics.push_back({rel, 0, Severity::kWarning, "not-a-regular-file",
                                     "named like Python source but not a regular file; skipped"});
          continue;
        }
        if (!is_valid_utf8(rel)) {
          out.diagnostics.push_back(
              {rel, 0, Severity::kWarning, "non-utf8-name",
               "file name is not valid UTF-8: the outputs show it with U+FFFD, and its module "
               "name cannot be imported as written"});
        }
        if (name == "__init__.py") package_dirs.insert(rel_dir);
        found.push_back({rel, entry.path()});
      }
    }
  }

  const std::string root_name = fs::weakly_canonical(root).filename().string();
  out.files.reserve(found.size());
  for (FoundFile& f : found) {
    SourceFile file;
    ModuleName name = module_name_for(f.rel, root_name, package_dirs, options.source_roots);
    file.module = std::move(name.module);
    file.source_root = std::move(name.source_root);
    file.is_package = f.rel == "__init__.py" || f.rel.ends_with("/__init__.py");
    file.rel_path = std::move(f.rel);
    file.abs_path = std::move(f.abs);
    out.files.push_back(std::move(file));
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.rel_path < b.rel_path; });
  return out;
}

}  // namespace cutover
