#pragma once
// RAII over the tree-sitter C API for the Python grammar. One PythonParser per
// worker thread; a SyntaxTree lives only while its file is being summarised.

#include <tree_sitter/api.h>

#include <chrono>
#include <memory>
#include <string_view>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace cutover {

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using SyntaxTree = std::unique_ptr<TSTree, TreeDeleter>;

class PythonParser {
 public:
  PythonParser();
  ~PythonParser();
  PythonParser(const PythonParser&) = delete;
  PythonParser& operator=(const PythonParser&) = delete;

  // Null if tree-sitter gave up, or `deadline` passed first: its error
  // recovery can run away on pathological input.
  SyntaxTree parse(std::string_view text, std::chrono::steady_clock::time_point deadline =
                                              std::chrono::steady_clock::time_point::max());

 private:
  TSParser* parser_;
};

// The text a node spans.
inline std::string_view node_text(TSNode node, std::string_view source) {
  const uint32_t begin = ts_node_start_byte(node);
  const uint32_t end = ts_node_end_byte(node);
  if (begin >= source.size() || end <= begin) return {};
  return source.substr(begin, std::min<std::size_t>(end, source.size()) - begin);
}

inline uint32_t node_line(TSNode node) {
  return ts_node_start_point(node).row + 1;
}

// Calls fn(child) for each direct child. A cursor keeps this linear:
// ts_node_child(i) rescans siblings, which is quadratic on a 500-entry list.
template <class Fn>
void for_each_child(TSNode node, Fn&& fn) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      fn(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

// The first direct child for which pred(child) holds, or a null node: the
// children after it are never visited (a function body's docstring is its
// first statement, however long the body).
template <class Pred>
TSNode first_child_where(TSNode node, Pred&& pred) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  TSNode found{};
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      const TSNode child = ts_tree_cursor_current_node(&cursor);
      if (pred(child)) {
        found = child;
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

// The same with each child's field. Only where the field is needed: finding
// it climbs the cursor's stack of hidden nodes, which a long list makes deep
// (quadratic on a one-line list of five million items).
template <class Fn>
void for_each_child_with_field(TSNode node, Fn&& fn) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      fn(ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_id(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace cutover
