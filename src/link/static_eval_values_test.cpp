// Static evaluation of class attributes, reads of the environment and of
// mappings (taken at plausible values when the caller records assumptions),
// and of the lists loops walk.

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "link/static_eval.h"
#include "link/static_sequence.h"
#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;

std::optional<std::string> eval_assignment(LinkedTree& tree, std::string_view path,
                                           std::string_view target) {
  return evaluate_string(tree.assignment(path, target).value, tree.at(path));
}

TEST_CASE("class attributes are read through the bases, the subclass's first", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(class Base:
    REF = 'base'
    OTHER = 'o'

class Sub(Base):
    REF = 'sub'

class Leaf(Sub):
    pass

OWN = f'<str:{Sub.REF}>/'
INHERITED = Leaf.REF + '/' + Leaf.OTHER
MISSING = Leaf.NOPE
)"}});
  CHECK(eval_assignment(tree, "app.py", "OWN") == "<str:sub>/");
  CHECK(eval_assignment(tree, "app.py", "INHERITED") == "sub/o");
  CHECK(eval_assignment(tree, "app.py", "MISSING") == std::nullopt);
}

TEST_CASE("with assumptions taken, reads of the environment give their defaults", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(import os
import environ
env = environ.Env(SCHEMA=(str, 'schema'))
GET = os.environ.get('PREFIX', '/api')
GETENV = os.getenv('PREFIX', 'v1') + '/x'
NO_DEFAULT = os.environ['PREFIX'] + 'x'
NONE_DEFAULT = os.environ.get('PREFIX')
ENV_CALL = env('A', default='a')
ENV_STR = env.str('B', 'b')
ENV_SCHEMA = env('SCHEMA')
ENV_CAST = env('C', str, 'c')
CONFIG = load_config()
FROM_MAPPING = CONFIG.get('base', 'platform')
LITERAL = {'base': 'known'}.get('base', 'other')
)"}});
  std::vector<RouteAssumption> assumed;
  EvalScope at = tree.at("app.py");
  at.assumptions = &assumed;
  auto eval = [&](std::string_view target) {
    return evaluate_string(tree.assignment("app.py", target).value, at);
  };
  CHECK(eval("GET") == "/api");
  CHECK(eval("GETENV") == "v1/x");
  CHECK(eval("NO_DEFAULT") == "x");
  CHECK(eval("NONE_DEFAULT") == "");
  CHECK(eval("ENV_CALL") == "a");
  CHECK(eval("ENV_STR") == "b");
  CHECK(eval("ENV_SCHEMA") == "schema");
  CHECK(eval("ENV_CAST") == "c");
  CHECK(eval("FROM_MAPPING") == "platform");
  const std::size_t before = assumed.size();
  CHECK(eval("LITERAL") == "known");
  CHECK(assumed.size() == before);  // a literal dict is known: nothing assumed
  REQUIRE(assumed.size() == 9);
  CHECK(assumed[0].expr == R"(os.environ.get("PREFIX", "/api"))");
  CHECK(assumed[0].assumed == "/api");
  CHECK(assumed[0].file == "app.py");
  CHECK(assumed[0].line == 4);
  CHECK(assumed[2].assumed == "");
  CHECK(assumed[8].expr == R"(CONFIG.get("base", "platform"))");
  // Without a place to record them, such values are not static.
  CHECK(eval_assignment(tree, "app.py", "GET") == std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "FROM_MAPPING") == std::nullopt);
}

TEST_CASE("evaluate_sequence follows names, settings and getattr defaults", "[unit][link]") {
  LinkedTree tree({{"proj/__init__.py", ""},
                   {"proj/settings.py", R"(try:
    from proj import configuration
except ImportError:
    configuration = None
PLUGINS = getattr(configuration, 'PLUGINS', [])
APPS = ['a', 'b']
)"},
                   {"proj/urls.py", R"(from django.conf import settings
from proj.settings import APPS
NAMED = APPS
)"}});
  EvalScope in;
  const EvalScope at = tree.at("proj/urls.py");
  const PythonValue plugins{.kind = PythonValue::Kind::kName, .text = "settings.PLUGINS"};
  const PythonValue* empty = evaluate_sequence(plugins, at, &in);
  REQUIRE(empty);
  CHECK(empty->items.empty());
  const PythonValue* named =
      evaluate_sequence(tree.assignment("proj/urls.py", "NAMED").value, at, &in);
  REQUIRE(named);
  CHECK(named->items.size() == 2);
  const PythonValue unknown{.kind = PythonValue::Kind::kName, .text = "settings.OTHER"};
  CHECK(evaluate_sequence(unknown, at, &in) == nullptr);
}

}  // namespace
}  // namespace cutover
