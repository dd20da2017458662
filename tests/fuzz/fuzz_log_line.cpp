// libFuzzer target: the access-log line parsers (combined/common, an nginx
// log_format, JSON lines, counts CSV and JSON), format detection, and what
// each record goes through after: the request path (query dropped, percent
// decoding, mount prefix), the router over routes of every framework, and
// the unmatched template. The first byte picks the format; with `nginx`, the
// first line is the log_format string. Any bytes give records, or a reason
// to skip a line, never a crash; checked: decoded paths are UTF-8, templates
// are short printable ASCII.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/utf8.h"
#include "traffic/log_format.h"
#include "traffic/log_line.h"
#include "traffic/request_path.h"
#include "traffic/route_matcher.h"

namespace {

cutover::Route route(const char* framework, std::vector<std::string> methods, const char* path,
                     std::uint32_t declared) {
  cutover::Route r;
  r.framework = framework;
  r.methods = std::move(methods);
  r.path = path;
  r.declared = declared;
  return r;
}

struct Router {
  Router() {
    routes = {route("flask", {"GET"}, "/p/<int:page>", 0),
              route("flask", {"GET", "POST"}, "/u/<name>/", 1),
              route("flask", {"GET"}, "/f/<path:rest>", 2),
              route("flask", {"GET"}, "/<any(about, help):page>", 3),
              route("django", {"ANY"}, "^articles/(?P<year>[0-9]{4})/$", 4),
              route("django", {"GET"}, "api/reviews/<int:pk>/", 5),
              route("django", {"GET"}, "^(?i)help/(?P<a>\\w+)-(?P=a)/$", 6),
              route("django", {"ANY"}, "^(?P<page>.*)$", 7),
              route("fastapi", {"GET"}, "/items/{id}", 8),
              route("fastapi", {"ANY"}, "/static/{path:path}", 9)};
    matcher = std::make_unique<cutover::RouteMatcher>(routes, diagnostics);
    scratch = matcher->make_scratch();
  }
  std::vector<cutover::Route> routes;
  std::vector<cutover::Diagnostic> diagnostics;
  std::unique_ptr<cutover::RouteMatcher> matcher;
  cutover::RouteMatcher::ScratchPtr scratch;
};

void check_record(const cutover::LogRecord& record, Router& router) {
  using namespace cutover;
  if (record.method.empty()) return;
  const std::string_view path = target_path(record.target);
  std::string buffer;
  const std::string_view decoded = decode_path(path, buffer);
  if (!is_valid_utf8(decoded)) std::abort();
  const std::optional<std::string_view> inside = strip_mount_prefix(decoded, "/app");
  const RouteMatcher::Match match =
      router.matcher->match(record.method, inside.value_or(decoded), *router.scratch);
  if (match.route >= static_cast<std::int64_t>(router.routes.size())) std::abort();
  const std::string shown = unmatched_template(decoded);
  if (shown.size() > 220) std::abort();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const auto c = static_cast<unsigned char>(shown[i]);
    const bool ellipsis = c >= 0x80 && shown.compare(i, 3, "…") == 0;
    if (ellipsis) {
      i += 2;
      continue;
    }
    if (c < 0x21 || c > 0x7E) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cutover;
  static Router router;
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  constexpr LogFormatKind kKinds[] = {LogFormatKind::kAuto,   LogFormatKind::kCombined,
                                      LogFormatKind::kCommon, LogFormatKind::kNginx,
                                      LogFormatKind::kJson,   LogFormatKind::kCounts};
  LogFormat spec{.kind = kKinds[data[0] % 6]};
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  if (spec.kind == LogFormatKind::kNginx) {
    if (lines.empty()) return 0;
    std::string error;
    std::optional<LogFormat> parsed =
        parse_log_format("nginx:" + std::string(lines.front()), error);
    if (!parsed) {
      if (error.empty()) std::abort();
      return 0;
    }
    spec = std::move(*parsed);
    lines.erase(lines.begin());
  }
  if (data[0] & 0x80) {
    std::string error;
    (void)apply_log_field(spec.json, lines.empty() ? "" : lines.front(), error);
  }
  std::string error;
  const std::vector<std::string_view> sample(
      lines.begin(), lines.begin() + std::min<std::size_t>(20, lines.size()));
  const std::optional<FileFormat> format = detect_file_format(spec, sample, error);
  if (!format) {
    if (error.empty()) std::abort();
    return 0;
  }
  LogLineParser parser(*format);
  LogRecord record;
  for (std::string_view line : lines) {
    const LineResult result = parser.parse(line, record);
    if (result == LineResult::kBad && *parser.reason() == '\0') std::abort();
    if (result == LineResult::kRecord) check_record(record, router);
  }
  return 0;
}
