#pragma once
// The path a request asks for, as the application sees it: the request line
// split, the query string dropped, percent escapes decoded as the WSGI/ASGI
// server decodes PATH_INFO, the mount prefix (SCRIPT_NAME) removed; and the
// template an unmatched path is grouped under.

#include <optional>
#include <string>
#include <string_view>

namespace cutover {

struct RequestLine {
  std::string_view method;
  std::string_view target;  // as sent: origin form, absolute form, or "*"
};

// "GET /a?b=1 HTTP/1.1" (or HTTP/0.9's "GET /a") → {GET, /a?b=1}; nullopt
// when it is not a request line (TLS bytes, "-", an empty string).
std::optional<RequestLine> split_request_line(std::string_view line);

// Whether `method` is an HTTP token (RFC 9110): what a server would route.
bool is_method_token(std::string_view method);

// The path of a request target: the query string and fragment dropped, an
// absolute form's scheme and authority removed; "" when it has none ("*").
std::string_view target_path(std::string_view target);

// Percent escapes decoded, as servers decode PATH_INFO (`%2F` becomes '/',
// '+' stays); bytes that do not form UTF-8 afterwards are escaped again as
// %XX, as Django's repercent_broken_unicode does, so the result is UTF-8.
// `out` is `path` itself when there is nothing to decode.
std::string_view decode_path(std::string_view path, std::string& buffer);

// `path` with the mount prefix ("/app") removed, as a server that mounts the
// application there sets SCRIPT_NAME; nullopt when the path is outside it.
std::optional<std::string_view> strip_mount_prefix(std::string_view path, std::string_view prefix);

// The template an unmatched path is grouped under: segments that are
// numbers, UUIDs, hashes or long tokens (and such stems before an
// extension) become {id}, an e-mail address {email}; at most 12 segments and
// 200 bytes; bytes outside printable ASCII percent-encoded.
std::string unmatched_template(std::string_view decoded_path);

}  // namespace cutover
