// Reading [tool.cutover] / cutover.toml.

#include "config/cutover_config.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

TEST_CASE("a full configuration is read", "[unit][config]") {
  const CutoverConfig c = parse_cutover_config(R"(
roots = ["src", "."]
settings = "crm.settings"
source_url = "https://git/{file}#L{line}"
deprecated = ["GET /old/", "shop.views.legacy_*"]
[families]
storefront = ["/catalog", "^shop/", "shop.orders"]
[weights]
read_only = 5
auth = -10.5
)",
                                               "cutover.toml", false);
  CHECK(c.roots == std::vector<std::string>{"src", "."});
  CHECK(c.django_settings == "crm.settings");
  CHECK(c.source_url == "https://git/{file}#L{line}");
  CHECK(c.deprecated.entries == std::vector<std::string>{"GET /old/", "shop.views.legacy_*"});
  REQUIRE(c.families.size() == 1);
  CHECK(c.families[0].name == "storefront");
  CHECK(c.families[0].path_prefixes == std::vector<std::string>{"/catalog", "^shop/"});
  CHECK(c.families[0].module_prefixes == std::vector<std::string>{"shop.orders"});
  REQUIRE(c.weights);
  CHECK(c.weights->read_only == 5);
  CHECK(c.weights->auth == -10.5);
  CHECK(c.weights->size == ScoreWeights{}.size);  // unset weights keep their default
}

TEST_CASE("pyproject.toml is read from [tool.cutover] only", "[unit][config]") {
  const CutoverConfig c = parse_cutover_config(
      "[project]\nname = \"x\"\n[tool.cutover]\nroots = [\"src\"]\n", "pyproject.toml", true);
  CHECK(c.roots == std::vector<std::string>{"src"});
  CHECK(parse_cutover_config("[project]\nname = \"x\"\n", "pyproject.toml", true).roots.empty());
}

TEST_CASE("malformed files and values are errors with file:line:column", "[unit][config]") {
  const auto error_of = [](std::string_view text) {
    try {
      parse_cutover_config(text, "cutover.toml", false);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("roots = [\"src\"\n").starts_with("cutover.toml:"));
  CHECK(error_of("roots = \"src\"\n") == "cutover.toml:1:9: roots must be an array of strings");
  CHECK(error_of("\n[weights]\nread_only = \"high\"\n").starts_with("cutover.toml:3:"));
  CHECK(error_of("[weights]\nspeed = 1\n").find("unknown weight speed") != std::string::npos);
  CHECK(error_of("colour = 1\n").find("unknown setting colour") != std::string::npos);
}

TEST_CASE("load_cutover_config prefers cutover.toml, then pyproject.toml", "[unit][config]") {
  testing::TempFolder tree;
  CHECK(load_cutover_config(tree.root()).source.empty());
  tree.write("pyproject.toml", "[tool.cutover]\nsettings = \"a\"\n");
  CHECK(load_cutover_config(tree.root()).django_settings == "a");
  tree.write("cutover.toml", "settings = \"b\"\n");
  CHECK(load_cutover_config(tree.root()).django_settings == "b");
  CHECK(load_cutover_config(tree.root(), tree.root() / "pyproject.toml").django_settings == "a");
  CHECK_THROWS_AS(load_cutover_config(tree.root(), tree.root() / "missing.toml"),
                  std::runtime_error);
}

}  // namespace
}  // namespace cutover
