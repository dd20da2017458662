// ValueFlow: the values a name can hold (assignments, a parameter's argument
// at every call, its default), the elements a sequence can hold, and loops
// over them.

#include "link/value_flow.h"

#include <catch2/catch.hpp>
#include <string>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;
using Strings = std::vector<std::string>;

Strings texts(const std::vector<PlacedValue>& values) {
  Strings out;
  for (const PlacedValue& v : values)
    out.push_back(render(*v.value));
  return out;
}

TEST_CASE("a parameter holds the argument of every call, by position, keyword, splat or default",
          "[unit][link][value_flow]") {
  LinkedTree tree({{"app.py", R"(def make(name, prefix="/d", *rest, flag=False):
    pass

make("a")
x = make("b", "/b")
make(prefix="/c", name="c")
make(*["d", "/e"])
make(**{"name": "f", "prefix": "/f"})

def wrap():
    return make("g", flag=True)
)"}});
  ValueFlow flow(tree.names());
  CHECK(flow.call_sites(&tree.definition("app.py", "make")).size() == 6);
  CHECK(texts(flow.values_of(tree.file("app.py"), "make", "name")) ==
        Strings{"\"a\"", "\"b\"", "\"c\"", "\"d\"", "\"f\"", "\"g\""});
  // The default counts once, for the calls that leave it out.
  CHECK(texts(flow.values_of(tree.file("app.py"), "make", "prefix")) ==
        Strings{"\"/b\"", "\"/c\"", "\"/e\"", "\"/f\"", "\"/d\""});
  CHECK(texts(flow.values_of(tree.file("app.py"), "make", "flag")) == Strings{"True", "False"});
}

TEST_CASE("a method called on an object binds its arguments after self",
          "[unit][link][value_flow]") {
  LinkedTree tree({{"app.py", R"(class Registry:
    def add(self, item):
        pass
)"}});
  const DefinitionFact& add = tree.definition("app.py", "Registry.add");
  PythonValue call{.kind = PythonValue::Kind::kCall, .text = "registry.add"};
  call.items.push_back(PythonValue{.kind = PythonValue::Kind::kString, .text = "y"});
  const PythonValue* given = ValueFlow::argument(add, 1, call);
  REQUIRE(given);
  CHECK(given->text == "y");
  CHECK_FALSE(ValueFlow::argument(add, 0, call));
}

TEST_CASE("elements of a parameter rebound, concatenated and passed on through calls",
          "[unit][link][value_flow]") {
  LinkedTree tree({{"pkg/__init__.py", R"(from pkg.views import a, b
from pkg import factory

ALL = (a, b)

def create_app():
    app = factory.create_app(blueprints=ALL)
    return app
)"},
                   {"pkg/views.py", "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n"},
                   {"pkg/factory.py", R"(from pkg.views import c, d, e

DEFAULTS = (c,)

def create_app(blueprints=None):
    if not blueprints:
        blueprints = DEFAULTS
    else:
        blueprints = blueprints + DEFAULTS
    blueprints += [d]
    configure(blueprints)

def configure(blueprints):
    extra = list(blueprints)
    extra.append(e)
    for bp in extra:
        register(bp)
)"}});
  ValueFlow flow(tree.names());
  const std::size_t factory = tree.file("pkg/factory.py");
  const PythonValue extra{.kind = PythonValue::Kind::kName, .text = "extra"};
  const std::vector<PlacedValue> elements =
      flow.elements_of({.value = &extra, .file = factory, .scope = "configure"});
  CHECK(texts(elements) == Strings{"c", "a", "b", "d", "e"});
  // Each element is looked up where it is written.
  REQUIRE(elements.size() == 5);
  CHECK(elements[0].file == factory);
  CHECK(elements[1].file == tree.file("pkg/__init__.py"));
  CHECK(elements[1].scope == "");
}

TEST_CASE("elements of *args, of a function's returned list, of an unknown name",
          "[unit][link][value_flow]") {
  LinkedTree tree({{"app.py", R"(def register_all(app, *blueprints):
    for bp in blueprints:
        app.register_blueprint(bp)

def blueprints():
    return [x, y]

register_all(app, one, two)
register_all(app, *[three])
ITEMS = blueprints()
)"}});
  ValueFlow flow(tree.names());
  const std::size_t f = tree.file("app.py");
  const PythonValue args{.kind = PythonValue::Kind::kName, .text = "blueprints"};
  CHECK(texts(flow.elements_of({.value = &args, .file = f, .scope = "register_all"})) ==
        Strings{"one", "two", "three"});
  const PythonValue items{.kind = PythonValue::Kind::kName, .text = "ITEMS"};
  CHECK(texts(flow.elements_of({.value = &items, .file = f, .scope = ""})) == Strings{"x", "y"});
  const PythonValue unknown{.kind = PythonValue::Kind::kName, .text = "nowhere"};
  CHECK(flow.elements_of({.value = &unknown, .file = f, .scope = ""}).empty());
}

TEST_CASE("loop iterations over a parameter bind each element with where it is written",
          "[unit][link][value_flow]") {
  LinkedTree tree({{"app.py", R"(PREFIX = "/api"

def add_rules(rules):
    for rule, name in rules:
        pass

add_rules([(PREFIX + "/a", "a"), ("/b", "b")])
)"},
                   {"other.py", R"(from app import add_rules
PREFIX = "/other"
add_rules(((PREFIX, "o"),))
)"}});
  ValueFlow flow(tree.names());
  const std::vector<Bindings> it =
      loop_iterations(flow, tree.loop("app.py"), tree.at("app.py", "add_rules"));
  REQUIRE(it.size() == 3);
  Strings rules;
  for (const Bindings& b : it) {
    EvalScope where = tree.at("app.py", "add_rules", false, &b);
    rules.push_back(
        evaluate_string(b.at("rule"), where).value_or("?") + " " +
        evaluate_string(PythonValue{.kind = PythonValue::Kind::kName, .text = "rule"}, where)
            .value_or("?"));
  }
  // Evaluated as a name, the binding is looked up where the caller wrote it.
  CHECK(rules[0].ends_with(" /api/a"));
  CHECK(rules[1] == "/b /b");
  CHECK(rules[2].ends_with(" /other"));
}

}  // namespace
}  // namespace cutover
