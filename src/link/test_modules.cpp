#include "link/test_modules.h"

#include <set>
#include <unordered_map>

#include "link/test_code.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

// Dotted strings a value holds ('shop.auth.models.TokenUser',
// "settings.common"): code loaded by name, as settings and registries do.
void dotted_strings(const PythonValue& v, std::vector<std::string_view>& out, int depth = 0) {
  if (depth > 8) return;
  if (v.kind == PythonValue::Kind::kString) {
    if (v.text.find('.') != std::string::npos && v.text.size() < 200 &&
        is_identifier(top_level_name(v.text)))
      out.push_back(v.text);
    return;
  }
  for (const PythonValue& item : v.items)
    dotted_strings(item, out, depth + 1);
  for (const KeywordArgument& k : v.keywords) {
    for (const PythonValue& item : k.value)
      dotted_strings(item, out, depth + 1);
  }
}

}  // namespace

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
  // Distinct importers of each file, and what each file imports. Only
  // import statements count: a dotted string in settings (INSTALLED_APPS,
  // MIDDLEWARE) is configuration, and test settings name the app's packages
  // as production settings do.
  std::vector<std::set<std::size_t>> importers(files.size()), imported(files.size());
  for (const ImportEdge& e : imports) {
    if (e.kind != ImportKind::kInternal || e.via != "import") continue;
    const auto from = file_of.find(e.from);
    const auto to = file_of.find(e.to);
    if (from == file_of.end() || to == file_of.end() || from->second == to->second) continue;
    importers[to->second].insert(from->second);
    imported[from->second].insert(to->second);
  }
  // A module the app's code names in a string (DJANGO_SETTINGS_MODULE, a
  // settings entry naming a class) is loaded by name: the app's.
  std::vector<char> named(files.size(), 0);
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (test[f]) continue;
    std::vector<std::string_view> strings;
    for (const AssignmentFact& a : files[f].assignments)
      dotted_strings(a.value, strings);
    for (const CallFact& c : files[f].calls)
      dotted_strings(c.call, strings);
    for (std::string_view text : strings) {
      for (std::string_view m = text; !m.empty(); m = parent_name(m)) {
        if (const auto it = file_of.find(m); it != file_of.end()) {
          named[it->second] = 1;
          break;
        }
      }
    }
  }
  const std::vector<char> by_path = test;
  // A package is imported with every module below it: one holding code of
  // the app stays the app's (pinned), and what was decided through it is
  // decided again.
  std::vector<char> pinned(files.size(), 0);
  for (int round = 0; round < 8; ++round) {
    test = by_path;
    const auto only_tests_import = [&](std::size_t f) {
      if (test[f] || holds_handler[f] || named[f] || pinned[f] || importers[f].empty())
        return false;
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
    std::unordered_map<std::string_view, char> holds_app;  // package → 1
    for (std::size_t f = 0; f < files.size(); ++f) {
      if (test[f] || files[f].module.empty()) continue;
      for (std::string_view p = parent_name(files[f].module); !p.empty(); p = parent_name(p))
        holds_app[p] = 1;
    }
    bool again = false;
    for (std::size_t f = 0; f < files.size(); ++f) {
      if (test[f] && !by_path[f] && files[f].is_package && holds_app.contains(files[f].module)) {
        pinned[f] = 1;
        again = true;
      }
    }
    if (!again) break;
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
