// FAB's config switches read from the tree's config modules and classes.

#include "frameworks/fab/fab_config.h"

#include <catch2/catch.hpp>

#include "testing/link_for_test.h"

namespace cutover {
namespace {

using testing::LinkedTree;

TEST_CASE("a switch the config does not set has FAB's default", "[unit][fab_config]") {
  LinkedTree tree({{"app.py", "X = 1\n"}});
  FabConfig config(tree.names(), tree.notes());
  CHECK(config.flag({"FAB_ADD_SECURITY_VIEWS", true}).value);
  CHECK_FALSE(config.flag({"FAB_API_SWAGGER_UI", false}).value);
  CHECK_FALSE(config.flag({"FAB_API_SWAGGER_UI", false}).assumption);
  CHECK(config.auth_type().value == FabAuthType::kDb);
}

TEST_CASE("config classes that disagree settle on the default one", "[unit][fab_config]") {
  LinkedTree tree({{"settings.py", R"(import os
class DefaultConfig:
    FAB_API_SWAGGER_UI = True
    AUTH_TYPE = 2
class TestingConfig(DefaultConfig):
    FAB_API_SWAGGER_UI = False
    AUTH_TYPE = 2
class ProdConfig(DefaultConfig):
    FAB_ADD_MENU_API = os.environ.get("MENU", "yes") == "yes"
)"}});
  FabConfig config(tree.names(), tree.notes());
  CHECK(config.flag({"FAB_API_SWAGGER_UI", false}).value);
  CHECK(config.flag({"FAB_ADD_MENU_API", false}).value);  // the environment's default
  CHECK(config.auth_type().value == FabAuthType::kLdap);
  CHECK(testing::has_diagnostic(tree.notes(), "settings.py", 3, "config-value"));
}

TEST_CASE("AUTH_TYPE from FAB's constants; what is not static is assumed", "[unit][fab_config]") {
  LinkedTree tree({{"config.py", R"(from flask_appbuilder.const import AUTH_REMOTE_USER as REMOTE
from vault import secret_flag
AUTH_TYPE = REMOTE
AUTH_USER_REGISTRATION = secret_flag("registration")
)"}});
  FabConfig config(tree.names(), tree.notes());
  CHECK(config.auth_type().value == FabAuthType::kRemoteUser);
  const FabConfig::Flag registration = config.flag({"AUTH_USER_REGISTRATION", false});
  CHECK_FALSE(registration.value);
  REQUIRE(registration.assumption);
  CHECK(registration.assumption->expr == "AUTH_USER_REGISTRATION = secret_flag(\"registration\")");
  CHECK(registration.assumption->assumed == "False");
  CHECK(registration.assumption->line == 4);
}

}  // namespace
}  // namespace cutover
