#pragma once
// Flask-AppBuilder's routing knowledge as data, read from FAB v4.3.11
// (tests/expected/fab_rules.md gives the file:line of every row): the view
// and API base classes with the methods they @expose, their route_base /
// resource_name / version defaults, the security manager's view attributes,
// and the views AppBuilder registers by itself with the config switches
// that gate them. Nothing here walks code: fab_class_routes.cpp and
// fab_routes.cpp read these tables.

#include <optional>
#include <string_view>
#include <vector>

namespace cutover {

// One `@expose(url, methods)` of a FAB method; a method with two decorators
// has two rows.
struct FabExposure {
  std::string_view method;  // Python method name: the endpoint's second half
  std::string_view url;     // relative to route_base
  std::vector<std::string_view> http;
};

struct FabClass {
  std::string_view name;                // class __name__: the blueprint name FAB gives it
  std::string_view module;              // where FAB defines it (a handler's dotted name)
  std::vector<std::string_view> bases;  // FAB classes, in order
  std::optional<std::string_view> route_base;
  std::optional<std::string_view> resource_name;
  std::optional<std::string_view> version;
  std::optional<std::vector<std::string_view>> include_route_methods;
  std::vector<FabExposure> exposures;
};

// The class named `name` (a FAB class __name__), or nullptr.
const FabClass* fab_class(std::string_view name);

// Whether `external` (a resolved dotted name such as
// "flask_appbuilder.views.ModelView") is FAB's; then the class's name.
std::optional<std::string_view> fab_symbol(std::string_view external);

// Base classes that make a class a view (BaseView) or an API (BaseApi).
inline constexpr std::string_view kFabBaseView = "BaseView";
inline constexpr std::string_view kFabBaseApi = "BaseApi";
inline constexpr std::string_view kFabDefaultApiVersion = "v1";

// RestCRUDView's `disable_api_route_methods = True` adds these to
// exclude_route_methods (views.py:161-179).
const std::vector<std::string_view>& fab_rest_crud_api_methods();

// AUTH_TYPE values (const.py:133-137).
enum class FabAuthType : int { kOid = 0, kDb = 1, kLdap = 2, kRemoteUser = 3, kOAuth = 4 };
std::optional<FabAuthType> fab_auth_type_named(std::string_view constant);  // "AUTH_DB"

// A boolean config key AppBuilder reads, with its default.
struct FabSwitch {
  std::string_view key;
  bool default_value = true;
};

// Where a view AppBuilder registers by itself comes from.
enum class FabViewSource : unsigned char {
  kIndexView,        // FAB_INDEX_VIEW, else AppBuilder(indexview=), else IndexView
  kClass,            // the FAB class `view`
  kSecurityManager,  // the security manager's attribute `view`
};

// One add_view / add_view_no_menu / add_api AppBuilder.init_app makes, in
// its order (base.py:317-327, security/manager.py:704-815,
// security/sqla/manager.py:94-102, api/manager.py:98-104, menu.py:239-242).
struct FabBuiltinView {
  FabViewSource source = FabViewSource::kClass;
  std::string_view view;        // class name or security-manager attribute
  std::vector<FabSwitch> when;  // every switch must be true
  // AUTH_TYPE values it is registered for (empty: any). kOid also stands
  // for any value that is not one of the others, as FAB's `else` does.
  std::vector<FabAuthType> auth_types;
  bool sqla_security_manager = false;  // only SecurityManager of security.sqla adds it
};

const std::vector<FabBuiltinView>& fab_builtin_views();

// The security-manager class AppBuilder uses by default, and the one whose
// register_views adds the security APIs.
inline constexpr std::string_view kFabSqlaSecurityManager = "SecurityManager";

// Default class of each security-manager view attribute
// (security/manager.py:170-215, security/sqla/manager.py:50-54).
std::optional<std::string_view> fab_security_view_default(std::string_view attribute);

// The global static blueprint: "appbuilder", url_prefix "/static", static
// URL path FAB_STATIC_URL_PATH or AppBuilder(static_url_path=) (base.py:306-315).
inline constexpr std::string_view kFabStaticBlueprint = "appbuilder";
inline constexpr std::string_view kFabStaticPrefix = "/static";
inline constexpr std::string_view kFabDefaultStaticUrlPath = "/appbuilder";

}  // namespace cutover
