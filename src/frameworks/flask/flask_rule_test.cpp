// Flask/Werkzeug rule conversion and prefix joining.

#include "frameworks/flask/flask_rule.h"

#include <catch2/catch.hpp>
#include <string>

namespace cutover {
namespace {

std::vector<std::string> params_of(const ConvertedRule& r) {
  std::vector<std::string> out;
  for (const RouteParam& p : r.params)
    out.push_back(p.name + ":" + p.type);
  return out;
}

TEST_CASE("a rule without variables is unchanged", "[unit][flask_rule]") {
  const ConvertedRule r = convert_flask_rule("/users/list");
  CHECK(r.path_template == "/users/list");
  CHECK(r.params.empty());
  CHECK(convert_flask_rule("").path_template.empty());
}

TEST_CASE("typed converters become typed params", "[unit][flask_rule]") {
  const ConvertedRule r = convert_flask_rule("/users/<int:id>/score/<float:value>");
  CHECK(r.path_template == "/users/{id}/score/{value}");
  CHECK(params_of(r) == std::vector<std::string>{"id:int", "value:float"});
}

TEST_CASE("path converter keeps :path in the template", "[unit][flask_rule]") {
  const ConvertedRule r = convert_flask_rule("/files/<path:p>");
  CHECK(r.path_template == "/files/{p:path}");
  CHECK(params_of(r) == std::vector<std::string>{"p:path"});
}

TEST_CASE("uuid, default and string converters", "[unit][flask_rule]") {
  CHECK(params_of(convert_flask_rule("/o/<uuid:u>")) == std::vector<std::string>{"u:uuid"});
  const ConvertedRule plain = convert_flask_rule("/u/<x>");
  CHECK(plain.path_template == "/u/{x}");
  CHECK(params_of(plain) == std::vector<std::string>{"x:str"});
  CHECK(params_of(convert_flask_rule("/u/<string:name>")) == std::vector<std::string>{"name:str"});
  CHECK(params_of(convert_flask_rule("/u/<default:name>")) == std::vector<std::string>{"name:str"});
}

TEST_CASE("converters with arguments lose their arguments", "[unit][flask_rule]") {
  const ConvertedRule any = convert_flask_rule("/<any(a, b):kind>/x");
  CHECK(any.path_template == "/{kind}/x");
  CHECK(params_of(any) == std::vector<std::string>{"kind:any"});
  const ConvertedRule ranged = convert_flask_rule("/page/<int(min=1):n>");
  CHECK(ranged.path_template == "/page/{n}");
  CHECK(params_of(ranged) == std::vector<std::string>{"n:int"});
}

TEST_CASE("a custom converter keeps its name as the type", "[unit][flask_rule]") {
  const ConvertedRule r = convert_flask_rule("/tags/<list:tags>");
  CHECK(r.path_template == "/tags/{tags}");
  CHECK(params_of(r) == std::vector<std::string>{"tags:list"});
}

TEST_CASE("spaces around converter and name are trimmed", "[unit][flask_rule]") {
  const ConvertedRule r = convert_flask_rule("/u/< int : id >");
  CHECK(r.path_template == "/u/{id}");
  CHECK(params_of(r) == std::vector<std::string>{"id:int"});
}

TEST_CASE("an unclosed variable is kept as literal text", "[unit][flask_rule]") {
  const ConvertedRule r = convert_flask_rule("/u/<int:id");
  CHECK(r.path_template == "/u/<int:id");
  CHECK(r.params.empty());
}

TEST_CASE("join_url_prefix matches Flask's BlueprintSetupState", "[unit][flask_rule]") {
  CHECK(join_url_prefix("/a/", "/b") == "/a/b");
  CHECK(join_url_prefix("/a", "/b") == "/a/b");
  CHECK(join_url_prefix("/a", "b") == "/a/b");
  CHECK(join_url_prefix("/a/", "b/") == "/a/b/");
  CHECK(join_url_prefix("/a", "") == "/a");
  CHECK(join_url_prefix("/a/", "") == "/a/");
  CHECK(join_url_prefix("/a", "/") == "/a/");
  CHECK(join_url_prefix("", "/b") == "/b");
  CHECK(join_url_prefix("/", "/") == "/");
}

}  // namespace
}  // namespace cutover
