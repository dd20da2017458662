#include "frameworks/flask/flask_rule.h"

namespace cutover {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

// Werkzeug's converter names → the type FastAPI would declare.
std::string param_type(std::string_view converter) {
  if (converter.empty() || converter == "default" || converter == "string") return "str";
  if (converter == "int" || converter == "float" || converter == "path" || converter == "uuid" ||
      converter == "any") {
    return std::string(converter);
  }
  return std::string(converter);  // a custom converter registered on url_map
}

}  // namespace

ConvertedRule convert_flask_rule(std::string_view rule) {
  ConvertedRule out;
  std::size_t i = 0;
  while (i < rule.size()) {
    const std::size_t open = rule.find('<', i);
    const std::size_t close = open == std::string_view::npos ? open : rule.find('>', open);
    if (close == std::string_view::npos) {
      out.path_template += rule.substr(i);
      break;
    }
    out.path_template += rule.substr(i, open - i);
    const std::string_view inside = rule.substr(open + 1, close - open - 1);
    std::string_view converter;
    std::string_view name = inside;
    if (const std::size_t colon = inside.find(':'); colon != std::string_view::npos) {
      converter = trim(inside.substr(0, colon));
      name = inside.substr(colon + 1);
      if (const std::size_t paren = converter.find('('); paren != std::string_view::npos) {
        converter = converter.substr(0, paren);  // any(a, b), int(min=1)
      }
    }
    name = trim(name);
    RouteParam param{.name = std::string(name), .type = param_type(converter)};
    out.path_template += "{" + param.name + (param.type == "path" ? ":path}" : "}");
    out.params.push_back(std::move(param));
    i = close + 1;
  }
  return out;
}

bool is_builtin_converter_type(std::string_view type) {
  return type == "str" || type == "int" || type == "float" || type == "path" || type == "uuid" ||
         type == "any";
}

std::string join_url_prefix(std::string_view prefix, std::string_view rule) {
  if (rule.empty()) return std::string(prefix);
  while (!prefix.empty() && prefix.back() == '/')
    prefix.remove_suffix(1);
  while (!rule.empty() && rule.front() == '/')
    rule.remove_prefix(1);
  return std::string(prefix) + "/" + std::string(rule);
}

}  // namespace cutover
