#pragma once
// What the legacy tree can delete: code and tables no endpoint still served
// by legacy, no request hook, command, task or module-level code uses.

#include <cstdint>
#include <string>
#include <vector>

namespace cutover {

struct Removable {
  std::string name;  // module, dotted function or class, or table
  std::string file;  // "" for a table
  std::uint32_t line = 0;
  std::uint32_t lines = 0;
  std::string why;  // why deleting it is safe
};

struct Decommission {
  std::vector<Removable> modules;    // sorted by name
  std::vector<Removable> functions;  // functions and classes, sorted by name
  std::vector<Removable> tables;     // sorted by name
  std::uint32_t lines = 0;           // of the functions
};

}  // namespace cutover
