#pragma once
// Writes JSON straight into a string, laid out byte for byte as nlohmann's
// dump(2) with invalid UTF-8 replaced: inventory.json of a million lines is
// 9 MB, and building it as a document tree first took longer than the HTML.

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>
#include <vector>

namespace cutover {

class JsonWriter {
 public:
  // kIndented is dump(2); kCompact is dump(), for data embedded in a page.
  enum class Layout { kIndented, kCompact };
  explicit JsonWriter(std::string& out, Layout layout = Layout::kIndented)
      : out_(out), indented_(layout == Layout::kIndented) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Names the next value, inside an object.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(const char* text) { value(std::string_view(text)); }
  void value(bool b);
  void null_value();
  void value(double d);
  template <std::integral T>
  void value(T n) {
    before_value();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  }
  template <class T>
  void value(const std::vector<T>& items) {
    begin_array();
    for (const T& item : items)
      value(item);
    end_array();
  }

  template <class T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void quoted(std::string_view text);

  std::string& out_;
  bool indented_;
  std::vector<bool> has_items_;  // one per open object or array
  bool after_key_ = false;
};

}  // namespace cutover
