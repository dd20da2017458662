// An `if` test evaluated the way Python would, over the tree's defaults.

#include "link/condition_eval.h"

#include <catch2/catch.hpp>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;

// The test of the first `if` in app.py.
std::optional<bool> first_test(LinkedTree& tree) {
  const FileSummary& app = tree.files()[tree.file("app.py")];
  REQUIRE_FALSE(app.conditions.empty());
  return condition_holds(app.conditions.front().test, tree.at("app.py"));
}

std::optional<bool> holds(std::string_view test, std::string_view settings = "") {
  LinkedTree tree({{"proj/__init__.py", ""},
                   {"proj/settings.py", std::string(settings)},
                   {"app.py",
                    "import os\nfrom django.conf import settings\nimport environ\n"
                    "env = environ.Env()\nFLAG = True\nLIMIT = 3\n"
                    "if " +
                        std::string(test) + ":\n    pass\n"}});
  return first_test(tree);
}

TEST_CASE("literals, module constants and operators evaluate as in Python",
          "[unit][condition_eval]") {
  CHECK(holds("FLAG") == true);
  CHECK(holds("not FLAG") == false);
  CHECK(holds("LIMIT > 2").has_value() == false);  // ordering comparisons are not evaluated
  CHECK(holds("LIMIT == 3") == true);
  CHECK(holds("FLAG and LIMIT") == true);
  CHECK(holds("None or ''") == false);
  CHECK(holds("'a' in ['a', 'b']") == true);
  CHECK(holds("'c' not in ('a', 'b')") == true);
  CHECK(holds("unknown_name").has_value() == false);
  // An unknown operand does not stop a deciding one.
  CHECK(holds("unknown_name and False") == false);
  CHECK(holds("unknown_name or True") == true);
}

TEST_CASE("settings keys are read from the tree's settings modules", "[unit][condition_eval]") {
  const std::string settings =
      "DEBUG = False\nFEATURES = {'trello': {'active': False}, 'jira': {'active': True}}\n";
  CHECK(holds("settings.DEBUG", settings) == false);
  CHECK(holds("not settings.DEBUG", settings) == true);
  CHECK(holds("settings.FEATURES.get('trello', {}).get('active', False)", settings) == false);
  CHECK(holds("settings.FEATURES.get('jira', {}).get('active', False)", settings) == true);
  CHECK(holds("settings.FEATURES.get('asana', {}).get('active', False)", settings) == false);
  CHECK(holds("settings.FEATURES['jira']", settings) == true);
  CHECK(holds("getattr(settings, 'MISSING', True)", settings) == true);
  CHECK(holds("getattr(settings, 'DEBUG', True)", settings) == false);
  CHECK(holds("settings.UNSET", settings).has_value() == false);
}

TEST_CASE("environment reads take their defaults", "[unit][condition_eval]") {
  CHECK(holds("os.environ.get('FEATURE', '')") == false);
  CHECK(holds("os.getenv('FEATURE', 'on')") == true);
  CHECK(holds("os.environ.get('FEATURE')") == false);  // None
  CHECK(holds("env.bool('FEATURE', default=True)") == true);
  CHECK(holds("env('FEATURE', default='')") == false);
  CHECK(holds("env('FEATURE')").has_value() == false);  // required: no default to take
  CHECK(holds("env('FEATURE', bool, True)") == true);   // Env.__call__(var, cast, default)
  CHECK(holds("env.bool('FEATURE', False)") == false);  // Env.bool(var, default)
}

TEST_CASE("settings modules, positional defaults and Env schemas under the tree's defaults",
          "[unit][condition_eval]") {
  LinkedTree tree({{"manage.py", testing::kDjangoManage},
                   {"proj/__init__.py", ""},
                   {"proj/settings.py", R"(import os
import environ
env = environ.Env(FLAG_FROM_SCHEMA=(bool, True))
DEBUG = False
IMPORTERS = {'trello': {'active': False}, 'jira': {'active': True}}
FROM_ENV = os.environ.get('X', 'on') == 'on'
FROM_GETENV = os.getenv('X')
FROM_ENV_CALL = env('Y', bool, True)
FROM_ENV_BOOL = env.bool('Y', False)
FROM_SCHEMA = env('FLAG_FROM_SCHEMA')
NO_DEFAULT = env('Z')
)"},
                   {"tests/__init__.py", ""},
                   {"tests/config.py", "DEBUG = True\n"},
                   {"proj/checks.py", R"(from django.conf import settings
T1 = settings.DEBUG
T2 = settings.IMPORTERS.get('trello', {}).get('active', False)
T3 = settings.IMPORTERS.get('jira', {}).get('active', False)
T4 = settings.FROM_ENV and not settings.DEBUG
T5 = settings.FROM_GETENV
T6 = settings.FROM_ENV_CALL
T7 = settings.FROM_ENV_BOOL
T8 = settings.FROM_SCHEMA
T9 = settings.NO_DEFAULT
)"}});
  auto holds = [&](std::string_view name) {
    return condition_holds(tree.assignment("proj/checks.py", name).value,
                           tree.at("proj/checks.py"));
  };
  CHECK(holds("T1") == false);  // the settings module's, not tests/config.py's
  CHECK(holds("T2") == false);
  CHECK(holds("T3") == true);
  CHECK(holds("T4") == true);
  CHECK(holds("T5") == false);  // os.getenv without default: None
  CHECK(holds("T6") == true);   // env(var, cast, default)
  CHECK(holds("T7") == false);  // env.bool(var, default)
  CHECK(holds("T8") == true);   // environ.Env(X=(type, default))
  CHECK(holds("T9") == std::nullopt);
  CHECK(setting_holds("DEBUG", tree.at("proj/checks.py")) == false);
}

}  // namespace
}  // namespace cutover
