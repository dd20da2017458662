// Picking fields out of JSON-lines records.

#include "traffic/json_fields.h"

#include <catch2/catch.hpp>

namespace cutover {
namespace {

struct Picked {
  std::vector<JsonField> fields;
  std::vector<std::string> scratch;
  bool ok = false;
};

Picked pick(std::string_view line, const std::vector<std::string>& wanted) {
  Picked p;
  p.ok = extract_json_fields(line, wanted, p.fields, p.scratch);
  return p;
}

TEST_CASE("top-level and nested fields, strings decoded", "[unit][traffic]") {
  const Picked p = pick(
      R"({"method":"GET","path":"\/a\u00e9","status":200,"req":{"ms":12.5,"x":[1,{"y":2}]},"n":null})",
      {"method", "path", "status", "req.ms", "missing", "n"});
  REQUIRE(p.ok);
  CHECK(p.fields[0].text == "GET");
  CHECK(p.fields[1].text == "/a\xC3\xA9");
  CHECK(p.fields[1].is_string);
  CHECK(p.fields[2].text == "200");
  CHECK_FALSE(p.fields[2].is_string);
  CHECK(p.fields[3].text == "12.5");
  CHECK_FALSE(p.fields[4].found);
  CHECK(p.fields[5].text == "null");
}

TEST_CASE("malformed JSON is refused, whatever is missing", "[unit][traffic]") {
  for (const char* bad : {"", "{", "[1]", R"({"a":})", R"({"a":1,})", R"({"a" 1})", R"({"a":"x)",
                          R"({"a":1} trailing)", R"({"a":"\q"})", "{\"a\":\"\x01\"}"}) {
    CAPTURE(bad);
    CHECK_FALSE(pick(bad, {"a"}).ok);
  }
  CHECK(pick(R"({})", {"a"}).ok);
  CHECK(pick(R"( { "a" : [ ] } )", {"a"}).ok);
}

TEST_CASE("surrogate pairs decode to one character", "[unit][traffic]") {
  const Picked p = pick(R"({"p":"\ud83d\ude00"})", {"p"});
  REQUIRE(p.ok);
  CHECK(p.fields[0].text == "\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace cutover
