#include "link/string_ops.h"

#include "util/ascii_case.h"

namespace cutover {

std::optional<std::string> percent_format(const std::string& format,
                                          const std::vector<std::string>& args) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    if (++i == format.size()) return std::nullopt;
    if (format[i] == '%') {
      out += '%';
      continue;
    }
    if (format[i] != 's' && format[i] != 'd' && format[i] != 'r') return std::nullopt;
    if (next == args.size()) return std::nullopt;
    out += args[next++];
  }
  if (next != args.size()) return std::nullopt;
  return out;
}

namespace {

// str.format with {} / {0} / {name} fields and {{ }} escapes; the call's
// positional arguments start at `first` (1 when items[0] is the receiver).
std::optional<std::string> brace_format(const std::string& format, const PythonValue& call,
                                        std::size_t first, const EvaluateArgument& evaluate) {
  std::string out;
  std::size_t auto_index = first;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if ((c == '{' || c == '}') && i + 1 < format.size() && format[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    const std::size_t close = format.find('}', i);
    if (close == std::string::npos) return std::nullopt;
    const std::string field = format.substr(i + 1, close - i - 1);
    const PythonValue* arg = nullptr;
    if (field.empty()) {
      arg = call.positional(auto_index++);
    } else if (field.find_first_not_of("0123456789") == std::string::npos) {
      arg = call.positional(first + std::stoul(field));
    } else {
      arg = call.keyword(field);
    }
    if (!arg) return std::nullopt;
    std::optional<std::string> text = evaluate(*arg);
    if (!text) return std::nullopt;
    out += *text;
    i = close;
  }
  return out;
}

}  // namespace

std::optional<std::string> string_method(std::string receiver, std::string_view method,
                                         const PythonValue& call, std::size_t first,
                                         const EvaluateArgument& evaluate) {
  if (method == "format") return brace_format(receiver, call, first, evaluate);
  if (method == "lower") return ascii_lower(receiver);
  if (method == "upper") return ascii_upper(receiver);
  if (method == "strip" || method == "rstrip" || method == "lstrip") {
    if (call.items.size() > first + 1 || !call.keywords.empty()) return std::nullopt;
    std::string chars = " \t\n";
    if (call.items.size() == first + 1) {
      std::optional<std::string> given = evaluate(call.items[first]);
      if (!given) return std::nullopt;
      chars = *given;
    }
    const std::size_t begin = method == "rstrip" ? 0 : receiver.find_first_not_of(chars);
    if (begin == std::string::npos) return std::string();
    const std::size_t end =
        method == "lstrip" ? receiver.size() - 1 : receiver.find_last_not_of(chars);
    return receiver.substr(begin, end - begin + 1);
  }
  if (method == "replace" && call.items.size() == first + 2) {
    std::optional<std::string> old_text = evaluate(call.items[first]);
    std::optional<std::string> new_text = evaluate(call.items[first + 1]);
    if (!old_text || !new_text || old_text->empty()) return std::nullopt;
    std::string out;
    for (std::size_t at = 0;;) {
      const std::size_t hit = receiver.find(*old_text, at);
      out += receiver.substr(at, hit == std::string::npos ? std::string::npos : hit - at);
      if (hit == std::string::npos) break;
      out += *new_text;
      at = hit + old_text->size();
    }
    return out;
  }
  return std::nullopt;
}

std::string regex_escape(std::string_view text) {
  constexpr std::string_view kSpecial = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  std::string out;
  for (char c : text) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace cutover
