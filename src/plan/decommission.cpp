#include "plan/decommission.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "model/dotted_name.h"

namespace cutover {
namespace {

std::string route_label(const Route& r) {
  std::string methods;
  for (const std::string& m : r.methods)
    methods += (methods.empty() ? "" : ",") + m;
  return methods + " " + r.path;
}

// "GET /a (migrated), POST /b (migrated), +3 more"
std::string users_text(const std::vector<std::size_t>& routes, const Inventory& inv,
                       const std::vector<std::string>& why) {
  std::string out;
  for (std::size_t i = 0; i < routes.size() && i < 3; ++i) {
    out += (i ? ", " : "") + route_label(inv.routes[routes[i]]);
    if (routes[i] < why.size() && !why[routes[i]].empty()) out += " (" + why[routes[i]] + ")";
  }
  if (routes.size() > 3) out += ", +" + std::to_string(routes.size() - 3) + " more";
  return out;
}

constexpr const char* kNothingElse =
    "; no endpoint still in legacy, request hook, command, task or module-level code uses it";

}  // namespace

Decommission find_removable(const Inventory& inv, const std::vector<char>& gone,
                            const std::vector<std::string>& why) {
  std::vector<char> alive(inv.code_units.size(), 0);
  std::set<std::string> alive_modules(inv.retained.modules.begin(), inv.retained.modules.end());
  alive_modules.insert(inv.retained.root_modules.begin(), inv.retained.root_modules.end());
  std::set<std::string> alive_tables(inv.retained.tables.begin(), inv.retained.tables.end());
  for (const std::uint32_t u : inv.retained.units)
    alive[u] = 1;
  std::vector<std::vector<std::size_t>> gone_users(inv.code_units.size());
  std::map<std::string, std::vector<std::size_t>> table_users;
  for (std::size_t i = 0; i < inv.routes.size() && i < inv.slices.size(); ++i) {
    const EndpointSlice& s = inv.slices[i];
    const bool is_gone = i < gone.size() && gone[i];
    for (const std::uint32_t u : s.units) {
      if (is_gone)
        gone_users[u].push_back(i);
      else
        alive[u] = 1;
    }
    for (const auto* tables : {&s.tables_read, &s.tables_written}) {
      for (const std::string& t : *tables) {
        if (!is_gone) {
          alive_tables.insert(t);
        } else if (std::vector<std::size_t>& users = table_users[t];
                   users.empty() || users.back() != i) {
          users.push_back(i);
        }
      }
    }
    if (!is_gone) alive_modules.insert(s.modules.begin(), s.modules.end());
  }
  Decommission d;
  std::map<std::string, std::vector<std::uint32_t>> by_module;  // removable units per module
  for (std::uint32_t u = 0; u < inv.code_units.size(); ++u) {
    if (alive[u] || gone_users[u].empty()) continue;
    const CodeUnit& unit = inv.code_units[u];
    d.functions.push_back(
        Removable{.name = unit.name,
                  .file = unit.file,
                  .line = unit.line,
                  .lines = unit.lines,
                  .why = "used only by " + users_text(gone_users[u], inv, why) + kNothingElse});
    d.lines += unit.lines;
    by_module[unit.module].push_back(u);
  }
  for (const auto& [table, users] : table_users) {
    if (alive_tables.contains(table)) continue;
    d.tables.push_back(Removable{.name = table,
                                 .why = "read or written only by " + users_text(users, inv, why) +
                                        kNothingElse + "; its models can leave the legacy tree"});
  }
  // A module goes when all the code of it anything reaches goes, and no
  // code that stays reads it; its module-level code registers nothing.
  std::unordered_map<std::string_view, const Module*> modules;
  for (const Module& m : inv.modules)
    modules.emplace(m.name, &m);
  std::unordered_map<std::string_view, std::uint32_t> lines_of;
  for (const FileEntry& f : inv.files)
    lines_of.emplace(f.path, f.lines);
  std::set<std::string> removable;
  for (const auto& [module, units] : by_module) {
    if (!alive_modules.contains(module)) removable.insert(module);
  }
  // A package stays while a module below it does.
  for (const Module& m : inv.modules) {
    if (removable.contains(m.name) || m.test) continue;
    for (std::string_view p = parent_name(m.name); !p.empty(); p = parent_name(p))
      removable.erase(std::string(p));
  }
  std::map<std::string, std::vector<const ImportEdge*>> importers;
  for (const ImportEdge& e : inv.imports) {
    if (e.kind != ImportKind::kInternal || !removable.contains(e.to) ||
        removable.contains(e.from) || e.from == e.to)
      continue;
    if (const auto m = modules.find(e.from); m != modules.end() && m->second->test) continue;
    importers[e.to].push_back(&e);
  }
  for (const std::string& name : removable) {
    const Module* m = modules.at(name);
    const std::vector<std::uint32_t>& units = by_module[name];
    std::uint32_t lines = 0;
    std::vector<std::size_t> users;
    for (const std::uint32_t u : units) {
      lines += inv.code_units[u].lines;
      users.insert(users.end(), gone_users[u].begin(), gone_users[u].end());
    }
    std::sort(users.begin(), users.end());
    users.erase(std::unique(users.begin(), users.end()), users.end());
    std::string text = "its code (" + std::to_string(units.size()) + " functions, " +
                       std::to_string(lines) + " lines) is used only by " +
                       users_text(users, inv, why) + kNothingElse;
    const auto imported = importers.find(name);
    if (imported != importers.end()) {
      text += "; drop its import in ";
      for (std::size_t i = 0; i < imported->second.size() && i < 3; ++i) {
        const ImportEdge& e = *imported->second[i];
        text += (i ? ", " : "") + e.file + ":" + std::to_string(e.line);
      }
      if (imported->second.size() > 3)
        text += ", +" + std::to_string(imported->second.size() - 3) + " more";
    }
    const auto file_lines = lines_of.find(m->path);
    d.modules.push_back(Removable{.name = name,
                                  .file = m->path,
                                  .line = 1,
                                  .lines = file_lines == lines_of.end() ? 0 : file_lines->second,
                                  .why = std::move(text)});
  }
  return d;
}

Decommission removable_difference(const Decommission& later, const Decommission& earlier) {
  const auto minus = [](const std::vector<Removable>& a, const std::vector<Removable>& b) {
    std::set<std::string> known;
    for (const Removable& r : b)
      known.insert(r.name);
    std::vector<Removable> out;
    for (const Removable& r : a) {
      if (!known.contains(r.name)) out.push_back(r);
    }
    return out;
  };
  Decommission d{.modules = minus(later.modules, earlier.modules),
                 .functions = minus(later.functions, earlier.functions),
                 .tables = minus(later.tables, earlier.tables)};
  for (const Removable& f : d.functions)
    d.lines += f.lines;
  return d;
}

}  // namespace cutover
