// inventory.json is valid JSON with a schema version, and survives bad bytes.

#include "emit/inventory_json.h"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

using nlohmann::json;

template <class F>
bool sorted_by(const json& array, F key) {
  for (std::size_t i = 1; i < array.size(); ++i) {
    if (key(array[i]) < key(array[i - 1])) return false;
  }
  return true;
}

TEST_CASE("an empty inventory is valid JSON with a schema version", "[unit][inventory_json]") {
  const std::string text = inventory_to_json(Inventory{.root = "tree"});
  const json doc = json::parse(text);
  CHECK(doc["schema_version"] == kSchemaVersion);
  CHECK(doc["root"] == "tree");
  CHECK(doc["tool"]["name"] == "cutover");
  CHECK(doc["routes"].is_array());
  CHECK(doc["routes"].empty());
  CHECK(doc["graph"]["cycles"].is_array());
  CHECK(text.ends_with("}\n"));
}

TEST_CASE("a linked inventory serialises sorted arrays", "[unit][inventory_json]") {
  const Inventory inv = testing::link_python({
      {"b.py", "import a\nimport os\n"},
      {"a.py", R"(import b
from flask import Flask
app = Flask(__name__)

@app.route('/z', methods=['POST'])
def z():
    pass

@app.route('/a')
def a_view():
    pass

@unknown.route('/m')
def m():
    pass
)"},
  });
  const json doc = json::parse(inventory_to_json(inv));
  const json& files = doc["files"];
  REQUIRE(files.size() == 2);
  CHECK(files[0]["path"] == "a.py");
  CHECK(files[1]["path"] == "b.py");
  CHECK(files[0]["status"] == "parsed");
  CHECK(sorted_by(doc["modules"], [](const json& m) { return m["name"].get<std::string>(); }));
  CHECK(sorted_by(doc["imports"], [](const json& e) {
    return std::make_pair(e["file"].get<std::string>(), e["line"].get<int>());
  }));
  const json& routes = doc["routes"];
  // Flask's own static route is listed with the app's, marked auto.
  REQUIRE(routes.size() == 4);
  CHECK(routes[0]["path"] == "/a");
  CHECK(routes[1]["path"] == "/m");
  CHECK(routes[2]["path"] == "/static/<path:filename>");
  CHECK(routes[2]["auto"] == "static");
  CHECK_FALSE(routes[0].contains("auto"));
  CHECK(routes[3]["path"] == "/z");
  CHECK(routes[3]["methods"] == json::array({"POST"}));
  CHECK(routes[0]["resolution"] == "exact");
  CHECK(routes[1]["resolution"] == "partial");
  CHECK(routes[1].contains("unresolved"));
  CHECK_FALSE(routes[0].contains("unresolved"));
  REQUIRE(doc["graph"]["cycles"].size() == 1);
  CHECK(doc["graph"]["cycles"][0]["modules"] == json::array({"a", "b"}));
  CHECK(doc["summary"]["routes"] == 3);
  CHECK(doc["summary"]["auto_routes"] == 1);
  CHECK(doc["summary"]["partial_routes"] == 1);
  CHECK(sorted_by(doc["diagnostics"], [](const json& d) {
    return std::make_pair(d["file"].get<std::string>(), d["line"].get<int>());
  }));
}

TEST_CASE("import contexts are named in the JSON", "[unit][inventory_json]") {
  const Inventory inv = testing::link_python({{"m.py", R"(import os
def f():
    import json
try:
    import yaml
except ImportError:
    pass
if TYPE_CHECKING:
    import typing
)"}});
  const json doc = json::parse(inventory_to_json(inv));
  std::map<std::string, std::string> context;
  for (const json& e : doc["imports"])
    context[e["to"]] = e["context"];
  CHECK(context["os"] == "top-level");
  CHECK(context["json"] == "lazy");
  CHECK(context["yaml"] == "optional");
  CHECK(context["typing"] == "type-only");
}

TEST_CASE("invalid UTF-8 in a file path still yields valid JSON", "[unit][inventory_json]") {
  Inventory inv;
  inv.root = "tree";
  inv.files.push_back(FileEntry{.path = "caf\xE9/\xFF\xFE.py", .lines = 1});
  inv.diagnostics.push_back(Diagnostic{.file = "caf\xE9/\xFF\xFE.py", .code = "not-utf8"});
  std::string text;
  REQUIRE_NOTHROW(text = inventory_to_json(inv));
  const json doc = json::parse(text);
  const std::string path = doc["files"][0]["path"];
  CHECK(path.starts_with("caf"));
  CHECK(path.ends_with(".py"));
  CHECK(path.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD replacement
  CHECK(doc["diagnostics"][0]["code"] == "not-utf8");
}

}  // namespace
}  // namespace cutover
