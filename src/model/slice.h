#pragma once
// Endpoint slices: the code an endpoint's handler really runs, followed from
// the handler through what it calls and references, transitively and
// bounded. A strangler migration ports behaviour, and this is the behaviour:
// the functions, classes and tables a port must reproduce.

#include <cstdint>
#include <string>
#include <vector>

namespace cutover {

// A function, method or class of the tree (never of test code). Nested
// helper functions belong to the function around them; methods, classes
// and decorated nested functions (routes and hooks in an app factory) are
// units of their own.
struct CodeUnit {
  std::string name;    // dotted module + qualified name: "shop.orders.cart.SessionCart.count"
  std::string module;  // module id
  std::string file;
  std::uint32_t line = 0;   // first decorator line, or the def / class line
  std::uint32_t lines = 0;  // its own lines: a class without its methods
  bool is_class = false;
  std::vector<std::uint32_t> uses;  // code units it uses directly, indices, sorted
  std::vector<std::string> tables_read, tables_written;  // sorted
  std::vector<std::string> modules;    // modules whose attributes it reads, its own included
  std::uint32_t unresolved_calls = 0;  // calls on receivers that cannot be resolved
};

// One route's slice: inventory.json `slices[]`, in route order.
struct EndpointSlice {
  std::string route_id;
  std::vector<std::uint32_t> units;  // indices into Inventory::code_units, sorted by name
  std::vector<std::string> modules;  // sorted
  std::vector<std::string> tables_read, tables_written;  // sorted
  std::uint32_t lines = 0;                               // sum of the units' lines
  std::uint32_t unresolved_calls = 0;                    // sum over the units
};

// What legacy code runs outside any endpoint and keeps the code it uses
// alive: request hooks, CLI commands, Celery/RQ tasks and other functions
// registered by a decorator, Django management commands and modules Django
// loads by name, and module-level code.
struct RetainedCode {
  std::vector<std::uint32_t> units;  // indices into Inventory::code_units, sorted
  std::vector<std::string> modules;  // whose attributes that code reads, sorted
  std::vector<std::string> tables;   // it reads or writes, sorted
  // Modules whose module-level code or registered functions use the tree's
  // code: deleting one drops a registration (not written out).
  std::vector<std::string> root_modules;
};

}  // namespace cutover
