// Static evaluation of the expressions URL rules are built from.

#include "link/static_eval.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;
using Strings = std::vector<std::string>;

// The value assigned to `target` at module level of `path`, evaluated there.
std::optional<std::string> eval_assignment(LinkedTree& tree, std::string_view path,
                                           std::string_view target) {
  return evaluate_string(tree.assignment(path, target).value, tree.at(path, "", true));
}

TEST_CASE("module constants are followed across imports and combined", "[unit][link]") {
  LinkedTree tree({{"pkg/__init__.py", ""},
                   {"pkg/settings.py", R"(PREFIX = '/api'
VERSION = 2
PAIR = ('v1', 'items')
ITEMS = 'items'
REMOTE_PAIR = ('v2', ITEMS)
)"},
                   {"pkg/views.py", R"(from .settings import PREFIX, VERSION, PAIR, REMOTE_PAIR
import pkg.settings as s
IMPORTED = PREFIX
PLUS = PREFIX + '/users' + '/me'
DOTTED = s.PREFIX + '/x'
PCT_ONE = '/api/v%d' % VERSION
PCT_TUPLE = '%s/%s/list' % (PREFIX, 'items')
PCT_CONST_TUPLE = '/%s/%s' % PAIR
PCT_REMOTE_TUPLE = '/%s/%s' % REMOTE_PAIR
PCT_ESCAPE = '/100%%/%s' % 'x'
PCT_TOO_FEW = '/%s/%s' % ('a',)
)"}});
  CHECK(eval_assignment(tree, "pkg/views.py", "IMPORTED") == "/api");
  CHECK(eval_assignment(tree, "pkg/views.py", "PLUS") == "/api/users/me");
  CHECK(eval_assignment(tree, "pkg/views.py", "DOTTED") == "/api/x");
  CHECK(eval_assignment(tree, "pkg/views.py", "PCT_ONE") == "/api/v2");
  CHECK(eval_assignment(tree, "pkg/views.py", "PCT_TUPLE") == "/api/items/list");
  CHECK(eval_assignment(tree, "pkg/views.py", "PCT_CONST_TUPLE") == "/v1/items");
  // REMOTE_PAIR's items are names of pkg/settings.py, not of pkg/views.py.
  CHECK(eval_assignment(tree, "pkg/views.py", "PCT_REMOTE_TUPLE") == "/v2/items");
  CHECK(eval_assignment(tree, "pkg/views.py", "PCT_ESCAPE") == "/100%/x");
  CHECK(eval_assignment(tree, "pkg/views.py", "PCT_TOO_FEW") == std::nullopt);
  CHECK(tree.notes().empty());
}

TEST_CASE("str.format with positional, indexed and keyword fields", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(PREFIX = '/api'
POSITIONAL = '{}/{}'.format(PREFIX, 'users')
INDEXED = '{1}/{0}'.format('b', '/a')
KEYWORD = '{}/{name}'.format(PREFIX, name='items')
ESCAPED = '{{x}}{}'.format('/y')
MISSING = '{}/{}'.format(PREFIX)
UNKNOWN_KEYWORD = '{base}/x'.format(other='/y')
)"}});
  CHECK(eval_assignment(tree, "app.py", "POSITIONAL") == "/api/users");
  CHECK(eval_assignment(tree, "app.py", "INDEXED") == "/a/b");
  CHECK(eval_assignment(tree, "app.py", "KEYWORD") == "/api/items");
  CHECK(eval_assignment(tree, "app.py", "ESCAPED") == "{x}/y");
  CHECK(eval_assignment(tree, "app.py", "MISSING") == std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "UNKNOWN_KEYWORD") == std::nullopt);
}

TEST_CASE("f-strings of constants and .lower()", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(PREFIX = '/api'
NAME = 'Users'
FSTRING = f'{PREFIX}/{NAME}/list'
LOWER_LITERAL = '/Users/ME'.lower()
LOWER_IN_FSTRING = f"{PREFIX}/{'ITEMS'.lower()}"
FSTRING_UNKNOWN = f'{PREFIX}/{current_user}'
)"}});
  CHECK(eval_assignment(tree, "app.py", "FSTRING") == "/api/Users/list");
  CHECK(eval_assignment(tree, "app.py", "LOWER_LITERAL") == "/users/me");
  CHECK(eval_assignment(tree, "app.py", "LOWER_IN_FSTRING") == "/api/items");
  CHECK(eval_assignment(tree, "app.py", "FSTRING_UNKNOWN") == std::nullopt);
}

TEST_CASE("methods of a constant string: .lower() and .format()", "[unit][link]") {
  // `NAME.lower()` and `TEMPLATE.format(...)` have a name as receiver, where
  // `'...'.lower()` has a literal: both are static.
  LinkedTree tree({{"app.py", R"(NAME = 'Users'
TEMPLATE = '/api/{}/list'
LOWER = '/' + NAME.lower()
FORMATTED = TEMPLATE.format('items')
)"}});
  CHECK(eval_assignment(tree, "app.py", "LOWER") == "/users");
  CHECK(eval_assignment(tree, "app.py", "FORMATTED") == "/api/items/list");
}

TEST_CASE("a helper function of the tree is inlined", "[unit][link]") {
  LinkedTree tree({{"pkg/__init__.py", ""},
                   {"pkg/rules.py", R"(ORG = '/org'

def scoped(rule):
    return ORG + rule

def versioned(rule, version='1'):
    return '/v' + version + rule
)"},
                   {"pkg/views.py", R"(from pkg.rules import scoped, versioned
RULE = scoped('/x')
KEYWORD = scoped(rule='/y')
NESTED = scoped(scoped('/z'))
BOTH = versioned('/w', version='3')
)"}});
  CHECK(eval_assignment(tree, "pkg/views.py", "RULE") == "/org/x");
  CHECK(eval_assignment(tree, "pkg/views.py", "KEYWORD") == "/org/y");
  CHECK(eval_assignment(tree, "pkg/views.py", "NESTED") == "/org/org/z");
  CHECK(eval_assignment(tree, "pkg/views.py", "BOTH") == "/v3/w");
  CHECK(testing::diagnostics_with_code(tree.notes(), "conditional-helper").empty());
}

TEST_CASE("a helper with a conditional return uses its unconditional one, with a note",
          "[unit][link]") {
  LinkedTree tree({{"rules.py", R"(import settings

def scoped(rule):
    if settings.MULTI_ORG:
        return '/<org_slug>' + rule
    return '/org' + rule

RULE = scoped('/x')
)"}});
  CHECK(eval_assignment(tree, "rules.py", "RULE") == "/org/x");
  const auto notes = testing::diagnostics_with_code(tree.notes(), "conditional-helper");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].severity == Severity::kInfo);
  CHECK(notes[0].file == "rules.py");
  CHECK(notes[0].line == 3);
  CHECK(notes[0].message.find("scoped()") != std::string::npos);
  CHECK(notes[0].message.find("line 6") != std::string::npos);

  SECTION("no note when the caller gives no notes vector") {
    tree.notes().clear();
    const std::optional<std::string> quiet =
        evaluate_string(tree.assignment("rules.py", "RULE").value, tree.at("rules.py"));
    CHECK(quiet == "/org/x");
    CHECK(tree.notes().empty());
  }
}

TEST_CASE("app.config['KEY'] is read from the tree's config classes", "[unit][link]") {
  const testing::PythonFile app{"app.py", R"(from flask import Flask
app = Flask(__name__)
RULE = app.config['FORUM_PREFIX'] + '/topics'
)"};

  SECTION("one config class") {
    LinkedTree tree({app, {"config.py", R"(class DefaultConfig:
    DEBUG = False
    FORUM_PREFIX = '/forum'
)"}});
    CHECK(eval_assignment(tree, "app.py", "RULE") == "/forum/topics");
    const auto notes = testing::diagnostics_with_code(tree.notes(), "config-value");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].severity == Severity::kInfo);
    CHECK(notes[0].file == "config.py");
    CHECK(notes[0].line == 3);
    CHECK(notes[0].message.find("FORUM_PREFIX") != std::string::npos);
  }

  SECTION("several config classes disagree: the default one wins") {
    LinkedTree tree({app, {"config.py", R"(class DefaultConfig:
    FORUM_PREFIX = '/forum'

class TestingConfig(DefaultConfig):
    FORUM_PREFIX = '/test-forum'
)"}});
    CHECK(eval_assignment(tree, "app.py", "RULE") == "/forum/topics");
    CHECK(testing::diagnostics_with_code(tree.notes(), "config-value").size() == 1);
  }

  SECTION("several config classes disagree and none is the default: not static") {
    LinkedTree tree({app, {"config.py", R"(class ProductionConfig:
    FORUM_PREFIX = '/forum'

class DevelopmentConfig:
    FORUM_PREFIX = '/dev-forum'
)"}});
    CHECK(eval_assignment(tree, "app.py", "RULE") == std::nullopt);
    CHECK(testing::diagnostics_with_code(tree.notes(), "config-value").empty());
  }

  SECTION("a key no config defines: not static") {
    LinkedTree tree({app, {"config.py", "class DefaultConfig:\n    OTHER = '/x'\n"}});
    CHECK(eval_assignment(tree, "app.py", "RULE") == std::nullopt);
  }
}

TEST_CASE("what is not static evaluates to nullopt", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(import os

def build(rule):
    return rule + '/x'

FROM_ENV = os.environ['PREFIX'] + '/x'
FROM_ENV_GET = os.environ.get('PREFIX', '/api')
UNKNOWN_CALL = make_rule('/x')
UNDEFINED = NOT_DEFINED_ANYWHERE + '/x'
ATTRIBUTE = request.path
)"}});
  // `rule` is a parameter and nothing binds it.
  CHECK(evaluate_string(tree.returned("app.py", "build"), tree.at("app.py", "build")) ==
        std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "FROM_ENV") == std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "FROM_ENV_GET") == std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "UNKNOWN_CALL") == std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "UNDEFINED") == std::nullopt);
  CHECK(eval_assignment(tree, "app.py", "ATTRIBUTE") == std::nullopt);

  SECTION("a binding makes the parameter static") {
    const Bindings bound{{"rule", PythonValue{.kind = PythonValue::Kind::kString, .text = "/a"}}};
    CHECK(evaluate_string(tree.returned("app.py", "build"),
                          tree.at("app.py", "build", false, &bound)) == "/a/x");
  }
}

TEST_CASE("evaluate_string_list reads methods directly or through constants", "[unit][link]") {
  LinkedTree tree({{"pkg/__init__.py", ""},
                   {"pkg/consts.py", "READ_WRITE = ['GET', 'post']\n"},
                   {"pkg/views.py", R"(from pkg.consts import READ_WRITE
LOCAL = ('PUT', 'DELETE')
ALIAS = READ_WRITE
DIRECT = ['GET']
A_SET = {'GET', 'POST'}
SOME = ['GET', method_name]
NOT_A_LIST = 'GET'
)"}});
  auto list_of = [&](std::string_view target) {
    return evaluate_string_list(tree.assignment("pkg/views.py", target).value,
                                tree.at("pkg/views.py"));
  };
  const PythonValue name{.kind = PythonValue::Kind::kName, .text = "READ_WRITE"};
  CHECK(evaluate_string_list(name, tree.at("pkg/views.py")) == Strings{"GET", "post"});
  CHECK(list_of("ALIAS") == Strings{"GET", "post"});
  CHECK(list_of("LOCAL") == Strings{"PUT", "DELETE"});
  CHECK(list_of("DIRECT") == Strings{"GET"});
  CHECK(list_of("A_SET") == Strings{"GET", "POST"});  // Flask takes any iterable of methods
  CHECK(list_of("SOME") == std::nullopt);
  CHECK(list_of("NOT_A_LIST") == std::nullopt);
}

TEST_CASE("loop_iterations binds the targets once per literal element", "[unit][link]") {
  LinkedTree tree({{"app.py", R"(for rule, view in [('/a', a), ('/b', b), ('/c',)]:
    app.add_url_rule(rule, view_func=view)

for prefix in ('/v1', '/v2'):
    register(prefix)

for rule in RULES:
    app.add_url_rule(rule)
)"}});

  SECTION("a literal list of tuples unpacks into the targets") {
    const std::vector<Bindings> it = loop_iterations(tree.loop("app.py", 0), tree.at("app.py"));
    REQUIRE(it.size() == 3);
    REQUIRE(it[0].size() == 2);
    CHECK(it[0].at("rule").kind == PythonValue::Kind::kString);
    CHECK(it[0].at("rule").text == "/a");
    CHECK(it[0].at("view").kind == PythonValue::Kind::kName);
    CHECK(it[0].at("view").text == "a");
    CHECK(it[1].at("rule").text == "/b");
    CHECK(it[1].at("view").text == "b");
    CHECK(it[2].empty());  // ('/c',) does not unpack into two targets
  }

  SECTION("a single target takes each element") {
    const std::vector<Bindings> it = loop_iterations(tree.loop("app.py", 1), tree.at("app.py"));
    REQUIRE(it.size() == 2);
    CHECK(it[0].at("prefix").text == "/v1");
    CHECK(it[1].at("prefix").text == "/v2");
    CHECK(it[1].size() == 1);
  }

  SECTION("a non-literal iterable runs once with nothing bound") {
    const LoopFact& loop = tree.loop("app.py", 2);
    CHECK(loop.iterable.kind == PythonValue::Kind::kName);
    const std::vector<Bindings> it = loop_iterations(loop, tree.at("app.py"));
    REQUIRE(it.size() == 1);
    CHECK(it[0].empty());
  }

  SECTION("a name bound by the outer bindings is expanded, outer bindings kept") {
    PythonValue rules{.kind = PythonValue::Kind::kList};
    rules.items.push_back(PythonValue{.kind = PythonValue::Kind::kString, .text = "/x"});
    rules.items.push_back(PythonValue{.kind = PythonValue::Kind::kString, .text = "/y"});
    const Bindings outer{{"RULES", rules},
                         {"bp", PythonValue{.kind = PythonValue::Kind::kName, .text = "admin"}}};
    EvalScope where = tree.at("app.py");
    where.bindings = &outer;
    const std::vector<Bindings> it = loop_iterations(tree.loop("app.py", 2), where);
    REQUIRE(it.size() == 2);
    CHECK(it[0].at("rule").text == "/x");
    CHECK(it[1].at("rule").text == "/y");
    CHECK(it[1].at("bp").text == "admin");
  }
}

}  // namespace
}  // namespace cutover
