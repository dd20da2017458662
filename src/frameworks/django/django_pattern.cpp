#include "frameworks/django/django_pattern.h"

namespace cutover {
namespace {

std::string converter_type(std::string_view converter) {
  if (converter.empty() || converter == "str") return "str";
  return std::string(converter);  // int, slug, uuid, path, or a registered converter
}

// The type a regex group most likely carries.
std::string regex_type(std::string_view body) {
  if (body == "\\d+" || body == "[0-9]+" || body == "\\d{1,}" || body == "[0-9]{1,}") {
    return "int";
  }
  if (body == ".+" || body == ".*") return "path";
  return "str";
}

// Index just past the group that opens at `open` ('('), honouring nesting,
// character classes and escapes.
std::size_t group_end(std::string_view s, std::size_t open) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return s.size();
}

}  // namespace

std::string join_django_pattern(std::string_view prefix, std::string_view pattern,
                                PatternKind kind) {
  if (kind == PatternKind::kRegex && !prefix.empty() && pattern.starts_with('^')) {
    pattern.remove_prefix(1);
  }
  return std::string(prefix) + std::string(pattern);
}

ConvertedRule convert_django_pattern(std::string_view p) {
  ConvertedRule out;
  std::string& t = out.path_template;
  int unnamed = 0;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '<') {  // path() converter
      const std::size_t close = p.find('>', i);
      if (close == std::string_view::npos) {
        t += p.substr(i);
        break;
      }
      std::string_view inside = p.substr(i + 1, close - i - 1);
      std::string_view converter;
      if (const std::size_t colon = inside.find(':'); colon != std::string_view::npos) {
        converter = inside.substr(0, colon);
        inside = inside.substr(colon + 1);
      }
      RouteParam param{.name = std::string(inside), .type = converter_type(converter)};
      t += "{" + param.name + (param.type == "path" ? ":path}" : "}");
      out.params.push_back(std::move(param));
      i = close + 1;
    } else if (c == '(') {  // regex group
      const std::size_t end = group_end(p, i);
      std::string_view group = p.substr(i, end - i);
      if (group.starts_with("(?P<")) {
        const std::size_t name_end = group.find('>');
        const std::string name(group.substr(4, name_end - 4));
        const std::string body(group.substr(name_end + 1, group.size() - name_end - 2));
        RouteParam param{.name = name, .type = regex_type(body)};
        t += "{" + param.name + (param.type == "path" ? ":path}" : "}");
        out.params.push_back(std::move(param));
      } else if (group.starts_with("(?:") || group.starts_with("(?i") || group.starts_with("(?=")) {
        // non-capturing or flags: keep nothing of it
      } else {
        RouteParam param{.name = "arg" + std::to_string(unnamed++),
                         .type = regex_type(group.substr(1, group.size() - 2))};
        t += "{" + param.name + "}";
        out.params.push_back(std::move(param));
      }
      i = end;
    } else if (c == '\\' && i + 1 < p.size()) {
      t += p[i + 1];  // \. → .
      i += 2;
    } else if (c == '^' || c == '$' || c == '?') {
      ++i;  // anchors and optional markers carry no path text
    } else {
      t += c;
      ++i;
    }
  }
  if (t.empty() || t.front() != '/') t.insert(t.begin(), '/');
  return out;
}

}  // namespace cutover
