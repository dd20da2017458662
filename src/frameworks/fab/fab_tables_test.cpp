// The FAB tables hold together: every base and default view they name is
// a class of the table, and FAB's import paths map to them.

#include "frameworks/fab/fab_tables.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

TEST_CASE("every FAB class's bases are in the table, and reach BaseView or BaseApi",
          "[unit][fab_tables]") {
  for (std::string_view name : {"ModelView", "UserDBModelView", "AuthOAuthView", "RoleApi",
                                "CompactCRUDMixin", "RegisterUserOIDView", "SwaggerView"}) {
    const FabClass* c = fab_class(name);
    REQUIRE(c);
    int depth = 0;
    while (!c->bases.empty() && depth++ < 10) {
      const FabClass* base = fab_class(c->bases.front());
      REQUIRE(base);
      c = base;
    }
    CHECK((c->name == kFabBaseView || c->name == kFabBaseApi || c->name == "BaseCRUDView"));
  }
  CHECK(fab_class("FormView") == nullptr);  // not a FAB 4.x class
}

TEST_CASE("FAB's import paths name the table's classes and symbols", "[unit][fab_tables]") {
  CHECK(fab_symbol("flask_appbuilder.ModelView") == "ModelView");
  CHECK(fab_symbol("flask_appbuilder.views.ModelView") == "ModelView");
  CHECK(fab_symbol("flask_appbuilder.security.views.AuthDBView") == "AuthDBView");
  CHECK(fab_symbol("flask_appbuilder.api.expose") == "expose");
  CHECK(fab_symbol("flask_appbuilder.baseviews.expose_api") == "expose_api");
  CHECK(fab_symbol("flask_appbuilder.security.manager.AUTH_OAUTH") == "AUTH_OAUTH");
  CHECK(fab_symbol("flask_admin.contrib.sqla.ModelView") == std::nullopt);
  CHECK(fab_symbol("flask_appbuilder.models.sqla.Model") == std::nullopt);
  CHECK(fab_auth_type_named("AUTH_REMOTE_USER") == FabAuthType::kRemoteUser);
}

TEST_CASE("every view AppBuilder adds by itself has a class", "[unit][fab_tables]") {
  for (const FabBuiltinView& step : fab_builtin_views()) {
    CAPTURE(step.view);
    switch (step.source) {
      case FabViewSource::kSecurityManager: {
        const auto cls = fab_security_view_default(step.view);
        REQUIRE(cls);
        CHECK(fab_class(*cls));
        break;
      }
      case FabViewSource::kClass:
      case FabViewSource::kIndexView:
        CHECK(fab_class(step.view));
        break;
    }
  }
  CHECK(fab_rest_crud_api_methods().size() == 9);
}

}  // namespace
}  // namespace cutover
