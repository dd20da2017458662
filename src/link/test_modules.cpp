#include "link/test_modules.h"

#include <set>
#include <unordered_map>

#include "link/test_code.h"

namespace cutover {

std::vector<char> find_test_files(const std::vector<FileSummary>& files, const ModuleIndex& index,
                                  const std::vector<ImportEdge>& imports,
                                  const std::vector<std::string>& handler_modules) {
  std::vector<char> test(files.size(), 0);
  std::unordered_map<std::string_view, std::size_t> file_of;
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (!files[f].module.empty()) file_of.emplace(index.id_of(f), f);
    test[f] = is_test_path(files[f].path);
  }
  std::vector<char> holds_handler(files.size(), 0);
  for (const std::string& m : handler_modules) {
    if (const auto it = file_of.find(m); it != file_of.end()) holds_handler[it->second] = 1;
  }
  // Distinct importers of each file, and what each file imports. Every
  // internal edge counts, Django's dotted strings (INSTALLED_APPS, views)
  // included: a module the settings name is the application's.
  std::vector<std::set<std::size_t>> importers(files.size()), imported(files.size());
  for (const ImportEdge& e : imports) {
    if (e.kind != ImportKind::kInternal) continue;
    const auto from = file_of.find(e.from);
    const auto to = file_of.find(e.to);
    if (from == file_of.end() || to == file_of.end() || from->second == to->second) continue;
    importers[to->second].insert(from->second);
    imported[from->second].insert(to->second);
  }
  const auto only_tests_import = [&](std::size_t f) {
    if (test[f] || holds_handler[f] || importers[f].empty()) return false;
    for (std::size_t by : importers[f]) {
      if (!test[by]) return false;
    }
    return true;
  };
  // Each file that becomes test code may make the files it imports test
  // code too: a worklist over what the test files import.
  std::vector<std::size_t> work;
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (test[f]) work.push_back(f);
  }
  while (!work.empty()) {
    const std::size_t f = work.back();
    work.pop_back();
    for (std::size_t to : imported[f]) {
      if (!only_tests_import(to)) continue;
      test[to] = 1;
      work.push_back(to);
    }
  }
  return test;
}

void mark_test_modules(Inventory& inv, const std::vector<FileSummary>& files,
                       const ModuleIndex& index, const std::vector<char>& test_files) {
  std::unordered_map<std::string_view, Module*> by_name;
  for (Module& m : inv.modules)
    by_name.emplace(m.name, &m);
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (!test_files[f] || files[f].module.empty()) continue;
    if (const auto it = by_name.find(index.id_of(f)); it != by_name.end()) it->second->test = true;
  }
}

}  // namespace cutover
