// The streaming writer lays JSON out exactly as nlohmann's dump(2) with
// replacement does: inventory.json's bytes did not change when it came in.

#include "emit/json_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

std::string nlohmann_text(const Json& doc) {
  return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

// Every byte value, alone and inside text; broken and valid UTF-8.
std::vector<std::string> awkward_strings() {
  std::vector<std::string> out = {"",
                                  "plain",
                                  "quote \" backslash \\ slash /",
                                  "caf\xc3\xa9",
                                  "\xe2\x86\x92 arrow",
                                  "cut \xc3",
                                  "latin-1 \xe9t\xe9",
                                  "\xed\xa0\x80 surrogate",
                                  "\xf4\x90\x80\x80 past U+10FFFF",
                                  "overlong \xc0\xaf",
                                  std::string("nul \0 inside", 12)};
  for (int byte = 0; byte < 256; ++byte)
    out.push_back("a" + std::string(1, static_cast<char>(byte)) + "b");
  return out;
}

TEST_CASE("strings are escaped and replaced as nlohmann does", "[unit][json_writer]") {
  for (const std::string& text : awkward_strings()) {
    std::string out;
    JsonWriter w(out);
    w.value(text);
    INFO("bytes: " << Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
    CHECK(out == nlohmann_text(Json(text)));
  }
}

TEST_CASE("numbers are spelled as nlohmann does", "[unit][json_writer]") {
  const std::vector<double> doubles = {0.0,
                                       -0.0,
                                       1.0,
                                       0.5,
                                       0.1,
                                       1.0 / 3,
                                       1e-7,
                                       1e21,
                                       1e300,
                                       -2.5,
                                       123456789.0,
                                       std::nan(""),
                                       std::numeric_limits<double>::infinity()};
  for (const double d : doubles) {
    std::string out;
    JsonWriter w(out);
    w.value(d);
    CHECK(out == nlohmann_text(Json(d)));
  }
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  w.value(std::numeric_limits<std::uint64_t>::max());
  w.value(std::numeric_limits<std::int64_t>::min());
  w.value(0u);
  w.value(-7);
  w.value(true);
  w.value(false);
  w.end_array();
  CHECK(out == nlohmann_text(
                   Json::array({std::numeric_limits<std::uint64_t>::max(),
                                std::numeric_limits<std::int64_t>::min(), 0u, -7, true, false})));
}

TEST_CASE("nested objects and arrays, empty ones too, are laid out as dump(2)",
          "[unit][json_writer]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.member("name", "cutover");
  w.key("empty_object");
  w.begin_object();
  w.end_object();
  w.member("empty_list", std::vector<std::string>{});
  w.member("names", std::vector<std::string>{"a", "b\n"});
  w.key("rows");
  w.begin_array();
  w.begin_object();
  w.member("line", 12u);
  w.key("inner");
  w.begin_array();
  w.begin_array();
  w.end_array();
  w.begin_object();
  w.member("deep", 0.25);
  w.end_object();
  w.end_array();
  w.end_object();
  w.end_array();
  w.member("last", false);
  w.end_object();

  Json doc;
  doc["name"] = "cutover";
  doc["empty_object"] = Json::object();
  doc["empty_list"] = Json::array();
  doc["names"] = {"a", "b\n"};
  doc["rows"] = Json::array({{{"line", 12u}, {"inner", {Json::array(), {{"deep", 0.25}}}}}});
  doc["last"] = false;
  CHECK(out == nlohmann_text(doc));
}

TEST_CASE("the compact layout is dump() with no indent", "[unit][json_writer]") {
  std::string out;
  JsonWriter w(out, JsonWriter::Layout::kCompact);
  w.begin_object();
  w.member("root", "tree \xff");
  w.key("routes");
  w.begin_array();
  w.begin_object();
  w.member("methods", std::vector<std::string>{"GET", "POST"});
  w.member("line", 3u);
  w.member("none", std::vector<int>{});
  w.end_object();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.end_object();
  const Json doc = {
      {"root", "tree \xff"},
      {"routes",
       {{{"methods", {"GET", "POST"}}, {"line", 3u}, {"none", Json::array()}}, Json::object()}}};
  CHECK(out == doc.dump(-1, ' ', false, Json::error_handler_t::replace));
}

TEST_CASE("a top-level empty array and object are written bare", "[unit][json_writer]") {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  w.end_array();
  CHECK(out == "[]");
  out.clear();
  JsonWriter object_writer(out);
  object_writer.begin_object();
  object_writer.end_object();
  CHECK(out == "{}");
}

}  // namespace
}  // namespace cutover
