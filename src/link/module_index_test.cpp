// The index of internal module names.

#include "link/module_index.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

FileSummary file(std::string path, std::string module, bool is_package = false) {
  FileSummary s;
  s.path = std::move(path);
  s.module = std::move(module);
  s.is_package = is_package;
  return s;
}

TEST_CASE("the index finds modules and top-level names", "[unit][module_index]") {
  std::vector<Diagnostic> diagnostics;
  const std::vector<FileSummary> files = {file("shop/__init__.py", "shop", true),
                                          file("shop/views.py", "shop.views"), file("x.py", "")};
  const ModuleIndex index(files, diagnostics);
  CHECK(index.find("shop.views") == std::optional<std::size_t>(1));
  CHECK(index.contains("shop"));
  CHECK_FALSE(index.contains("views"));
  CHECK_FALSE(index.contains(""));
  CHECK(index.has_top_level("shop"));
  CHECK_FALSE(index.has_top_level("flask"));
  CHECK(diagnostics.empty());
}

TEST_CASE("a duplicate module keeps the first file and warns about the other",
          "[unit][module_index]") {
  std::vector<Diagnostic> diagnostics;
  const std::vector<FileSummary> files = {file("a/app.py", "app"), file("b/app.py", "app")};
  const ModuleIndex index(files, diagnostics);
  CHECK(index.find("app") == std::optional<std::size_t>(0));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "duplicate-module");
  CHECK(diagnostics[0].file == "b/app.py");
  CHECK(diagnostics[0].message.find("a/app.py") != std::string::npos);
}

TEST_CASE("find_from prefers the definition in the importer's project; ids tell them apart",
          "[unit][module_index]") {
  std::vector<Diagnostic> diagnostics;
  std::vector<FileSummary> files = {file("a/app.py", "app"), file("b/app.py", "app"),
                                    file("b/run.py", "run"), file("app.py", "app")};
  files[0].source_root = "a";
  files[1].source_root = "b";
  files[2].source_root = "b";
  const ModuleIndex index(files, diagnostics);
  CHECK(index.find_from("app", "b") == std::optional<std::size_t>(1));
  CHECK(index.find_from("app", "a") == std::optional<std::size_t>(0));
  CHECK(index.find_from("app", "c") == std::optional<std::size_t>(0));  // none closer: first
  CHECK(index.find_from("run", "a") == std::optional<std::size_t>(2));
  CHECK(index.id_of(0) == "a:app");
  CHECK(index.id_of(1) == "b:app");
  CHECK(index.id_of(2) == "run");
  CHECK(index.id_of(3) == ".:app");
}

TEST_CASE("top_level_name and package_of", "[unit][module_index]") {
  CHECK(top_level_name("a.b.c") == "a");
  CHECK(top_level_name("a") == "a");
  CHECK(package_of(file("shop/views.py", "shop.views")) == "shop");
  CHECK(package_of(file("shop/__init__.py", "shop", true)) == "shop");
  CHECK(package_of(file("app.py", "app")).empty());
}

}  // namespace
}  // namespace cutover
