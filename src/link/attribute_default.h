#pragma once
// The value an attribute of an object has when nothing sets it per instance:
// `settings.API_PREFIX` where `settings = Settings()` (or a factory returning
// one) and the class, or a base class of the tree, declares
// `API_PREFIX: str = "/api"`, the default pydantic BaseSettings, dataclasses
// and attrs read. A keyword of the construction (`Settings(API_PREFIX=...)`)
// wins; `Field("/api")`, `field(default=...)`, `attr.ib(default=...)` give
// their default. Also `Settings.API_PREFIX` on the class itself.

#include <optional>
#include <string_view>

#include "link/name_resolver.h"

namespace cutover {

struct AttributeDefault {
  const PythonValue* value = nullptr;
  std::size_t file = 0;
  std::string_view scope;  // where `value` is evaluated
  std::string_view owner;  // the class declaring it ("" for a construction keyword)
};

std::optional<AttributeDefault> attribute_default(const NameResolver& names, std::size_t file,
                                                  std::string_view scope, std::string_view dotted);

}  // namespace cutover
