// Finding Python files, naming their modules, and surviving odd trees.

#include "discover/source_discovery.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> paths_of(const Discovery& d) {
  std::vector<std::string> out;
  for (const SourceFile& f : d.files)
    out.push_back(f.rel_path);
  return out;
}

const SourceFile* file_at(const Discovery& d, std::string_view rel) {
  for (const SourceFile& f : d.files) {
    if (f.rel_path == rel) return &f;
  }
  return nullptr;
}

const Diagnostic* find_code(const Discovery& d, std::string_view code) {
  for (const Diagnostic& diag : d.diagnostics) {
    if (diag.code == code) return &diag;
  }
  return nullptr;
}

TEST_CASE("module_name_for a plain file outside any package", "[unit][discover]") {
  CHECK(module_name_for("app.py", "", {}).module == "app");
  CHECK(module_name_for("scripts/tool.py", "", {}).module == "tool");
}

TEST_CASE("module_name_for files inside packages", "[unit][discover]") {
  const std::unordered_set<std::string> packages = {"shop", "shop/admin"};
  CHECK(module_name_for("shop/views.py", "", packages).module == "shop.views");
  CHECK(module_name_for("shop/admin/forms.py", "", packages).module == "shop.admin.forms");
  CHECK(module_name_for("shop/__init__.py", "", packages).module == "shop");
  CHECK(module_name_for("shop/admin/__init__.py", "", packages).module == "shop.admin");
}

TEST_CASE("module_name_for a root that is itself a package", "[unit][discover]") {
  const std::unordered_set<std::string> packages = {"", "sub"};
  CHECK(module_name_for("views.py", "shop", packages).module == "shop.views");
  CHECK(module_name_for("__init__.py", "shop", packages).module == "shop");
  CHECK(module_name_for("sub/x.py", "shop", packages).module == "shop.sub.x");
}

TEST_CASE("module_name_for starts below the nearest non-package folder", "[unit][discover]") {
  // src/ holds no __init__.py: it is a source root, not part of the name.
  CHECK(module_name_for("src/shop/views.py", "", {"src/shop"}).module == "shop.views");
  // a/b is not a package, so a/b/c/d.py is c.d even though a is a package.
  CHECK(module_name_for("a/b/c/d.py", "", {"a", "a/b/c"}).module == "c.d");
}

TEST_CASE("module_name_for reports the source root each name starts from", "[unit][discover]") {
  CHECK(module_name_for("app.py", "", {}).source_root == "");
  CHECK(module_name_for("src/shop/views.py", "", {"src/shop"}).source_root == "src");
  // Two projects side by side: each is its own source root.
  const std::unordered_set<std::string> packages{"api/app", "worker/jobs"};
  CHECK(module_name_for("api/app/views.py", "", packages).source_root == "api");
  CHECK(module_name_for("worker/jobs/send.py", "", packages).source_root == "worker");
  CHECK(module_name_for("worker/manage.py", "", packages).source_root == "worker");
}

TEST_CASE("module_name_for below a declared source root keeps namespace folders",
          "[unit][discover]") {
  // company/ has no __init__.py: a namespace package once repo/ is on sys.path.
  const std::unordered_set<std::string> packages{"repo/company/billing"};
  const std::vector<std::string> roots{"repo"};
  const ModuleName name = module_name_for("repo/company/billing/invoice.py", "", packages, roots);
  CHECK(name.module == "company.billing.invoice");
  CHECK(name.source_root == "repo");
  // Without the declaration the nearest non-package folder wins.
  CHECK(module_name_for("repo/company/billing/invoice.py", "", packages).module ==
        "billing.invoice");
  // The deepest declared root holding the file wins; "" declares the scan root.
  CHECK(module_name_for("repo/company/billing/invoice.py", "", packages, {"", "repo/company"})
            .module == "billing.invoice");
  CHECK(module_name_for("tools/x.py", "", {}, {""}).module == "tools.x");
}

TEST_CASE("discover_sources names modules and marks packages", "[unit][discover]") {
  testing::TempFolder tree;
  tree.write("manage.py", "");
  tree.write("shop/__init__.py", "");
  tree.write("shop/views.py", "");
  tree.write("shop/admin/__init__.py", "");
  tree.write("shop/admin/forms.py", "");
  tree.write("src/lib/__init__.py", "");
  tree.write("src/lib/util.py", "");
  tree.write("README.txt", "not python");

  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) == std::vector<std::string>{"manage.py", "shop/__init__.py",
                                                "shop/admin/__init__.py", "shop/admin/forms.py",
                                                "shop/views.py", "src/lib/__init__.py",
                                                "src/lib/util.py"});
  CHECK(file_at(d, "manage.py")->module == "manage");
  CHECK(file_at(d, "shop/__init__.py")->module == "shop");
  CHECK(file_at(d, "shop/__init__.py")->is_package);
  CHECK_FALSE(file_at(d, "shop/views.py")->is_package);
  CHECK(file_at(d, "shop/admin/forms.py")->module == "shop.admin.forms");
  CHECK(file_at(d, "src/lib/util.py")->module == "lib.util");
  CHECK(file_at(d, "shop/views.py")->abs_path == tree.root() / "shop" / "views.py");
  CHECK(d.diagnostics.empty());
}

TEST_CASE("discover_sources on a root that is a package prefixes the root's name",
          "[unit][discover]") {
  testing::TempFolder tree;
  tree.write("shop/__init__.py", "");
  tree.write("shop/views.py", "");
  const Discovery d = discover_sources(tree.root() / "shop", {});
  REQUIRE(d.files.size() == 2);
  CHECK(file_at(d, "__init__.py")->module == "shop");
  CHECK(file_at(d, "__init__.py")->is_package);
  CHECK(file_at(d, "views.py")->module == "shop.views");
}

TEST_CASE("discover_sources skips tool folders and virtualenvs", "[unit][discover]") {
  testing::TempFolder tree;
  tree.write("app.py", "");
  tree.write(".git/hooks/pre-commit.py", "");
  tree.write("node_modules/pkg/x.py", "");
  tree.write("__pycache__/app.py", "");
  tree.write("env/pyvenv.cfg", "home = /usr/bin\n");
  tree.write("env/lib/site.py", "");
  tree.write("legacy_env/bin/activate", "");
  tree.write("legacy_env/lib/os.py", "");
  tree.write("envelope/mail.py", "");  // not a virtualenv: no pyvenv.cfg
  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) == std::vector<std::string>{"app.py", "envelope/mail.py"});
}

TEST_CASE("exclude globs match the relative path or a name", "[unit][discover]") {
  testing::TempFolder tree;
  tree.write("app.py", "");
  tree.write("test_app.py", "");
  tree.write("shop/models.py", "");
  tree.write("shop/migrations/0001_initial.py", "");
  tree.write("shop/tests/test_views.py", "");
  tree.write("legacy/old.py", "");
  const Discovery d = discover_sources(
      tree.root(), DiscoveryOptions{.exclude_globs = {"*/migrations/*", "test_*.py", "legacy"}});
  CHECK(paths_of(d) == std::vector<std::string>{"app.py", "shop/models.py"});
}

TEST_CASE("a symlink loop is reported once and discovery terminates", "[unit][discover]") {
  testing::TempFolder tree;
  tree.write("pkg/__init__.py", "");
  tree.write("pkg/mod.py", "");
  fs::create_directory_symlink("..", tree.root() / "pkg" / "loop");
  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) == std::vector<std::string>{"pkg/__init__.py", "pkg/mod.py"});
  const Diagnostic* loop = find_code(d, "symlink-loop");
  REQUIRE(loop != nullptr);
  CHECK(loop->file == "pkg/loop");
  CHECK(loop->severity == Severity::kWarning);
}

TEST_CASE("a folder aliased by a symlink is scanned under its real path", "[unit][discover]") {
  // The real folder sorts before the symlink; whichever order the walk takes,
  // the symlink is the second way in, and the real folder is not a symlink.
  testing::TempFolder tree;
  tree.write("shop/__init__.py", "");
  tree.write("shop/app/__init__.py", "");
  tree.write("shop/app/views.py", "");
  fs::create_directory_symlink("app", tree.root() / "shop" / "zlink");
  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) ==
        std::vector<std::string>{"shop/__init__.py", "shop/app/__init__.py", "shop/app/views.py"});
  REQUIRE(find_code(d, "symlink-loop") != nullptr);
  CHECK(find_code(d, "symlink-loop")->file == "shop/zlink");
}

TEST_CASE("a broken symlink is reported and skipped", "[unit][discover]") {
  testing::TempFolder tree;
  tree.write("app.py", "");
  fs::create_symlink(tree.root() / "nowhere.py", tree.root() / "dangling.py");
  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) == std::vector<std::string>{"app.py"});
  const Diagnostic* broken = find_code(d, "broken-symlink");
  REQUIRE(broken != nullptr);
  CHECK(broken->file == "dangling.py");
}

TEST_CASE("symlinks out of the tree are reported, not followed; links inside it are",
          "[unit][discover]") {
  testing::TempFolder tree;
  testing::TempFolder outside;
  const fs::path target = outside.write("real.py", "import os\n");
  outside.write("lib/vendored.py", "import os\n");
  tree.write("pkg/inner.py", "");
  fs::create_symlink(target, tree.root() / "linked.py");
  fs::create_directory_symlink(outside.root() / "lib", tree.root() / "lib");
  fs::create_symlink(tree.root() / "pkg" / "inner.py", tree.root() / "alias.py");
  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) == std::vector<std::string>{"alias.py", "pkg/inner.py"});
  std::vector<std::string> reported;
  for (const Diagnostic& diag : d.diagnostics) {
    if (diag.code == "symlink-outside-tree") reported.push_back(diag.file);
  }
  CHECK(reported == std::vector<std::string>{"lib", "linked.py"});
}

TEST_CASE("discovered files are sorted by relative path", "[unit][discover]") {
  testing::TempFolder tree;
  for (const char* rel : {"b.py", "a/z.py", "a.py", "A.py", "a/b/c.py", "a_b.py"}) {
    tree.write(rel, "");
  }
  const Discovery d = discover_sources(tree.root(), {});
  CHECK(paths_of(d) ==
        std::vector<std::string>{"A.py", "a.py", "a/b/c.py", "a/z.py", "a_b.py", "b.py"});
}

}  // namespace
}  // namespace cutover
