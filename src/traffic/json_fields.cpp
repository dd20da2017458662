#include "traffic/json_fields.h"

#include <cstdint>

#include "model/utf8.h"

namespace cutover {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  void skip_space() {
    while (at_ < s_.size() &&
           (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\r' || s_[at_] == '\n'))
      ++at_;
  }
  bool done() const { return at_ >= s_.size(); }
  char peek() const { return at_ < s_.size() ? s_[at_] : '\0'; }
  bool eat(char c) {
    skip_space();
    if (peek() != c) return false;
    ++at_;
    return true;
  }

  // A string at the cursor (after skip_space), its raw body between quotes.
  std::optional<std::string_view> raw_string() {
    skip_space();
    if (peek() != '"') return std::nullopt;
    const std::size_t start = ++at_;
    while (at_ < s_.size()) {
      const char c = s_[at_];
      if (c == '\\') {
        at_ += 2;
      } else if (c == '"') {
        return s_.substr(start, at_++ - start);
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return std::nullopt;
      } else {
        ++at_;
      }
    }
    return std::nullopt;
  }

  // A number, true, false or null: its text.
  std::optional<std::string_view> literal() {
    skip_space();
    const std::size_t start = at_;
    while (at_ < s_.size()) {
      const char c = s_[at_];
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' ||
          c == 'E')
        ++at_;
      else
        break;
    }
    if (at_ == start) return std::nullopt;
    return s_.substr(start, at_ - start);
  }

  // Skips a whole array (with whatever it nests) at the cursor.
  bool skip_array() {
    int depth = 0;
    while (at_ < s_.size()) {
      const char c = s_[at_];
      if (c == '"') {
        if (!raw_string()) return false;
        continue;
      }
      ++at_;
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && --depth == 0) return true;
    }
    return false;
  }

 private:
  std::string_view s_;
  std::size_t at_ = 0;
};

// JSON string escapes decoded; false on a bad escape.
bool decode_string(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    if (++i >= raw.size()) return false;
    switch (raw[i]) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const auto hex4 = [&](std::size_t at) -> std::optional<std::uint32_t> {
          if (at + 4 > raw.size()) return std::nullopt;
          std::uint32_t v = 0;
          for (std::size_t k = at; k < at + 4; ++k) {
            const char c = raw[k];
            v <<= 4;
            if (c >= '0' && c <= '9')
              v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
              v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
              v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
              return std::nullopt;
          }
          return v;
        };
        std::optional<std::uint32_t> cp = hex4(i + 1);
        if (!cp) return false;
        i += 4;
        if (*cp >= 0xD800 && *cp <= 0xDBFF && i + 6 < raw.size() && raw[i + 1] == '\\' &&
            raw[i + 2] == 'u') {
          const std::optional<std::uint32_t> low = hex4(i + 3);
          if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
            cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        if (*cp >= 0xD800 && *cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
        append_utf8(out, *cp);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

}  // namespace

bool extract_json_fields(std::string_view line, const std::vector<std::string>& wanted,
                         std::vector<JsonField>& fields, std::vector<std::string>& scratch) {
  fields.assign(wanted.size(), JsonField{});
  scratch.resize(wanted.size());
  Scanner in(line);
  if (!in.eat('{')) return false;
  std::string path;                 // dotted path of the current object
  std::vector<std::size_t> parent;  // path's length before each open object
  std::string key;
  bool first = true;
  while (true) {
    in.skip_space();
    if (in.eat('}')) {
      if (parent.empty()) break;
      path.resize(parent.back());
      parent.pop_back();
      first = false;
      continue;
    }
    if (!first && !in.eat(',')) return false;
    first = false;
    const std::optional<std::string_view> raw_key = in.raw_string();
    if (!raw_key || !in.eat(':') || !decode_string(*raw_key, key)) return false;
    const std::size_t base = path.size();
    if (!path.empty()) path += '.';
    path += key;
    in.skip_space();
    const char c = in.peek();
    if (c == '{') {
      in.eat('{');
      parent.push_back(base);
      first = true;
      if (parent.size() > 64) return false;  // deeper than any log record
      continue;
    }
    std::optional<std::string_view> value;
    bool is_string = false;
    if (c == '"') {
      value = in.raw_string();
      is_string = true;
    } else if (c == '[') {
      if (!in.skip_array()) return false;
      value = std::string_view();
    } else {
      value = in.literal();
    }
    if (!value) return false;
    if (c != '[') {
      for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (fields[i].found || wanted[i] != path) continue;
        fields[i].found = true;
        fields[i].is_string = is_string;
        if (is_string) {
          if (!decode_string(*value, scratch[i])) return false;
          fields[i].text = scratch[i];
        } else {
          fields[i].text = *value;
        }
      }
    }
    path.resize(base);
  }
  in.skip_space();
  return in.done();
}

}  // namespace cutover
