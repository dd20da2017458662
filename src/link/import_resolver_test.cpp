// Resolving import statements to internal modules, stdlib, third party or unresolved.

#include "link/import_resolver.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

struct Resolved {
  std::vector<FileSummary> files;
  std::vector<Diagnostic> diagnostics;
  std::vector<ImportEdge> edges;
};

Resolved resolve(const std::vector<testing::PythonFile>& tree) {
  Resolved r;
  r.files = testing::summarize_tree(tree);
  const ModuleIndex index(r.files, r.diagnostics);
  r.edges = resolve_imports(r.files, index, r.diagnostics);
  return r;
}

// "to:kind" for each edge of `file` on `line`, in order.
std::vector<std::string> edges_at(const Resolved& r, std::string_view file, std::uint32_t line) {
  std::vector<std::string> out;
  for (const ImportEdge& e : r.edges) {
    if (e.file == file && e.line == line) {
      out.push_back(e.to + ":" + std::string(import_kind_name(e.kind)));
    }
  }
  return out;
}

bool has_unresolved_diagnostic(const Resolved& r, std::string_view file, std::uint32_t line) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.file == file && d.line == line && d.code == "unresolved-import") return true;
  }
  return false;
}

const std::vector<testing::PythonFile> kShop = {
    {"shop/__init__.py", ""},
    {"shop/models.py", "class User:\n    pass\n"},
    {"shop/views.py", ""},
    {"shop/email.py", ""},
    {"shop/admin/__init__.py", ""},
    {"shop/admin/forms.py", "from ..models import User\nfrom ...top import x\n"},
    {"shop/app.py", R"(import shop.models
from shop import views
from shop.models import User, Order
from . import views as v
from .admin import forms
from .. import outside
import os
import urllib2
import flask
import shop.missing
from shop import views, models
import xml.etree.ElementTree
from shop import not_a_module
)"},
};

TEST_CASE("absolute internal imports resolve to the module", "[unit][import_resolver]") {
  const Resolved r = resolve(kShop);
  CHECK(edges_at(r, "shop/app.py", 1) == std::vector<std::string>{"shop.models:internal"});
  for (const ImportEdge& e : r.edges) {
    if (e.file != "shop/app.py") continue;
    CHECK(e.from == "shop.app");
    CHECK(e.line == 1);  // the first edge of the file is its first statement's
    CHECK(e.context.in_function == false);
    break;
  }
}

TEST_CASE("`from pkg import submodule` is an edge to the submodule", "[unit][import_resolver]") {
  const Resolved r = resolve(kShop);
  CHECK(edges_at(r, "shop/app.py", 2) == std::vector<std::string>{"shop.views:internal"});
  CHECK(edges_at(r, "shop/app.py", 11) ==
        std::vector<std::string>{"shop.views:internal", "shop.models:internal"});
}

TEST_CASE("`from module import symbol` is one edge to the module", "[unit][import_resolver]") {
  const Resolved r = resolve(kShop);
  CHECK(edges_at(r, "shop/app.py", 3) == std::vector<std::string>{"shop.models:internal"});
  CHECK(edges_at(r, "shop/app.py", 13) == std::vector<std::string>{"shop:internal"});
}

TEST_CASE("relative imports at depth 1 and 2 resolve", "[unit][import_resolver]") {
  const Resolved r = resolve(kShop);
  CHECK(edges_at(r, "shop/app.py", 4) == std::vector<std::string>{"shop.views:internal"});
  CHECK(edges_at(r, "shop/app.py", 5) == std::vector<std::string>{"shop.admin.forms:internal"});
  CHECK(edges_at(r, "shop/admin/forms.py", 1) == std::vector<std::string>{"shop.models:internal"});
}

TEST_CASE("a relative import climbing above the top package is unresolved with a diagnostic",
          "[unit][import_resolver]") {
  const Resolved r = resolve(kShop);
  const std::vector<std::string> beyond = edges_at(r, "shop/app.py", 6);
  REQUIRE(beyond.size() == 1);
  CHECK(beyond[0].ends_with(":unresolved"));
  CHECK(beyond[0].starts_with(".."));
  CHECK(has_unresolved_diagnostic(r, "shop/app.py", 6));

  const std::vector<std::string> three_up = edges_at(r, "shop/admin/forms.py", 2);
  REQUIRE(three_up.size() == 1);
  CHECK(three_up[0].ends_with(":unresolved"));
  CHECK(has_unresolved_diagnostic(r, "shop/admin/forms.py", 2));
}

TEST_CASE("stdlib, Python-2-only stdlib, third party and missing internal modules",
          "[unit][import_resolver]") {
  const Resolved r = resolve(kShop);
  CHECK(edges_at(r, "shop/app.py", 7) == std::vector<std::string>{"os:stdlib"});
  CHECK(edges_at(r, "shop/app.py", 8) == std::vector<std::string>{"urllib2:stdlib"});
  CHECK(edges_at(r, "shop/app.py", 9) == std::vector<std::string>{"flask:third_party"});
  CHECK(edges_at(r, "shop/app.py", 10) == std::vector<std::string>{"shop.missing:unresolved"});
  CHECK(has_unresolved_diagnostic(r, "shop/app.py", 10));
  CHECK(edges_at(r, "shop/app.py", 12) == std::vector<std::string>{"xml.etree.ElementTree:stdlib"});
  CHECK_FALSE(has_unresolved_diagnostic(r, "shop/app.py", 9));
}

TEST_CASE("a Python 2 implicit sibling import resolves to the sibling", "[unit][import_resolver]") {
  std::vector<testing::PythonFile> tree = kShop;
  tree.push_back({"shop/legacy.py", "import models\nimport email\nprint 'py2'\n"});
  tree.push_back(
      {"shop/modern.py", "from __future__ import absolute_import\nimport models\nimport email\n"});
  tree.push_back({"shop/py3.py", "import email\nx = f'{email}'\n"});
  tree.push_back({"shop/neutral.py", "import email\n"});
  const Resolved r = resolve(tree);
  CHECK(edges_at(r, "shop/legacy.py", 1) == std::vector<std::string>{"shop.models:internal"});
  // A visibly Python 2 file takes the sibling even over a stdlib name.
  CHECK(edges_at(r, "shop/legacy.py", 2) == std::vector<std::string>{"shop.email:internal"});
  // absolute_import turns implicit relative imports off.
  CHECK(edges_at(r, "shop/modern.py", 2) == std::vector<std::string>{"models:third_party"});
  CHECK(edges_at(r, "shop/modern.py", 3) == std::vector<std::string>{"email:stdlib"});
  // A file with Python-3-only syntax never imports a sibling implicitly; in
  // a tree holding both dialects, a file with neither keeps stdlib names.
  CHECK(edges_at(r, "shop/py3.py", 1) == std::vector<std::string>{"email:stdlib"});
  CHECK(edges_at(r, "shop/neutral.py", 1) == std::vector<std::string>{"email:stdlib"});
}

TEST_CASE("in a Python 3 tree, `import x` is never a sibling", "[unit][import_resolver]") {
  const Resolved r = resolve({
      {"svc/__init__.py", ""},
      {"svc/utils.py", ""},
      {"svc/markdown.py", "import markdown\n"},  // the third-party package, not itself
      {"svc/mod.py", "import utils\n"},
      {"svc/typed.py", "def f(x: int) -> int:\n    return x\n"},
  });
  CHECK(edges_at(r, "svc/markdown.py", 1) == std::vector<std::string>{"markdown:third_party"});
  CHECK(edges_at(r, "svc/mod.py", 1) == std::vector<std::string>{"utils:third_party"});
}

TEST_CASE("Python 2 tries the sibling before the absolute name", "[unit][import_resolver]") {
  const Resolved r = resolve({
      {"utils.py", ""},
      {"pkg/__init__.py", ""},
      {"pkg/utils.py", ""},
      {"pkg/views.py", "print 'x'\nimport utils\n"},
      {"pkg/neutral.py", "import utils\nimport string\n"},
      {"pkg/string.py", ""},
  });
  CHECK(edges_at(r, "pkg/views.py", 2) == std::vector<std::string>{"pkg.utils:internal"});
  // A file with neither dialect's syntax follows its Python 2 tree, stdlib names too.
  CHECK(edges_at(r, "pkg/neutral.py", 1) == std::vector<std::string>{"pkg.utils:internal"});
  CHECK(edges_at(r, "pkg/neutral.py", 2) == std::vector<std::string>{"pkg.string:internal"});
}

TEST_CASE("built-in modules are never shadowed by a file of the tree", "[unit][import_resolver]") {
  const Resolved r = resolve({{"time.py", ""}, {"app.py", "import time\nimport sys\n"}});
  CHECK(edges_at(r, "app.py", 1) == std::vector<std::string>{"time:stdlib"});
}

TEST_CASE("aliased, star and dynamic imports with literal names are edges",
          "[unit][import_resolver]") {
  std::vector<testing::PythonFile> tree = kShop;
  tree.push_back({"shop/more.py", R"(import shop.admin.forms as f
from shop.models import *
import importlib
views = importlib.import_module("shop.views")
email = __import__("shop.email")
)"});
  const Resolved r = resolve(tree);
  CHECK(edges_at(r, "shop/more.py", 1) == std::vector<std::string>{"shop.admin.forms:internal"});
  CHECK(edges_at(r, "shop/more.py", 2) == std::vector<std::string>{"shop.models:internal"});
  CHECK(edges_at(r, "shop/more.py", 4) == std::vector<std::string>{"shop.views:internal"});
  CHECK(edges_at(r, "shop/more.py", 5) == std::vector<std::string>{"shop.email:internal"});
}

TEST_CASE("two projects defining one module name each import their own",
          "[unit][import_resolver]") {
  const Resolved r = resolve({
      {"api/manage.py", "import settings\n"},
      {"api/settings.py", ""},
      {"worker/manage.py", "import settings\n"},
      {"worker/settings.py", ""},
      {"worker/jobs/__init__.py", "from settings import BROKER\n"},
  });
  CHECK(edges_at(r, "api/manage.py", 1) == std::vector<std::string>{"api:settings:internal"});
  CHECK(edges_at(r, "worker/manage.py", 1) == std::vector<std::string>{"worker:settings:internal"});
  // A package of the worker project shares its source root's folder.
  CHECK(edges_at(r, "worker/jobs/__init__.py", 1) ==
        std::vector<std::string>{"worker:settings:internal"});
  for (const ImportEdge& e : r.edges) {
    if (e.file == "worker/manage.py") CHECK(e.from == "worker:manage");
  }
  std::size_t duplicates = 0;
  for (const Diagnostic& d : r.diagnostics)
    duplicates += d.code == "duplicate-module";
  CHECK(duplicates == 2);  // manage and settings, each named once
}

TEST_CASE("edges carry the import's context", "[unit][import_resolver]") {
  const Resolved r = resolve({{"a.py", "def f():\n    import b\n"}, {"b.py", ""}});
  REQUIRE(r.edges.size() == 1);
  CHECK(r.edges[0].to == "b");
  CHECK(r.edges[0].kind == ImportKind::kInternal);
  CHECK(r.edges[0].context.in_function);
}

TEST_CASE("absolute_import_base applies relative levels", "[unit][import_resolver]") {
  const std::vector<FileSummary> files =
      testing::summarize_tree({{"shop/__init__.py", "from . import views\n"},
                               {"shop/admin/__init__.py", ""},
                               {"shop/admin/forms.py",
                                "from . import a\nfrom .. import b\nfrom ..models import c\n"
                                "from ... import d\n"}});
  const FileSummary& init = files[0];
  CHECK(absolute_import_base(init, init.imports[0]) == std::optional<std::string>("shop"));
  const FileSummary& forms = files[2];
  REQUIRE(forms.imports.size() == 4);
  CHECK(absolute_import_base(forms, forms.imports[0]) == std::optional<std::string>("shop.admin"));
  CHECK(absolute_import_base(forms, forms.imports[1]) == std::optional<std::string>("shop"));
  CHECK(absolute_import_base(forms, forms.imports[2]) == std::optional<std::string>("shop.models"));
  CHECK(absolute_import_base(forms, forms.imports[3]) == std::nullopt);
}

TEST_CASE("uses_implicit_relative_imports is off only with absolute_import",
          "[unit][import_resolver]") {
  CHECK(uses_implicit_relative_imports(testing::summarize_python("import os\n")));
  CHECK(uses_implicit_relative_imports(
      testing::summarize_python("from __future__ import print_function\n")));
  CHECK_FALSE(uses_implicit_relative_imports(
      testing::summarize_python("from __future__ import (print_function, absolute_import)\n")));
}

}  // namespace
}  // namespace cutover
