#include "parse/dialect_syntax.h"

#include <string>

#include "parse/python_parser.h"

namespace cutover {
namespace {

void python2(FileSummary& out, std::string construct, TSNode node) {
  out.python2.push_back(Python2Finding{.construct = std::move(construct), .line = node_line(node)});
}

}  // namespace

void note_dialect_syntax(TSNode node, TSSymbol kind, std::string_view src, const PythonSymbols& s,
                         FileSummary& out) {
  if (kind == s.await || kind == s.nonlocal_statement || kind == s.named_expression ||
      kind == s.keyword_separator || kind == s.positional_separator || kind == s.match_statement ||
      kind == s.type) {
    out.python3_only = true;
  } else if (kind == s.print_statement) {
    python2(out, "print statement", node);
  } else if (kind == s.exec_statement) {
    python2(out, "exec statement", node);
  } else if (kind == s.raise_statement) {
    for_each_child(node, [&](TSNode part) {
      if (ts_node_symbol(part) == s.expression_list) python2(out, "raise E, msg", node);
    });
  } else if (kind == s.except_clause && node_text(node, src).find(',') != std::string_view::npos) {
    for_each_child(node, [&](TSNode part) {
      if (!ts_node_is_named(part) && node_text(part, src) == ",") python2(out, "except E, e", node);
    });
  } else if (kind == s.comparison_operator &&
             node_text(node, src).find("<>") != std::string_view::npos) {
    // Looked for in the text first: every comparison of a tree comes here.
    for_each_child(node, [&](TSNode part) {
      if (!ts_node_is_named(part) && node_text(part, src) == "<>")
        python2(out, "<> operator", node);
    });
  } else if (kind == s.integer) {
    const std::string_view text = node_text(node, src);
    if (text.ends_with('L') || text.ends_with('l')) {
      python2(out, "long integer suffix", node);
    } else if (text.size() > 1 && text[0] == '0' &&
               text.find_first_not_of("0123456789") == std::string_view::npos &&
               text.find_first_not_of('0') != std::string_view::npos) {
      python2(out, "old octal literal", node);
    }
  }
}

void note_string_dialect(TSNode string, std::string_view src, FileSummary& out) {
  const TSNode start = ts_node_child(string, 0);
  if (ts_node_is_null(start)) return;
  const std::string_view prefix = node_text(start, src);
  if (prefix.starts_with("`")) {
    python2(out, "backtick repr", string);
    return;
  }
  bool u = false, r = false;
  for (char c : prefix) {
    if (c == '\'' || c == '"') break;
    u = u || c == 'u' || c == 'U';
    r = r || c == 'r' || c == 'R';
    if (c == 'f' || c == 'F') out.python3_only = true;
  }
  if (u && r) python2(out, "ur'' string prefix", string);
}

void note_python2_dict_method(TSNode attribute, std::string_view src, const PythonSymbols& s,
                              FileSummary& out) {
  const std::string_view method =
      node_text(ts_node_child_by_field_id(attribute, s.field_attribute_name), src);
  if (method == "iteritems" || method == "itervalues" || method == "iterkeys" ||
      method == "has_key") {
    python2(out, "dict." + std::string(method) + "()", attribute);
  }
}

}  // namespace cutover
