#include "traffic/request_path.h"

#include <algorithm>
#include <cstring>

namespace cutover {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_hex(char c) {
  return hex_value(c) >= 0;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of the well-formed UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

void append_escaped_byte(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
  }
  return true;
}

// A segment that names one record rather than a resource: what the
// unmatched listing must not keep, and what grouping needs to collapse.
bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  if (std::all_of(s.begin(), s.end(), is_digit)) return true;
  if (is_uuid(s)) return true;
  const bool has_digit = std::any_of(s.begin(), s.end(), is_digit);
  if (s.size() >= 8 && has_digit && std::all_of(s.begin(), s.end(), is_hex)) return true;
  // Long tokens: base64url, signed values, session ids.
  return s.size() >= 20 && has_digit && std::all_of(s.begin(), s.end(), [](char c) {
           return is_alnum(c) || c == '-' || c == '_' || c == '=' || c == '.' || c == ':';
         });
}

std::string segment_template(std::string_view segment) {
  if (segment.find('@') != std::string_view::npos) return "{email}";
  if (is_identifier(segment)) return "{id}";
  const std::size_t dot = segment.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && is_identifier(segment.substr(0, dot)))
    return "{id}" + std::string(segment.substr(dot));
  return std::string(segment);
}

}  // namespace

bool is_method_token(std::string_view m) {
  if (m.empty() || m.size() > 32) return false;
  return std::all_of(m.begin(), m.end(), [](char c) {
    return is_alnum(c) || std::strchr("!#$%&'*+.^_`|~-", c) != nullptr;
  });
}

std::optional<RequestLine> split_request_line(std::string_view line) {
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  RequestLine out{.method = line.substr(0, space)};
  std::string_view rest = line.substr(space + 1);
  while (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
  const std::size_t end = rest.find(' ');
  out.target = rest.substr(0, end);
  if (end != std::string_view::npos) {
    std::string_view protocol = rest.substr(end + 1);
    while (!protocol.empty() && protocol.front() == ' ')
      protocol.remove_prefix(1);
    if (!protocol.starts_with("HTTP/")) return std::nullopt;
  }
  if (!is_method_token(out.method) || out.target.empty()) return std::nullopt;
  return out;
}

std::string_view target_path(std::string_view target) {
  if (!target.starts_with('/')) {
    // Absolute form: scheme://authority/path.
    const std::size_t scheme = target.find("://");
    if (scheme == std::string_view::npos) return {};
    const std::size_t slash = target.find('/', scheme + 3);
    if (slash == std::string_view::npos) return "/";
    target.remove_prefix(slash);
  }
  // A plain loop: find_first_of calls memchr on "?#" once per character.
  std::size_t end = 0;
  while (end < target.size() && target[end] != '?' && target[end] != '#')
    ++end;
  return target.substr(0, end);
}

std::string_view decode_path(std::string_view path, std::string& buffer) {
  if (path.find('%') == std::string_view::npos) {
    bool ascii = true;
    for (char c : path)
      ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return path;
  }
  std::string raw;
  raw.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && is_hex(path[i + 1]) && is_hex(path[i + 2])) {
      raw += static_cast<char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
      i += 2;
    } else {
      raw += path[i];
    }
  }
  buffer.clear();
  buffer.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t n = utf8_length(raw, i);
    if (n == 0) {
      append_escaped_byte(buffer, static_cast<unsigned char>(raw[i]));
      ++i;
    } else {
      buffer.append(raw, i, n);
      i += n;
    }
  }
  return buffer;
}

std::optional<std::string_view> strip_mount_prefix(std::string_view path, std::string_view prefix) {
  while (prefix.ends_with('/'))
    prefix.remove_suffix(1);
  if (prefix.empty()) return path;
  if (!path.starts_with(prefix)) return std::nullopt;
  const std::string_view rest = path.substr(prefix.size());
  if (rest.empty()) return std::string_view("/");
  if (rest.front() != '/') return std::nullopt;  // "/application" is not under "/app"
  return rest;
}

std::string unmatched_template(std::string_view path) {
  constexpr std::size_t kMaxSegments = 12, kMaxBytes = 200;
  std::string out;
  std::size_t segments = 0;
  std::size_t at = path.starts_with('/') ? 1 : 0;
  while (true) {
    const std::size_t slash = path.find('/', at);
    const std::string_view segment =
        path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    out += '/';
    if (++segments > kMaxSegments) {
      out += "…";
      break;
    }
    for (char c : segment_template(segment)) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x21 || byte > 0x7E || c == '%')
        append_escaped_byte(out, byte);
      else
        out += c;
    }
    if (out.size() > kMaxBytes) {
      out.resize(kMaxBytes);
      out += "…";
      break;
    }
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  return out;
}

}  // namespace cutover
