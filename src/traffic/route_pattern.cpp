#include "traffic/route_pattern.h"

#include <algorithm>

namespace cutover {
namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9');
}
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A literal character in PCRE2 syntax: ASCII punctuation escaped.
void append_literal(std::string& out, char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b < 0x80 && !is_alnum(c) && c != '_' && c != '/' && c != '-') out += '\\';
  out += c;
}

std::string literal_regex(std::string_view text) {
  std::string out;
  for (char c : text)
    append_literal(out, c);
  return out;
}

constexpr std::string_view kUuidWerkzeug =
    "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
constexpr std::string_view kUuidLower =
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

// `<name>` or `<conv:name>` at s[at] (a path converter, Flask's or
// Django's): its length, the converter and the converter's arguments.
struct Placeholder {
  std::size_t length = 0;
  std::string_view converter, args;
};
Placeholder placeholder_at(std::string_view s, std::size_t at) {
  // <[converter[(args)]:]name>
  std::size_t i = at + 1;
  const std::size_t first = i;
  while (i < s.size() && is_name_char(s[i]))
    ++i;
  if (i == first || !is_name_start(s[first])) return {};
  Placeholder p;
  if (i < s.size() && (s[i] == '(' || s[i] == ':')) {
    p.converter = s.substr(first, i - first);
    if (s[i] == '(') {
      const std::size_t close = s.find(')', i);
      if (close == std::string_view::npos) return {};
      p.args = s.substr(i + 1, close - i - 1);
      i = close + 1;
    }
    if (i >= s.size() || s[i] != ':') return {};
    const std::size_t name = ++i;
    while (i < s.size() && is_name_char(s[i]))
      ++i;
    if (i == name) return {};
  }
  if (i >= s.size() || s[i] != '>') return {};
  p.length = i + 1 - at;
  return p;
}

// Converter arguments "a, b='x', length=2" → positional and keyword values.
struct ConverterArgs {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> keyword;
  std::string get(std::string_view key, std::size_t position) const {
    for (const auto& [k, v] : keyword) {
      if (k == key) return v;
    }
    return position < positional.size() ? positional[position] : "";
  }
};
ConverterArgs converter_args(std::string_view args) {
  ConverterArgs out;
  std::size_t at = 0;
  while (at < args.size()) {
    std::string key, value;
    char quote = 0;
    std::string* into = &value;
    std::size_t i = at;
    for (; i < args.size(); ++i) {
      const char c = args[i];
      if (quote) {
        if (c == quote)
          quote = 0;
        else
          *into += c;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        break;
      } else if (c == '=' && into == &value && key.empty()) {
        key = value;
        value.clear();
      } else if (c != ' ') {
        *into += c;
      }
    }
    if (!key.empty())
      out.keyword.emplace_back(key, value);
    else
      out.positional.push_back(value);
    at = i + 1;
  }
  return out;
}

bool is_true(const std::string& v) {
  return v == "True" || v == "true" || v == "1";
}

// werkzeug's converter regex and weight.
std::pair<std::string, int> werkzeug_converter(std::string_view name, std::string_view args_text) {
  const ConverterArgs args = converter_args(args_text);
  if (name.empty() || name == "default" || name == "string") {
    const std::string length = args.get("length", 2);
    if (!length.empty()) return {"[^/]{" + length + "}", 100};
    std::string min = args.get("minlength", 0);
    if (min.empty()) min = "1";
    return {"[^/]{" + min + "," + args.get("maxlength", 1) + "}", 100};
  }
  if (name == "int") {
    const std::string digits = args.get("fixed_digits", 0);
    const std::string sign = is_true(args.get("signed", 3)) ? "-?" : "";
    return {sign + (digits.empty() || digits == "0" ? "\\d+" : "\\d{" + digits + "}"), 50};
  }
  if (name == "float")
    return {(is_true(args.get("signed", 2)) ? "-?" : "") + std::string("\\d+\\.\\d+"), 50};
  if (name == "path") return {"[^/].*?", 200};
  if (name == "uuid") return {std::string(kUuidWerkzeug), 100};
  if (name == "any") {
    std::string alternatives;
    for (const std::string& item : args.positional)
      alternatives += (alternatives.empty() ? "" : "|") + literal_regex(item);
    return {"(?:" + alternatives + ")", 100};
  }
  return {"[^/]+", 100};  // a custom converter: BaseConverter's regex
}

std::string django_converter(std::string_view name) {
  if (name == "int") return "[0-9]+";
  if (name == "slug") return "[-a-zA-Z0-9_]+";
  if (name == "uuid") return std::string(kUuidLower);
  if (name == "path") return ".+";
  return "[^/]+";  // str, and registered converters whose regex is not known here
}

}  // namespace

RoutePattern flask_route_pattern(std::string_view rule, bool strict_slashes) {
  RoutePattern out;
  // A branch rule ("/x/") also matches "/x", which werkzeug answers with a
  // redirect to "/x/" (strict_slashes): its regex ends in (?<!/)/?$.
  out.trailing_slash = rule.size() > 1 && rule.ends_with('/');
  if (out.trailing_slash) rule.remove_suffix(1);
  // strict_slashes=False: werkzeug takes the path with or without the slash,
  // a leaf rule's path with one too, and redirects neither.
  const bool either = out.trailing_slash || !strict_slashes;
  if (!strict_slashes) out.trailing_slash = false;
  bool in_prefix = true;
  for (std::size_t i = 0; i < rule.size();) {
    if (rule[i] == '<') {
      const Placeholder p = placeholder_at(rule, i);
      if (p.length) {
        out.rest += "(?:" + werkzeug_converter(p.converter, p.args).first + ")";
        in_prefix = false;
        i += p.length;
        continue;
      }
    }
    if (in_prefix)
      out.literal_prefix += rule[i];
    else
      append_literal(out.rest, rule[i]);
    ++i;
  }
  out.rest += either ? "(?<!/)/?$" : "$";
  out.regex = literal_regex(out.literal_prefix) + out.rest;
  return out;
}

WerkzeugKey werkzeug_sort_key(std::string_view rule) {
  WerkzeugKey key;
  // A branch rule ("/x/") weighs as its leaf ("/x").
  while (rule.size() > 1 && rule.ends_with('/'))
    rule.remove_suffix(1);
  int index = 0;
  std::size_t static_start = 0;
  const auto static_piece = [&](std::size_t from, std::size_t to) {
    if (from >= to) return;
    const std::string_view text = rule.substr(from, to - from);
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t slash = text.find('/', at);
      const std::size_t end = slash == std::string_view::npos ? text.size() : slash;
      if (end > at) key.static_weights.emplace_back(index, -static_cast<int>(end - at));
      at = end + 1;
    }
    ++index;
  };
  for (std::size_t i = 0; i < rule.size();) {
    const Placeholder p = rule[i] == '<' ? placeholder_at(rule, i) : Placeholder{};
    if (!p.length) {
      ++i;
      continue;
    }
    static_piece(static_start, i);
    key.argument_weights.push_back(werkzeug_converter(p.converter, p.args).second);
    ++index;
    i += p.length;
    static_start = i;
  }
  static_piece(static_start, rule.size());
  key.has_arguments = !key.argument_weights.empty();
  key.static_count = -static_cast<std::int64_t>(key.static_weights.size());
  key.argument_count = -static_cast<std::int64_t>(key.argument_weights.size());
  return key;
}

std::string python_regex_to_pcre2(std::string_view s, bool strip_names,
                                  const std::map<std::string, std::string>* converters) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out += s[i + 1] == 'Z' ? std::string("\\z") : std::string(s.substr(i, 2));
      ++i;
      continue;
    }
    if (in_class) {
      out += c;
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      out += c;
      in_class = true;
      // ']' first in a class (after an optional '^') is literal.
      if (i + 1 < s.size() && s[i + 1] == '^') out += s[++i];
      if (i + 1 < s.size() && s[i + 1] == ']') out += s[++i];
      continue;
    }
    if (c == '^') continue;  // an anchor: matching starts at the pattern's start anyway
    if (c == '<' && !out.ends_with("(?P") && !out.ends_with("(?")) {
      if (const Placeholder p = placeholder_at(s, i); p.length) {  // a path() converter
        std::string regex = django_converter(p.converter);
        if (converters) {
          if (const auto it = converters->find(std::string(p.converter)); it != converters->end())
            regex = python_regex_to_pcre2(it->second, true);
        }
        out += "(?:" + regex + ")";
        i += p.length - 1;
        continue;
      }
    }
    if (c == '(' && s.substr(i).starts_with("(?P<") && strip_names) {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        out += "(?:";
        i = close;
        continue;
      }
    }
    if (c == '(' && i + 2 < s.size() && s[i + 1] == '?' &&
        std::string_view("aiLmsux").find(s[i + 2]) != std::string_view::npos) {
      // Inline flags: PCRE2 knows i, m, s, x; a (Unicode), L and u are
      // Python's defaults or locale, and dropped.
      std::size_t j = i + 2;
      std::string flags;
      while (j < s.size() && std::string_view("aiLmsux").find(s[j]) != std::string_view::npos) {
        if (std::string_view("imsx").find(s[j]) != std::string_view::npos) flags += s[j];
        ++j;
      }
      if (j < s.size() && (s[j] == ')' || s[j] == ':' || s[j] == '-')) {
        if (s[j] == ')' && flags.empty()) {
          i = j;
          continue;
        }
        out += "(?" + flags;
        i = j - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

RoutePattern django_route_pattern(std::string_view joined,
                                  const std::map<std::string, std::string>* converters) {
  RoutePattern out;
  std::string_view body = joined;
  while (body.starts_with('^'))
    body.remove_prefix(1);
  // Backreferences need their group names and numbers.
  for (std::size_t i = 0; i + 1 < body.size(); ++i) {
    if (body[i] == '\\' && body[i + 1] >= '1' && body[i + 1] <= '9') out.backreference = true;
    if (body[i] == '\\') ++i;
  }
  out.backreference = out.backreference || body.find("(?P=") != std::string_view::npos;
  // The literal text it starts with; none under a top-level alternation.
  int depth = 0;
  bool in_class = false, alternation = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\\')
      ++i;
    else if (in_class)
      in_class = c != ']';
    else if (c == '[')
      in_class = true;
    else if (c == '(')
      ++depth;
    else if (c == ')')
      --depth;
    else if (c == '|' && depth == 0)
      alternation = true;
  }
  std::string prefix = "/";
  std::size_t consumed = 0;  // of body, by the literal prefix
  if (!alternation) {
    for (std::size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      std::size_t next_at = i + 1;
      if (c == '\\') {
        if (i + 1 >= body.size() || is_alnum(body[i + 1])) break;
        c = body[i + 1];
        next_at = i + 2;
      } else if (std::string_view(".^$*+?{}[]|()<").find(c) != std::string_view::npos) {
        break;
      }
      const char next = next_at < body.size() ? body[next_at] : '\0';
      if (next == '?' || next == '*' || next == '+' || next == '{') break;
      prefix += c;
      i = next_at - 1;
      consumed = next_at;
    }
  }
  out.literal_prefix = prefix;
  // Django's path() endpoints match the whole rest (\Z); a regex ends where
  // its `$` says. The joined text no longer tells which kind the last piece
  // was, so a pattern without `$` is matched whole too.
  const bool anchored_end =
      (body.ends_with('$') && !body.ends_with("\\$")) || body.ends_with("\\Z");
  const std::string rest =
      python_regex_to_pcre2(body.substr(consumed), !out.backreference, converters);
  out.rest = (alternation ? "(?:" + rest + ")" : rest) + (anchored_end ? "" : "\\z");
  out.regex = literal_regex(out.literal_prefix) + out.rest;
  out.trailing_slash = true;  // APPEND_SLASH redirects to any pattern that matches with '/'
  return out;
}

RoutePattern fastapi_route_pattern(std::string_view path) {
  RoutePattern out;
  bool in_prefix = true;
  for (std::size_t i = 0; i < path.size();) {
    if (path[i] == '{') {
      const std::size_t close = path.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view inside = path.substr(i + 1, close - i - 1);
        const std::size_t colon = inside.find(':');
        const std::string_view convertor =
            colon == std::string_view::npos ? std::string_view() : inside.substr(colon + 1);
        std::string regex = "[^/]+";
        if (convertor == "int") regex = "[0-9]+";
        if (convertor == "float") regex = "[0-9]+(?:\\.[0-9]+)?";
        if (convertor == "path") regex = ".*";
        if (convertor == "uuid") regex = std::string(kUuidLower);
        out.rest += "(?:" + regex + ")";
        in_prefix = false;
        i = close + 1;
        continue;
      }
    }
    if (in_prefix)
      out.literal_prefix += path[i];
    else
      append_literal(out.rest, path[i]);
    ++i;
  }
  out.rest += '$';
  out.regex = literal_regex(out.literal_prefix) + out.rest;
  out.trailing_slash = path.size() > 1 && path.ends_with('/');
  return out;
}

}  // namespace cutover
