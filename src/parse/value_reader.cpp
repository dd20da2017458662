#include "parse/value_reader.h"

#include <algorithm>

namespace cutover {
namespace {

std::string excerpt(TSNode node, std::string_view source) {
  std::string_view text = node_text(node, source);
  if (text.size() > kMaxExcerpt) return std::string(text.substr(0, kMaxExcerpt)) + "...";
  return std::string(text);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The escapes that appear in URL rules and module paths; anything rarer is
// kept as written, which is what a person reading the report wants to see.
void append_unescaped(std::string& out, std::string_view raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      out += raw[i];
      continue;
    }
    const char next = raw[++i];
    switch (next) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '0':
        out += '\0';
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case '\n':
        break;  // line continuation inside the literal
      case 'x':
        if (i + 2 < raw.size() && hex_digit(raw[i + 1]) >= 0 && hex_digit(raw[i + 2]) >= 0) {
          out += static_cast<char>(hex_digit(raw[i + 1]) * 16 + hex_digit(raw[i + 2]));
          i += 2;
          break;
        }
        [[fallthrough]];
      default:
        out += '\\';
        out += next;
    }
  }
}

}  // namespace

// An f-string's literal text writes a brace as `{{` / `}}`: a single one
// would open or close a replacement field.
std::string undouble_braces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) ++i;
  }
  return out;
}

std::vector<PythonValue> fstring_parts(TSNode node, std::string_view source, const PythonSymbols& s,
                                       int depth) {
  std::vector<PythonValue> parts;
  bool raw = false;
  bool formatted = false;
  for_each_child(node, [&](TSNode child) {
    const TSSymbol kind = ts_node_symbol(child);
    if (kind == s.string_start) {
      for (char c : node_text(child, source)) {
        raw = raw || c == 'r' || c == 'R';
        formatted = formatted || c == 'f' || c == 'F';
      }
    } else if (kind == s.string_content) {
      PythonValue literal{.kind = PythonValue::Kind::kString};
      const std::string text = formatted ? undouble_braces(node_text(child, source))
                                         : std::string(node_text(child, source));
      if (raw) {
        literal.text = text;
      } else {
        append_unescaped(literal.text, text);
      }
      parts.push_back(std::move(literal));
    } else if (kind == s.interpolation) {
      TSNode expression = ts_node_child_by_field_id(child, s.field_expression);
      const bool plain = ts_node_named_child_count(child) == 1 && !ts_node_is_null(expression);
      parts.push_back(plain ? read_value(expression, source, s, depth + 1)
                            : PythonValue{.text = std::string(node_text(child, source))});
    }
  });
  return parts;
}

std::string string_literal(TSNode node, std::string_view source, const PythonSymbols& symbols,
                           bool* is_plain) {
  std::string out;
  bool raw = false;
  bool plain = true;
  for_each_child(node, [&](TSNode child) {
    const TSSymbol kind = ts_node_symbol(child);
    if (kind == symbols.string_start) {
      for (char c : node_text(child, source)) {
        if (c == 'r' || c == 'R') raw = true;
        if (c == 'f' || c == 'F' || c == 'b' || c == 'B' || c == '`') plain = false;
      }
    } else if (kind == symbols.string_content) {
      if (raw) {
        out += node_text(child, source);
      } else {
        append_unescaped(out, node_text(child, source));
      }
    } else if (kind == symbols.interpolation) {
      plain = false;
      out += node_text(child, source);
    }
  });
  if (is_plain) *is_plain = plain;
  return out;
}

std::string dotted_name(TSNode node, std::string_view source, const PythonSymbols& symbols) {
  // Attribute chains nest leftwards (a.b.c = attribute(attribute(a, b), c)); walk
  // the chain in a loop and assemble the parts back to front.
  std::vector<std::string_view> parts;
  for (int guard = 0; guard < 64; ++guard) {
    const TSSymbol kind = ts_node_symbol(node);
    if (kind == symbols.identifier) {
      parts.push_back(node_text(node, source));
      std::string out;
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty()) out += '.';
        out += *it;
      }
      return out;
    }
    if (kind == symbols.dotted_name) return std::string(node_text(node, source));
    if (kind != symbols.attribute) return {};
    TSNode attr = ts_node_child_by_field_id(node, symbols.field_attribute_name);
    if (ts_node_is_null(attr)) return {};
    parts.push_back(node_text(attr, source));
    node = ts_node_child_by_field_id(node, symbols.field_object);
    if (ts_node_is_null(node)) return {};
  }
  return {};
}

namespace {

// `[body for targets in iterable if test]`: kComprehension when there is one
// `for` clause over plain name targets; otherwise `value` stays kOther.
void read_comprehension(TSNode node, std::string_view source, const PythonSymbols& s, int depth,
                        PythonValue& value) {
  TSNode body = ts_node_child_by_field_id(node, s.field_body);
  std::vector<TSNode> loops, tests;
  for_each_child(node, [&](TSNode child) {
    const TSSymbol kind = ts_node_symbol(child);
    if (kind == s.for_in_clause) loops.push_back(child);
    if (kind == s.if_clause && ts_node_named_child_count(child) == 1) {
      tests.push_back(ts_node_named_child(child, 0));
    }
  });
  if (ts_node_is_null(body) || loops.size() != 1) return;
  TSNode left = ts_node_child_by_field_id(loops[0], s.field_left);
  TSNode right = ts_node_child_by_field_id(loops[0], s.field_right);
  if (ts_node_is_null(left) || ts_node_is_null(right)) return;
  PythonValue targets{.kind = PythonValue::Kind::kTuple};
  if (ts_node_symbol(left) == s.identifier) {
    targets.items.push_back(PythonValue{.kind = PythonValue::Kind::kName,
                                        .text = std::string(node_text(left, source))});
  } else {
    bool plain = true;
    for_each_child(left, [&](TSNode part) {
      if (!ts_node_is_named(part)) return;
      plain = plain && ts_node_symbol(part) == s.identifier;
      targets.items.push_back(PythonValue{.kind = PythonValue::Kind::kName,
                                          .text = std::string(node_text(part, source))});
    });
    if (!plain || targets.items.empty()) return;
  }
  value.kind = PythonValue::Kind::kComprehension;
  value.items.push_back(read_value(body, source, s, depth + 1));
  value.items.push_back(read_value(right, source, s, depth + 1));
  value.items.push_back(std::move(targets));
  for (TSNode test : tests)
    value.items.push_back(read_value(test, source, s, depth + 1));
}

}  // namespace

PythonValue read_value(TSNode node, std::string_view source, const PythonSymbols& s, int depth) {
  PythonValue value;
  value.line = node_line(node);
  const TSSymbol kind = ts_node_symbol(node);
  if (depth > kMaxValueDepth) {
    value.text = excerpt(node, source);
    return value;
  }
  if (kind == s.string) {
    bool plain = true;
    value.text = string_literal(node, source, s, &plain);
    value.kind = plain ? PythonValue::Kind::kString : PythonValue::Kind::kFString;
    if (!plain) {
      value.text = excerpt(node, source);
      value.items = fstring_parts(node, source, s, depth);
    }
  } else if (kind == s.concatenated_string) {
    bool all_plain = true;
    for_each_child(node, [&](TSNode child) {
      if (ts_node_symbol(child) != s.string) return;
      bool plain = true;
      value.text += string_literal(child, source, s, &plain);
      all_plain = all_plain && plain;
    });
    value.kind = all_plain ? PythonValue::Kind::kString : PythonValue::Kind::kFString;
    if (!all_plain) {
      // `"/a" f"/{b}"`: the parts of each piece, in order.
      value.text = excerpt(node, source);
      for_each_child(node, [&](TSNode child) {
        if (ts_node_symbol(child) != s.string) return;
        bool plain = true;
        std::string text = string_literal(child, source, s, &plain);
        if (plain) {
          value.items.push_back(
              PythonValue{.kind = PythonValue::Kind::kString, .text = std::move(text)});
          return;
        }
        for (PythonValue& part : fstring_parts(child, source, s, depth))
          value.items.push_back(std::move(part));
      });
    }
  } else if (kind == s.integer || kind == s.float_) {
    value.kind = PythonValue::Kind::kNumber;
    value.text = node_text(node, source);
  } else if (kind == s.true_ || kind == s.false_) {
    value.kind = PythonValue::Kind::kBool;
    value.text = node_text(node, source);
  } else if (kind == s.none) {
    value.kind = PythonValue::Kind::kNone;
  } else if (kind == s.identifier || kind == s.attribute) {
    value.text = dotted_name(node, source, s);
    value.kind = value.text.empty() ? PythonValue::Kind::kOther : PythonValue::Kind::kName;
    if (value.text.empty()) value.text = excerpt(node, source);
  } else if (kind == s.list || kind == s.tuple || kind == s.set) {
    value.kind = kind == s.list    ? PythonValue::Kind::kList
                 : kind == s.tuple ? PythonValue::Kind::kTuple
                                   : PythonValue::Kind::kSet;
    value.items.reserve(ts_node_named_child_count(node));
    for_each_child(node, [&](TSNode child) {
      if (ts_node_is_named(child) && !ts_node_is_extra(child)) {
        value.items.push_back(read_value(child, source, s, depth + 1));
      }
    });
  } else if (kind == s.dictionary) {
    value.kind = PythonValue::Kind::kDict;
    value.items.reserve(2 * ts_node_named_child_count(node));
    for_each_child(node, [&](TSNode child) {
      if (ts_node_symbol(child) != s.pair) return;
      value.items.push_back(
          read_value(ts_node_child_by_field_id(child, s.field_key), source, s, depth + 1));
      value.items.push_back(
          read_value(ts_node_child_by_field_id(child, s.field_value), source, s, depth + 1));
    });
  } else if (kind == s.parenthesized_expression && ts_node_named_child_count(node) == 1) {
    return read_value(ts_node_named_child(node, 0), source, s, depth + 1);
  } else if (kind == s.call) {
    value.kind = PythonValue::Kind::kCall;
    TSNode function = ts_node_child_by_field_id(node, s.field_function);
    value.text = dotted_name(function, source, s);
    if (value.text.empty() && ts_node_symbol(function) == s.attribute) {
      // `'{}/x'.format(PREFIX)`: keep the receiver so the link pass can evaluate it.
      value.kind = PythonValue::Kind::kMethodCall;
      value.text = node_text(ts_node_child_by_field_id(function, s.field_attribute_name), source);
      value.items.push_back(
          read_value(ts_node_child_by_field_id(function, s.field_object), source, s, depth + 1));
    } else if (value.text.empty()) {
      value.text = excerpt(function, source);
    }
    TSNode arguments = ts_node_child_by_field_id(node, s.field_arguments);
    if (!ts_node_is_null(arguments) && ts_node_symbol(arguments) == s.argument_list) {
      for_each_child(arguments, [&](TSNode arg) {
        if (!ts_node_is_named(arg) || ts_node_is_extra(arg)) return;
        const TSSymbol arg_kind = ts_node_symbol(arg);
        if (arg_kind == s.list_splat || arg_kind == s.dictionary_splat) {
          // Kept as keywords "*" / "**" so positional indexes stay right.
          KeywordArgument splat{.name = arg_kind == s.list_splat ? "*" : "**", .value = {}};
          if (ts_node_named_child_count(arg) > 0) {
            splat.value.push_back(read_value(ts_node_named_child(arg, 0), source, s, depth + 1));
          }
          value.keywords.push_back(std::move(splat));
        } else if (arg_kind == s.keyword_argument) {
          TSNode name = ts_node_child_by_field_id(arg, s.field_name);
          TSNode val = ts_node_child_by_field_id(arg, s.field_value);
          KeywordArgument keyword{.name = std::string(node_text(name, source)), .value = {}};
          if (!ts_node_is_null(val)) keyword.value.push_back(read_value(val, source, s, depth + 1));
          value.keywords.push_back(std::move(keyword));
        } else {
          value.items.push_back(read_value(arg, source, s, depth + 1));
        }
      });
    }
  } else if (kind == s.subscript) {
    value.text = dotted_name(ts_node_child_by_field_id(node, s.field_value), source, s);
    TSNode key = ts_node_child_by_field_id(node, s.field_subscript);
    if (!value.text.empty() && !ts_node_is_null(key)) {
      value.kind = PythonValue::Kind::kSubscript;
      value.items.push_back(read_value(key, source, s, depth + 1));
    } else {
      value.text = excerpt(node, source);
    }
  } else if (kind == s.binary_operator) {
    value.kind = PythonValue::Kind::kBinary;
    value.text = node_text(ts_node_child_by_field_id(node, s.field_operator), source);
    value.items.reserve(2);
    value.items.push_back(
        read_value(ts_node_child_by_field_id(node, s.field_left), source, s, depth + 1));
    value.items.push_back(
        read_value(ts_node_child_by_field_id(node, s.field_right), source, s, depth + 1));
  } else if (kind == s.boolean_operator) {  // `a and b`, `a or b`
    value.kind = PythonValue::Kind::kBinary;
    value.text = node_text(ts_node_child_by_field_id(node, s.field_operator), source);
    value.items.reserve(2);
    value.items.push_back(
        read_value(ts_node_child_by_field_id(node, s.field_left), source, s, depth + 1));
    value.items.push_back(
        read_value(ts_node_child_by_field_id(node, s.field_right), source, s, depth + 1));
  } else if (kind == s.not_operator) {  // `not a`: an operator with one operand
    value.kind = PythonValue::Kind::kBinary;
    value.text = "not";
    value.items.push_back(
        read_value(ts_node_child_by_field_id(node, s.field_argument), source, s, depth + 1));
  } else if (kind == s.comparison_operator && ts_node_named_child_count(node) == 2) {
    // `a == b`, `a in b`, `a is not None`: the operator is the text between the operands.
    value.kind = PythonValue::Kind::kBinary;
    const TSNode left = ts_node_named_child(node, 0);
    const TSNode right = ts_node_named_child(node, 1);
    std::string_view op =
        source.substr(ts_node_end_byte(left), ts_node_start_byte(right) - ts_node_end_byte(left));
    std::string compact;
    for (char c : op) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\') {
        if (!compact.empty() && compact.back() != ' ') compact += ' ';
      } else {
        compact += c;
      }
    }
    while (!compact.empty() && compact.back() == ' ')
      compact.pop_back();
    value.text = compact;
    value.items.reserve(2);
    value.items.push_back(read_value(left, source, s, depth + 1));
    value.items.push_back(read_value(right, source, s, depth + 1));
  } else if (kind == s.list_comprehension) {
    value.text = excerpt(node, source);
    read_comprehension(node, source, s, depth, value);
  } else {
    value.text = excerpt(node, source);
  }
  return value;
}

}  // namespace cutover
