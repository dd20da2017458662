#pragma once
// Database tables the legacy code maps, and where its code reaches them.

#include <cstdint>
#include <string>

namespace cutover {

// A mapped table: an SQLAlchemy model (`db.Model`, a declarative base) or
// `Table(...)`, or a Django model.
struct DataModel {
  std::string name;    // dotted class (or Table variable): "shop.models.Order"
  std::string module;  // module id
  std::string orm;     // "sqlalchemy", "django"
  std::string table;   // `__tablename__`, `Meta.db_table`, or the ORM's default name
  std::string file;
  std::uint32_t line = 0;
};

// One place code touches a model: a read, or a write where the code shows
// one (`.add`, `.save()`, `.delete`, `.create`, `.update`, a session commit).
struct TableAccess {
  std::string table;
  bool write = false;
  std::string module;  // module id of the code
  std::string scope;   // function
  std::string file;
  std::uint32_t line = 0;
};

}  // namespace cutover
