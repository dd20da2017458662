// Imports as the walk records them (through summarize_text): every statement
// form, importlib calls, and the contexts an import runs in.

#include "parse/import_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using testing::summarize_python;

const ImportFact& import_of(const FileSummary& s, std::string_view module) {
  for (const ImportFact& i : s.imports) {
    if (i.module == module) return i;
  }
  FAIL("no import of " << module);
  throw;
}

std::vector<std::string> names_of(const ImportFact& i) {
  std::vector<std::string> out;
  for (const ImportedName& n : i.names)
    out.push_back(n.alias.empty() ? n.name : n.name + " as " + n.alias);
  return out;
}

TEST_CASE("every import form yields the right facts", "[unit][import_reader]") {
  const FileSummary s = summarize_python(R"(import a.b
import c.d as e
import f, g
from h import i, j as k
from . import x
from ..pkg import y
from m import *
from __future__ import absolute_import
)");
  REQUIRE(s.imports.size() == 9);  // `import f, g` is two facts

  const ImportFact& dotted = s.imports[0];
  CHECK_FALSE(dotted.is_from);
  CHECK(dotted.module == "a.b");
  CHECK(names_of(dotted) == std::vector<std::string>{"a.b"});
  CHECK(dotted.line == 1);

  CHECK(s.imports[1].module == "c.d");
  CHECK(names_of(s.imports[1]) == std::vector<std::string>{"c.d as e"});

  CHECK(s.imports[2].module == "f");
  CHECK(s.imports[3].module == "g");
  CHECK(s.imports[2].line == 3);
  CHECK(s.imports[3].line == 3);

  const ImportFact& from = s.imports[4];
  CHECK(from.is_from);
  CHECK(from.level == 0);
  CHECK(from.module == "h");
  CHECK(names_of(from) == std::vector<std::string>{"i", "j as k"});

  const ImportFact& dot = s.imports[5];
  CHECK(dot.is_from);
  CHECK(dot.level == 1);
  CHECK(dot.module.empty());
  CHECK(names_of(dot) == std::vector<std::string>{"x"});

  const ImportFact& dotdot = s.imports[6];
  CHECK(dotdot.level == 2);
  CHECK(dotdot.module == "pkg");
  CHECK(names_of(dotdot) == std::vector<std::string>{"y"});

  const ImportFact& star = s.imports[7];
  CHECK(star.is_from);
  CHECK(star.is_star);
  CHECK(star.module == "m");
  CHECK(star.names.empty());

  const ImportFact& future = s.imports[8];
  CHECK(future.is_from);
  CHECK(future.module == "__future__");
  CHECK(names_of(future) == std::vector<std::string>{"absolute_import"});
  CHECK(future.line == 8);
}

TEST_CASE("a parenthesised multi-line from-import keeps every name", "[unit][import_reader]") {
  const FileSummary s =
      summarize_python("from .views import (\n    index as home,\n    about,\n)\n");
  REQUIRE(s.imports.size() == 1);
  CHECK(s.imports[0].level == 1);
  CHECK(s.imports[0].module == "views");
  CHECK(names_of(s.imports[0]) == std::vector<std::string>{"index as home", "about"});
}

TEST_CASE("import contexts: function, optional, type-checking", "[unit][import_reader]") {
  const FileSummary s = summarize_python(R"(import top
def load():
    import lazy
try:
    import optional_a
except ImportError:
    import fallback
try:
    import optional_bare
except:
    pass
try:
    import optional_tuple
except (ValueError, ModuleNotFoundError):
    pass
try:
    import not_optional
except ValueError:
    pass
if TYPE_CHECKING:
    import typed
else:
    import untyped
if typing.TYPE_CHECKING:
    import typed_dotted
)");
  const auto ctx = [&](std::string_view m) { return import_of(s, m).context; };
  CHECK_FALSE(ctx("top").in_function);
  CHECK_FALSE(ctx("top").in_try_import_error);
  CHECK_FALSE(ctx("top").under_type_checking);

  CHECK(ctx("lazy").in_function);
  CHECK(import_of(s, "lazy").scope == "load");

  CHECK(ctx("optional_a").in_try_import_error);
  CHECK(ctx("optional_bare").in_try_import_error);
  CHECK(ctx("optional_tuple").in_try_import_error);
  CHECK_FALSE(ctx("not_optional").in_try_import_error);
  // The handler runs when the import failed: its own imports are not optional.
  CHECK_FALSE(ctx("fallback").in_try_import_error);

  CHECK(ctx("typed").under_type_checking);
  CHECK(ctx("typed_dotted").under_type_checking);
  CHECK_FALSE(ctx("untyped").under_type_checking);
  CHECK_FALSE(ctx("optional_a").in_function);
}

TEST_CASE("`except Exception` catches ImportError, so the import is optional",
          "[unit][import_reader]") {
  const FileSummary s = summarize_python(
      "try:\n    import ujson\nexcept Exception:\n    ujson = None\n"
      "try:\n    import yaml\nexcept BaseException:\n    yaml = None\n");
  REQUIRE(s.imports.size() == 2);
  CHECK(s.imports[0].context.in_try_import_error);
  CHECK(s.imports[1].context.in_try_import_error);
}

TEST_CASE("an import in a try inside a function is lazy and optional", "[unit][import_reader]") {
  const FileSummary s = summarize_python(R"(class C:
    def m(self):
        try:
            import simplejson as json
        except ImportError:
            import json
)");
  REQUIRE(s.imports.size() == 2);
  CHECK(s.imports[0].module == "simplejson");
  CHECK(s.imports[0].scope == "C.m");
  CHECK(s.imports[0].context.in_function);
  CHECK(s.imports[0].context.in_try_import_error);
  CHECK(s.imports[1].context.in_function);
  CHECK_FALSE(s.imports[1].context.in_try_import_error);
}

TEST_CASE("__import__ and import_module with a literal name are imports", "[unit][import_reader]") {
  const FileSummary s = summarize_python(R"(import importlib
def load(name):
    plugin = importlib.import_module('shop.plugins.mail')
    other = __import__('shop.legacy')
    dynamic = importlib.import_module(name)
    relative = importlib.import_module('.sibling', package=__name__)
)");
  REQUIRE(s.imports.size() == 3);  // `import importlib`, then the two literal ones
  CHECK(s.imports[1].module == "shop.plugins.mail");
  CHECK_FALSE(s.imports[1].is_from);
  CHECK(s.imports[1].line == 3);
  CHECK(s.imports[1].context.in_function);
  CHECK(s.imports[1].scope == "load");
  CHECK(s.imports[2].module == "shop.legacy");
  CHECK(s.imports[2].line == 4);
}

TEST_CASE("import_module with a relative name and a package argument", "[unit][import_reader]") {
  const FileSummary s = summarize_python(R"(from importlib import import_module
a = import_module('.b', 'svc')
c = import_module('..c', package='svc.sub')
d = import_module('.d', __package__)
e = import_module('.e', some_variable)
)");
  REQUIRE(s.imports.size() == 4);
  CHECK(s.imports[1].module == "svc.b");
  CHECK(s.imports[1].level == 0);
  CHECK(s.imports[2].module == "svc.c");
  CHECK(s.imports[3].module == "d");
  CHECK(s.imports[3].level == 1);  // resolved against this file's package
}

}  // namespace
}  // namespace cutover
