#include "frameworks/fab/fab_tables.h"

#include <algorithm>
#include <utility>

namespace cutover {
namespace {

using Http = std::vector<std::string_view>;
const Http kGet{"GET"};
const Http kPost{"POST"};
const Http kGetPost{"GET", "POST"};

constexpr std::string_view kBaseviews = "flask_appbuilder.baseviews";
constexpr std::string_view kViews = "flask_appbuilder.views";
constexpr std::string_view kCharts = "flask_appbuilder.charts.views";
constexpr std::string_view kSecurityViews = "flask_appbuilder.security.views";
constexpr std::string_view kRegisterViews = "flask_appbuilder.security.registerviews";
constexpr std::string_view kApi = "flask_appbuilder.api";

std::vector<FabExposure> model_view_exposures() {  // views.py:545-676
  return {{"list", "/list/", kGet},
          {"show", "/show/<pk>", kGet},
          {"add", "/add", kGetPost},
          {"edit", "/edit/<pk>", kGetPost},
          {"delete", "/delete/<pk>", kGetPost},
          {"download", "/download/<string:filename>", kGet},
          {"action", "/action/<string:name>/<pk>", kGetPost},
          {"action_post", "/action_post", kPost}};
}

std::vector<FabExposure> rest_crud_exposures() {  // views.py:207-480
  return {{"api", "/api", kGet},
          {"api_read", "/api/read", kGet},
          {"api_get", "/api/get/<pk>", kGet},
          {"api_create", "/api/create", kPost},
          {"api_update", "/api/update/<pk>", {"PUT"}},
          {"api_delete", "/api/delete/<pk>", {"DELETE"}},
          {"api_column_add", "/api/column/add/<col_name>", kGet},
          {"api_column_edit", "/api/column/edit/<col_name>", kGet},
          {"api_readvalues", "/api/readvalues", kGet}};
}

std::vector<FabExposure> form_exposures() {  // views.py:73-89, 123-137
  return {{"this_form_get", "/form", kGet}, {"this_form_post", "/form", kPost}};
}

std::vector<FabExposure> chart_exposures(std::string_view first) {  // charts/views.py
  return {{"chart", first, kGet}, {"chart", "/chart/", kGet}};
}

std::vector<FabClass> build_classes() {
  std::vector<FabClass> c;
  auto add = [&](std::string_view name, std::string_view module,
                 std::vector<std::string_view> bases,
                 std::vector<FabExposure> exposures = {}) -> FabClass& {
    c.push_back(FabClass{
        .name = name, .module = module, .bases = std::move(bases), .exposures = exposures});
    return c.back();
  };
  // Views (baseviews.py, views.py).
  add("BaseView", kBaseviews, {});
  add("BaseFormView", kBaseviews, {"BaseView"});
  add("BaseModelView", kBaseviews, {"BaseView"});
  add("BaseCRUDView", kBaseviews, {"BaseModelView"});
  add("SimpleFormView", kViews, {"BaseFormView"}, form_exposures());
  add("PublicFormView", kViews, {"BaseFormView"}, form_exposures());
  add("RestCRUDView", kViews, {"BaseCRUDView"}, rest_crud_exposures());
  add("ModelView", kViews, {"RestCRUDView"}, model_view_exposures());
  add("CompactCRUDMixin", kViews, {"BaseCRUDView"},
      {{"list", "/list/", kGetPost},
       {"add", "/add/", kGetPost},
       {"edit", "/edit/<pk>", kGetPost},
       {"delete", "/delete/<pk>", kGetPost}});
  add("MasterDetailView", kViews, {"BaseCRUDView"},
      {{"list", "/list/", kGet}, {"list", "/list/<pk>", kGet}});
  add("MultipleView", kViews, {"BaseView"}, {{"list", "/list/", kGet}});
  add("IndexView", kViews, {"BaseView"}, {{"index", "/", kGet}}).route_base = "";
  add("UtilView", kViews, {"BaseView"}, {{"back", "/back", kGet}}).route_base = "";
  // Charts (charts/views.py).
  add("BaseChartView", kCharts, {"BaseModelView"});
  add("GroupByChartView", kCharts, {"BaseChartView"}, chart_exposures("/chart/<group_by>"));
  add("DirectByChartView", kCharts, {"GroupByChartView"});
  add("BaseSimpleGroupByChartView", kCharts, {"BaseChartView"});
  add("BaseSimpleDirectChartView", kCharts, {"BaseChartView"});
  add("ChartView", kCharts, {"BaseSimpleGroupByChartView"}, chart_exposures("/chart/<group_by>"));
  add("TimeChartView", kCharts, {"BaseSimpleGroupByChartView"},
      chart_exposures("/chart/<group_by>/<period>"));
  add("DirectChartView", kCharts, {"BaseSimpleDirectChartView"},
      chart_exposures("/chart/<group_by>"));
  // Views AppBuilder adds by itself (babel/views.py, api/manager.py).
  add("LocaleView", "flask_appbuilder.babel.views", {"BaseView"},
      {{"index", "/<string:locale>", kGet}})
      .route_base = "/lang";
  add("SwaggerView", "flask_appbuilder.api.manager", {"BaseView"}, {{"show", "/<version>", kGet}})
      .route_base = "/swagger";
  // Security views (security/views.py, security/registerviews.py).
  add("PermissionModelView", kSecurityViews, {"ModelView"}).route_base = "/permissions";
  add("ViewMenuModelView", kSecurityViews, {"ModelView"}).route_base = "/viewmenus";
  add("PermissionViewModelView", kSecurityViews, {"ModelView"}).route_base = "/permissionviews";
  add("ResetMyPasswordView", kSecurityViews, {"SimpleFormView"}).route_base = "/resetmypassword";
  add("ResetPasswordView", kSecurityViews, {"SimpleFormView"}).route_base = "/resetpassword";
  add("UserInfoEditView", kSecurityViews, {"SimpleFormView"});
  add("UserModelView", kSecurityViews, {"ModelView"}, {{"userinfo", "/userinfo/", kGet}})
      .route_base = "/users";
  for (std::string_view user :
       {"UserOIDModelView", "UserLDAPModelView", "UserOAuthModelView", "UserRemoteUserModelView"})
    add(user, kSecurityViews, {"UserModelView"});
  add("UserDBModelView", kSecurityViews, {"UserModelView"},
      {{"show", "/show/<pk>", kGet}, {"userinfo", "/userinfo/", kGet}});
  add("UserStatsChartView", kSecurityViews, {"DirectByChartView"});
  add("RoleModelView", kSecurityViews, {"ModelView"}).route_base = "/roles";
  add("RegisterUserModelView", kSecurityViews, {"ModelView"}).route_base = "/registeruser";
  add("AuthView", kSecurityViews, {"BaseView"},
      {{"login", "/login/", kGetPost}, {"logout", "/logout/", kGet}})
      .route_base = "";
  for (std::string_view auth : {"AuthDBView", "AuthLDAPView", "AuthOIDView"})
    add(auth, kSecurityViews, {"AuthView"}, {{"login", "/login/", kGetPost}});
  add("AuthOAuthView", kSecurityViews, {"AuthView"},
      {{"login", "/login/", kGet},
       {"login", "/login/<provider>", kGet},
       {"oauth_authorized", "/oauth-authorized/<provider>", kGet}});
  add("AuthRemoteUserView", kSecurityViews, {"AuthView"}, {{"login", "/login/", kGet}});
  add("BaseRegisterUser", kRegisterViews, {"PublicFormView"},
      {{"activation", "/activation/<string:activation_hash>", kGet}})
      .route_base = "/register";
  add("RegisterUserDBView", kRegisterViews, {"BaseRegisterUser"});
  add("RegisterUserOAuthView", kRegisterViews, {"BaseRegisterUser"});
  add("RegisterUserOIDView", kRegisterViews, {"BaseRegisterUser"},
      {{"form_oid_post", "/formoidone", kGetPost}})
      .route_base = "/register";
  // APIs (api/__init__.py, api/manager.py, menu.py, security/api.py, security/sqla/apis/).
  add("BaseApi", kApi, {}).version = kFabDefaultApiVersion;
  add("BaseModelApi", kApi, {"BaseApi"});
  add("ModelRestApi", kApi, {"BaseModelApi"},
      {{"info", "/_info", kGet},
       {"get", "/<int:pk>", kGet},
       {"get_list", "/", kGet},
       {"post", "/", kPost},
       {"put", "/<pk>", {"PUT"}},
       {"delete", "/<pk>", {"DELETE"}}});
  add("OpenApi", "flask_appbuilder.api.manager", {"BaseApi"},
      {{"get", "/<version>/_openapi", kGet}})
      .route_base = "/api";
  add("MenuApi", "flask_appbuilder.menu", {"BaseApi"}, {{"get_menu_data", "/", kGet}})
      .resource_name = "menu";
  FabClass& security_api = add("SecurityApi", "flask_appbuilder.security.api", {"BaseApi"},
                               {{"login", "/login", kPost}, {"refresh", "/refresh", kPost}});
  security_api.resource_name = "security";
  security_api.version = "v1";  // API_SECURITY_VERSION, const.py:144
  add("PermissionApi", "flask_appbuilder.security.sqla.apis.permission.api", {"ModelRestApi"})
      .resource_name = "security/permissions";
  c.back().include_route_methods = std::vector<std::string_view>{"info", "get", "get_list"};
  add("RoleApi", "flask_appbuilder.security.sqla.apis.role.api", {"ModelRestApi"},
      {{"list_role_permissions", "/<int:pk>/permissions/", kGet},
       {"add_role_permissions", "/<int:role_id>/permissions", kPost}})
      .resource_name = "security/roles";
  add("UserApi", "flask_appbuilder.security.sqla.apis.user.api", {"ModelRestApi"},
      {{"post", "/", kPost}, {"put", "/<pk>", {"PUT"}}})
      .resource_name = "security/users";
  add("ViewMenuApi", "flask_appbuilder.security.sqla.apis.view_menu.api", {"ModelRestApi"})
      .resource_name = "security/resources";
  add("PermissionViewMenuApi", "flask_appbuilder.security.sqla.apis.permission_view_menu.api",
      {"ModelRestApi"})
      .resource_name = "security/permissions-resources";
  std::sort(c.begin(), c.end(),
            [](const FabClass& a, const FabClass& b) { return a.name < b.name; });
  return c;
}

const std::vector<FabClass>& classes() {
  static const std::vector<FabClass> table = build_classes();
  return table;
}

// Names FAB exports that are not view classes but matter to the extractor.
constexpr std::string_view kOtherSymbols[] = {
    "AppBuilder", "expose",         "expose_api", "SecurityManager",  "BaseSecurityManager",
    "AUTH_OID",   "AUTH_DB",        "AUTH_LDAP",  "AUTH_REMOTE_USER", "AUTH_OAUTH",
    "has_access", "has_access_api", "protect"};

}  // namespace

const FabClass* fab_class(std::string_view name) {
  const std::vector<FabClass>& table = classes();
  const auto it =
      std::lower_bound(table.begin(), table.end(), name,
                       [](const FabClass& c, std::string_view n) { return c.name < n; });
  return it != table.end() && it->name == name ? &*it : nullptr;
}

std::optional<std::string_view> fab_symbol(std::string_view external) {
  constexpr std::string_view kPackage = "flask_appbuilder.";
  if (!external.starts_with(kPackage)) return std::nullopt;
  const std::string_view last = external.substr(external.rfind('.') + 1);
  if (const FabClass* c = fab_class(last)) return c->name;
  for (std::string_view other : kOtherSymbols) {
    if (other == last) return other;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& fab_rest_crud_api_methods() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const FabExposure& e : fab_class("RestCRUDView")->exposures)
      out.push_back(e.method);
    return out;
  }();
  return names;
}

std::optional<FabAuthType> fab_auth_type_named(std::string_view constant) {
  static constexpr std::pair<std::string_view, FabAuthType> kNames[] = {
      {"AUTH_OID", FabAuthType::kOid},
      {"AUTH_DB", FabAuthType::kDb},
      {"AUTH_LDAP", FabAuthType::kLdap},
      {"AUTH_REMOTE_USER", FabAuthType::kRemoteUser},
      {"AUTH_OAUTH", FabAuthType::kOAuth}};
  for (const auto& [name, type] : kNames) {
    if (name == constant) return type;
  }
  return std::nullopt;
}

const std::vector<FabBuiltinView>& fab_builtin_views() {
  using S = FabViewSource;
  using A = FabAuthType;
  static const std::vector<FabBuiltinView> steps = [] {
    const FabSwitch security{"FAB_ADD_SECURITY_VIEWS", true};
    const FabSwitch registration{"AUTH_USER_REGISTRATION", false};
    std::vector<FabBuiltinView> s{
        {.source = S::kIndexView, .view = "IndexView"},
        {.view = "UtilView"},
        {.view = "LocaleView"},  // BabelManager.register_views
        {.source = S::kSecurityManager, .view = "security_api", .when = {security}},
        {.source = S::kSecurityManager,
         .view = "registeruserdbview",
         .when = {security, registration},
         .auth_types = {A::kDb}},
        {.source = S::kSecurityManager,
         .view = "registeruseroidview",
         .when = {security, registration},
         .auth_types = {A::kOid}},
        {.source = S::kSecurityManager,
         .view = "registeruseroauthview",
         .when = {security, registration},
         .auth_types = {A::kOAuth}},
    };
    for (std::string_view form : {"resetpasswordview", "resetmypasswordview", "userinfoeditview"})
      s.push_back({.source = S::kSecurityManager, .view = form, .when = {security}});
    // By AUTH_TYPE: the auth view, then the user view (security/manager.py:724-762).
    struct ByAuthType {
      std::string_view auth_view, user_view;
      A type;
    };
    const ByAuthType by_type[] = {{"authdbview", "userdbmodelview", A::kDb},
                                  {"authldapview", "userldapmodelview", A::kLdap},
                                  {"authoauthview", "useroauthmodelview", A::kOAuth},
                                  {"authremoteuserview", "userremoteusermodelview", A::kRemoteUser},
                                  {"authoidview", "useroidmodelview", A::kOid}};
    for (const bool user : {false, true}) {
      for (const ByAuthType& t : by_type) {
        s.push_back({.source = S::kSecurityManager,
                     .view = user ? t.user_view : t.auth_view,
                     .when = {security},
                     .auth_types = {t.type}});
      }
    }
    s.push_back({.source = S::kSecurityManager, .view = "rolemodelview", .when = {security}});
    s.push_back({.source = S::kSecurityManager, .view = "userstatschartview", .when = {security}});
    s.push_back({.source = S::kSecurityManager,
                 .view = "registerusermodelview",
                 .when = {security, registration}});
    s.push_back({.source = S::kSecurityManager,
                 .view = "permissionmodelview",
                 .when = {security, {"FAB_ADD_SECURITY_PERMISSION_VIEW", true}}});
    s.push_back({.source = S::kSecurityManager,
                 .view = "viewmenumodelview",
                 .when = {security, {"FAB_ADD_SECURITY_VIEW_MENU_VIEW", true}}});
    s.push_back({.source = S::kSecurityManager,
                 .view = "permissionviewmodelview",
                 .when = {security, {"FAB_ADD_SECURITY_PERMISSION_VIEWS_VIEW", true}}});
    // SecurityManager (sqla) adds its APIs after its base's register_views,
    // past that method's FAB_ADD_SECURITY_VIEWS return.
    for (std::string_view api :
         {"permission_api", "role_api", "user_api", "view_menu_api", "permission_view_menu_api"}) {
      s.push_back({.source = S::kSecurityManager,
                   .view = api,
                   .when = {{"FAB_ADD_SECURITY_API", false}},
                   .sqla_security_manager = true});
    }
    const FabSwitch openapi{"FAB_ADD_OPENAPI_VIEWS", true};
    const FabSwitch swagger{"FAB_API_SWAGGER_UI", false};
    s.push_back({.view = "OpenApi", .when = {openapi, swagger}});
    s.push_back({.view = "SwaggerView", .when = {openapi, swagger}});
    s.push_back({.view = "MenuApi", .when = {{"FAB_ADD_MENU_API", true}}});
    return s;
  }();
  return steps;
}

std::optional<std::string_view> fab_security_view_default(std::string_view attribute) {
  static constexpr std::pair<std::string_view, std::string_view> kDefaults[] = {
      {"userdbmodelview", "UserDBModelView"},
      {"userldapmodelview", "UserLDAPModelView"},
      {"useroidmodelview", "UserOIDModelView"},
      {"useroauthmodelview", "UserOAuthModelView"},
      {"userremoteusermodelview", "UserRemoteUserModelView"},
      {"registerusermodelview", "RegisterUserModelView"},
      {"authdbview", "AuthDBView"},
      {"authldapview", "AuthLDAPView"},
      {"authoidview", "AuthOIDView"},
      {"authoauthview", "AuthOAuthView"},
      {"authremoteuserview", "AuthRemoteUserView"},
      {"registeruserdbview", "RegisterUserDBView"},
      {"registeruseroidview", "RegisterUserOIDView"},
      {"registeruseroauthview", "RegisterUserOAuthView"},
      {"resetmypasswordview", "ResetMyPasswordView"},
      {"resetpasswordview", "ResetPasswordView"},
      {"userinfoeditview", "UserInfoEditView"},
      {"security_api", "SecurityApi"},
      {"rolemodelview", "RoleModelView"},
      {"permissionmodelview", "PermissionModelView"},
      {"userstatschartview", "UserStatsChartView"},
      {"viewmenumodelview", "ViewMenuModelView"},
      {"permissionviewmodelview", "PermissionViewModelView"},
      {"permission_api", "PermissionApi"},
      {"role_api", "RoleApi"},
      {"user_api", "UserApi"},
      {"view_menu_api", "ViewMenuApi"},
      {"permission_view_menu_api", "PermissionViewMenuApi"}};
  for (const auto& [name, cls] : kDefaults) {
    if (name == attribute) return cls;
  }
  return std::nullopt;
}

}  // namespace cutover
