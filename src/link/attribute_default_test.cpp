// attribute_default: `obj.attr` read from the class attribute of the class
// constructing obj (through bases and factories), unless the construction
// passes it.

#include "link/attribute_default.h"

#include <catch2/catch.hpp>
#include <string>

#include "link/static_eval.h"
#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;

std::string value_of(LinkedTree& tree, std::string_view dotted) {
  const PythonValue name{.kind = PythonValue::Kind::kName, .text = std::string(dotted)};
  return evaluate_string(name, tree.at("app.py")).value_or("?");
}

TEST_CASE("an instance attribute reads the class default, through bases and factories",
          "[unit][link][attribute_default]") {
  LinkedTree tree({{"app.py", R"(import attr
from pydantic import BaseSettings, Field

class Base(BaseSettings):
    PREFIX: str = "/base"
    OTHER = "/other"

class Settings(Base):
    PREFIX: str = "/api"
    FIELD: str = Field("/field", env="X")

@attr.s
class Options:
    path = attr.ib(default="/opts")

def get_settings():
    return Settings()

settings = Settings()
cached = get_settings()
custom = Settings(PREFIX="/custom")
options = Options()
)"}});
  CHECK(value_of(tree, "settings.PREFIX") == "/api");
  CHECK(value_of(tree, "settings.OTHER") == "/other");
  CHECK(value_of(tree, "settings.FIELD") == "/field");
  CHECK(value_of(tree, "cached.PREFIX") == "/api");
  CHECK(value_of(tree, "custom.PREFIX") == "/custom");
  CHECK(value_of(tree, "Settings.PREFIX") == "/api");
  CHECK(value_of(tree, "options.path") == "/opts");
  CHECK(value_of(tree, "settings.MISSING") == "?");
  const std::optional<AttributeDefault> found =
      attribute_default(tree.names(), tree.file("app.py"), "", "settings.OTHER");
  REQUIRE(found);
  CHECK(found->owner == "Base");
}

}  // namespace
}  // namespace cutover
