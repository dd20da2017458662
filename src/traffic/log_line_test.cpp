// Access-log lines in each format → request records; format detection.

#include "traffic/log_line.h"

#include <catch2/catch.hpp>

#include "traffic/log_format.h"

namespace cutover {
namespace {

const std::string kCombined =
    R"(203.0.113.7 - alice [10/Oct/2000:13:55:36 -0700] "GET /p/12?x=1 HTTP/1.1" 200 2326 "http://r/" "Mozilla/5.0")";
const std::string kCommon =
    R"(203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] "POST /cart HTTP/1.0" 302 -)";

FileFormat format_of(LogFormatKind kind, const LogFormat* spec = nullptr) {
  return FileFormat{.kind = kind, .spec = spec};
}

TEST_CASE("combined and common lines", "[unit][traffic]") {
  const FileFormat combined = format_of(LogFormatKind::kCombined);
  LogLineParser parser(combined);
  LogRecord r;
  REQUIRE(parser.parse(kCombined, r) == LineResult::kRecord);
  CHECK(r.method == "GET");
  CHECK(r.target == "/p/12?x=1");
  CHECK(r.status == 200);
  CHECK(r.time == 971211336);
  CHECK(r.duration_us == -1);
  CHECK(parser.parse(kCommon, r) == LineResult::kBad);  // no referer
  const FileFormat common = format_of(LogFormatKind::kCommon);
  LogLineParser common_parser(common);
  REQUIRE(common_parser.parse(kCommon, r) == LineResult::kRecord);
  CHECK(r.method == "POST");
  CHECK(r.status == 302);
}

TEST_CASE("a quote inside the request, and requests that are not requests", "[unit][traffic]") {
  const FileFormat combined = format_of(LogFormatKind::kCombined);
  LogLineParser parser(combined);
  LogRecord r;
  REQUIRE(
      parser.parse(R"(1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /a\"b HTTP/1.1" 404 5 "-" "-")",
                   r) == LineResult::kRecord);
  CHECK(r.target == "/a\\\"b");
  CHECK(r.status == 404);
  // nginx logs a bad request line as-is, or "-": a record with no request.
  REQUIRE(parser.parse(R"(1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "-" 400 0 "-" "-")", r) ==
          LineResult::kRecord);
  CHECK(r.method.empty());
  REQUIRE(parser.parse(R"(1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "\x16\x03\x01" 400 157 "-" "-")",
                       r) == LineResult::kRecord);
  CHECK(r.method.empty());
  for (const char* bad :
       {"", "garbage", R"(1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" abc 1 "-" "-")",
        R"(1.2.3.4 - - [99/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" "-")",
        R"(1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1)"}) {
    CAPTURE(bad);
    CHECK(parser.parse(bad, r) == LineResult::kBad);
  }
}

TEST_CASE("an nginx log_format string with durations", "[unit][traffic]") {
  std::string error;
  const std::optional<LogFormat> spec = parse_log_format(
      R"(nginx:$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time urt="$upstream_response_time")",
      error);
  REQUIRE(spec);
  const FileFormat f = format_of(LogFormatKind::kNginx, &*spec);
  LogLineParser parser(f);
  LogRecord r;
  REQUIRE(
      parser.parse(
          R"(10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /api/x HTTP/2.0" 201 12 "-" "curl/8" rt=0.125 urt="0.120")",
          r) == LineResult::kRecord);
  CHECK(r.method == "GET");
  CHECK(r.target == "/api/x");
  CHECK(r.status == 201);
  CHECK(r.duration_us == 125000);
  CHECK(r.time == 971211336);
  CHECK(parser.parse(R"(10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /api/x HTTP/2.0" 201 12)",
                     r) == LineResult::kBad);
  // ${var} and $upstream_response_time alone, with retries.
  const std::optional<LogFormat> braces =
      parse_log_format("nginx:${request_method} ${uri} ${status} ${upstream_response_time}", error);
  REQUIRE(braces);
  const FileFormat g = format_of(LogFormatKind::kNginx, &*braces);
  LogLineParser upstream(g);
  REQUIRE(upstream.parse("DELETE /b 204 0.010, 0.002", r) == LineResult::kRecord);
  CHECK(r.method == "DELETE");
  CHECK(r.duration_us == 10000);
  CHECK_FALSE(parse_log_format("nginx:$remote_addr $status", error));
}

TEST_CASE("JSON lines with a field mapping", "[unit][traffic]") {
  std::string error;
  LogFormat spec = *parse_log_format("json", error);
  REQUIRE(apply_log_field(spec.json, "method=http.method", error));
  REQUIRE(apply_log_field(spec.json, "path=http.path", error));
  REQUIRE(apply_log_field(spec.json, "duration=rt:s", error));
  REQUIRE(apply_log_field(spec.json, "time=ts", error));
  CHECK_FALSE(apply_log_field(spec.json, "color=x", error));
  CHECK_FALSE(apply_log_field(spec.json, "duration=x:hours", error));
  const FileFormat f = format_of(LogFormatKind::kJson, &spec);
  LogLineParser parser(f);
  LogRecord r;
  REQUIRE(
      parser.parse(
          R"({"ts":"2000-10-10T20:55:36Z","http":{"method":"PUT","path":"/a?b"},"status":"204","rt":0.002})",
          r) == LineResult::kRecord);
  CHECK(r.method == "PUT");
  CHECK(r.target == "/a?b");
  CHECK(r.status == 204);
  CHECK(r.duration_us == 2000);
  CHECK(r.time == 971211336);
  CHECK(parser.parse(R"({"http":{"method":"GET"}})", r) == LineResult::kBad);
  CHECK(parser.parse("not json", r) == LineResult::kBad);
  // Without path, "request" is read as a request line.
  LogFormat plain = *parse_log_format("json", error);
  const FileFormat p = format_of(LogFormatKind::kJson, &plain);
  LogLineParser request_parser(p);
  REQUIRE(request_parser.parse(R"({"request":"GET /r HTTP/1.1","status":200,"duration_ms":"15ms"})",
                               r) == LineResult::kRecord);
  CHECK(r.target == "/r");
  CHECK(r.duration_us == 15000);
}

TEST_CASE("counts: CSV with a header, and JSON lines", "[unit][traffic]") {
  const LogFormat spec{.kind = LogFormatKind::kCounts};
  const std::vector<std::string_view> csv = {
      "\"method\",\"path\",\"status\",\"count\",\"first_seen\",\"last_seen\"",
      "\"GET\",\"/p/1\",200,40,\"2000-10-10 20:55:36\",\"2000-10-11 00:00:00\""};
  std::string error;
  const std::optional<FileFormat> f = detect_file_format(spec, csv, error);
  REQUIRE(f);
  CHECK(f->csv);
  LogLineParser parser(*f);
  LogRecord r;
  CHECK(parser.parse(csv[0], r) == LineResult::kSkip);
  REQUIRE(parser.parse(csv[1], r) == LineResult::kRecord);
  CHECK(r.method == "GET");
  CHECK(r.target == "/p/1");
  CHECK(r.count == 40);
  CHECK(r.time == 971211336);
  CHECK(r.last_time == 971222400);
  CHECK(parser.parse("GET,/x,200,many", r) == LineResult::kBad);
  CHECK(parser.parse("GET,\"/x,200,1", r) == LineResult::kBad);
  const FileFormat json{.kind = LogFormatKind::kCounts, .spec = &spec};
  LogLineParser json_parser(json);
  REQUIRE(json_parser.parse(R"({"method":"POST","path":"/c","status":201,"count":3})", r) ==
          LineResult::kRecord);
  CHECK(r.count == 3);
  CHECK_FALSE(r.time);
}

TEST_CASE("formats are detected from the first lines", "[unit][traffic]") {
  const LogFormat automatic;
  std::string error;
  const std::vector<std::string_view> combined = {kCombined, kCombined};
  CHECK(detect_file_format(automatic, combined, error)->kind == LogFormatKind::kCombined);
  const std::vector<std::string_view> common = {kCommon};
  CHECK(detect_file_format(automatic, common, error)->kind == LogFormatKind::kCommon);
  const std::vector<std::string_view> json = {R"({"method":"GET","path":"/","status":200})"};
  CHECK(detect_file_format(automatic, json, error)->kind == LogFormatKind::kJson);
  const std::vector<std::string_view> counts = {
      R"({"method":"GET","path":"/","status":200,"count":9})"};
  CHECK(detect_file_format(automatic, counts, error)->kind == LogFormatKind::kCounts);
  const std::vector<std::string_view> csv = {"method,path,status,count", "GET,/,200,1"};
  CHECK(detect_file_format(automatic, csv, error)->kind == LogFormatKind::kCounts);
  const std::vector<std::string_view> unknown = {"Jan 1 00:00:00 host kernel: hello"};
  CHECK_FALSE(detect_file_format(automatic, unknown, error));
  CHECK(error.find("unknown format") != std::string::npos);
  const std::string binary(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00",
      18);
  const std::vector<std::string_view> junk = {binary};
  CHECK_FALSE(detect_file_format(automatic, junk, error));
  CHECK(error.find("binary") != std::string::npos);
  CHECK_FALSE(parse_log_format("apache-custom", error));
}

TEST_CASE("durations and statuses", "[unit][traffic]") {
  CHECK(parse_duration_us("0.123", 1e6) == 123000);
  CHECK(parse_duration_us("12ms", 1e6) == 12000);
  CHECK(parse_duration_us("1.5s", 1000) == 1500000);
  CHECK(parse_duration_us("250us", 1000) == 250);
  CHECK(parse_duration_us("7", 1000) == 7000);
  CHECK_FALSE(parse_duration_us("-", 1000));
  CHECK_FALSE(parse_duration_us("-1", 1000));
  CHECK(parse_status("404") == 404u);
  CHECK(parse_status("-") == 0u);
  CHECK_FALSE(parse_status("20"));
  CHECK_FALSE(parse_status("2x0"));
}

}  // namespace
}  // namespace cutover
