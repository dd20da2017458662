#include "emit/json_writer.h"

#include <nlohmann/json.hpp>

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

// nlohmann's spelling, not <charconv>'s: 1.0 stays "1.0", NaN is null.
std::string number_text(double d) {
  return Json(d).dump();
}

// Text nlohmann would change: invalid UTF-8 becomes U+FFFD by its own rules,
// which are kept exactly by letting it write every non-ASCII string.
bool has_non_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

}  // namespace

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (!indented_) {
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    return;
  }
  out_ += has_items_.back() ? ",\n" : "\n";
  has_items_.back() = true;
  out_.append(2 * has_items_.size(), ' ');
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  has_items_.push_back(false);
}

void JsonWriter::close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items && indented_) {
    out_ += '\n';
    out_.append(2 * has_items_.size(), ' ');
  }
  out_ += bracket;
}

void JsonWriter::key(std::string_view name) {
  before_value();
  quoted(name);
  out_ += indented_ ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  quoted(text);
}

void JsonWriter::null_value() {
  before_value();
  out_ += "null";
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::value(double d) {
  before_value();
  out_ += number_text(d);
}

void JsonWriter::quoted(std::string_view text) {
  if (has_non_ascii(text)) {
    out_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  out_ += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.substr(plain_from, i - plain_from));
    plain_from = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
        out_.append(escaped, sizeof escaped);
      }
    }
  }
  out_.append(text.substr(plain_from));
  out_ += '"';
}

}  // namespace cutover
