// The standard outputs from the command line: openapi.json, cutover.sarif and
// endpoints.csv from scan, the OpenAPI pair from progress, SARIF from diff.
// (The ecosystem's validators run on them in the formats_* ctests.)

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace cutover {
namespace {

using testing::read_text;
using testing::run_cutover;

constexpr const char* kApp = R"(from flask import Flask
from flask_login import login_required
app = Flask(__name__)

@app.route('/orders/<int:order_id>', methods=['GET', 'DELETE'])
@login_required
def order(order_id):
    """Show or cancel one order.

    Longer text.
    """
    print "order", order_id
    return ''
)";

std::vector<std::string> fingerprints(const nlohmann::json& sarif) {
  std::vector<std::string> out;
  for (const auto& r : sarif["runs"][0]["results"])
    out.push_back(r["ruleId"].get<std::string>() + " " +
                  r["partialFingerprints"]["cutover/v1"].get<std::string>());
  return out;
}

TEST_CASE("scan writes openapi.json, cutover.sarif and endpoints.csv", "[cli][formats]") {
  testing::ScratchTree tree;
  tree.write("app.py", kApp);
  const std::filesystem::path out = tree.root() / "out";
  const std::string scan = "scan " + tree.root().string() + " -q --no-cache -o " + out.string() +
                           " --format openapi --format sarif --format csv";
  REQUIRE(run_cutover(scan + " --server-url https://legacy.example") == 0);
  CHECK_FALSE(std::filesystem::exists(out / "inventory.json"));

  const auto api = nlohmann::json::parse(read_text(out / "openapi.json"));
  CHECK(api["servers"][0]["url"] == "https://legacy.example");
  const auto& get = api["paths"]["/orders/{order_id}"]["get"];
  CHECK(get["summary"] == "Show or cancel one order.");
  CHECK(get["parameters"][0]["schema"]["type"] == "integer");
  CHECK(get["security"][0].contains("login_required"));
  CHECK(get["x-cutover"]["handler"] == "app.py:5");
  CHECK(api["paths"]["/orders/{order_id}"].contains("delete"));

  const auto sarif = nlohmann::json::parse(read_text(out / "cutover.sarif"));
  CHECK(sarif["version"] == "2.1.0");
  const std::vector<std::string> before = fingerprints(sarif);
  CHECK(std::find_if(before.begin(), before.end(), [](const std::string& f) {
          return f.starts_with("python2-blocker line:");
        }) != before.end());

  const std::string csv = read_text(out / "endpoints.csv");
  CHECK(csv.starts_with("methods,path,family,wave,status,"));
  CHECK(csv.find("\r\nDELETE GET,/orders/<int:order_id>,") != std::string::npos);

  // Lines added above the findings: code scanning still knows them.
  tree.write("app.py", std::string("import os\n\n\n") + kApp);
  REQUIRE(run_cutover(scan) == 0);
  CHECK(fingerprints(nlohmann::json::parse(read_text(out / "cutover.sarif"))) == before);
}

TEST_CASE("progress --format openapi writes both trees' documents", "[cli][formats]") {
  testing::ScratchTree out;
  const std::string legacy = (testing::source_dir() / "samples/legacy_shop").string();
  const std::string target = (testing::source_dir() / "samples/shop_fastapi").string();
  REQUIRE(run_cutover("progress " + legacy + " --target " + target + " -q --no-cache -o " +
                      out.root().string() + " --format openapi --format json") == 0);
  const auto legacy_api = nlohmann::json::parse(read_text(out.root() / "openapi.json"));
  const auto target_api = nlohmann::json::parse(read_text(out.root() / "openapi-target.json"));
  CHECK(legacy_api["paths"].contains("/catalog/products/{product_id}"));
  const auto& moved = target_api["paths"]["/catalog/products/{product_id}"]["get"];
  CHECK(moved["parameters"][0]["schema"]["type"] == "string");
  CHECK(moved["x-cutover"]["replaces"].size() == 1);
  // The contract difference, spelled out in progress.json.
  const auto progress = nlohmann::json::parse(read_text(out.root() / "progress.json"));
  bool found = false;
  for (const auto& e : progress["endpoints"]) {
    for (const auto& d : e["differences"]) {
      if (d["kind"] == "param-type" && d["param"] == "product_id") {
        found = true;
        CHECK(d["legacy"] == "int");
        CHECK(d["target"] == "str");
        CHECK(d["breaking"] == true);
      }
    }
  }
  CHECK(found);
}

TEST_CASE("diff --format sarif reports new legacy endpoints", "[cli][formats]") {
  testing::ScratchTree tree;
  tree.write("app/app.py", kApp);
  const std::string old_out = (tree.root() / "old").string();
  const std::string new_out = (tree.root() / "new").string();
  REQUIRE(run_cutover("scan " + (tree.root() / "app").string() +
                      " -q --no-cache --format json -o " + old_out) == 0);
  tree.write("app/more.py",
             "from app import app\n\n@app.route('/refunds', methods=['POST'])\ndef refund():\n"
             "    return ''\n");
  REQUIRE(run_cutover("scan " + (tree.root() / "app").string() +
                      " -q --no-cache --format json -o " + new_out) == 0);
  std::string printed;
  REQUIRE(run_cutover(
              "diff " + old_out + "/inventory.json " + new_out + "/inventory.json --format sarif",
              &printed) == 0);
  const auto sarif = nlohmann::json::parse(printed);
  const auto& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["ruleId"] == "new-legacy-endpoint");
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "more.py");
  CHECK(results[0]["partialFingerprints"]["cutover/v1"].get<std::string>().starts_with("route:"));
}

}  // namespace
}  // namespace cutover
