#pragma once
// A graph for report.html as the Graphviz calls that build it, and its SVG:
// the calls are recorded as bytes so that a worker process can replay them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cutover {

// A graph as the calls that build it: the recipe's hash names the layout in
// an SvgLayoutMemo, and svg_of_recipe replays it with Graphviz in whichever
// process lays it out (a worker forked before the scan gets it as bytes).
// Nodes are named; edges are numbered in the order they are made.
class GraphRecipe {
 public:
  // A directed graph laid out in `rankdir`, with the report's fonts and
  // shapes; the recipe starts with the Graphviz version, which shapes the
  // layout too.
  explicit GraphRecipe(const char* rankdir);

  void node(const std::string& name, const std::string& label) {
    record("node", name);
    ++nodes_;
    // Graphviz reads \N, \n, \l in labels: keep backslashes literal.
    std::string text;
    for (char c : label)
      text += c == '\\' ? std::string("\\\\") : std::string(1, c);
    set_node(name, "label", text);
  }
  std::size_t edge(const std::string& from, const std::string& to) {
    record("edge", from, to);
    return edges_++;
  }
  void set_graph(const char* attribute, const std::string& value) {
    record("set-graph", attribute, value);
  }
  void set_node(const std::string& name, const char* attribute, const std::string& value) {
    record("set-node", name, attribute, value);
  }
  void set_edge(std::size_t edge, const char* attribute, const std::string& value) {
    record("set-edge", std::to_string(edge), attribute, value);
  }

  const std::string& recipe() const { return recipe_; }
  // Names the layout in an SvgLayoutMemo.
  std::uint64_t key() const;
  // What a layout costs, to share them out: dot's time grows about as the
  // 2.2nd power of nodes and edges (measured over the 201 graphs of a
  // 1M-line tree: 1.5 ms at 66 on average, 0.165 s at 544; the square
  // gave the process holding the biggest graph a quarter more work).
  std::size_t layout_cost() const;

 private:
  void set_default(const char* kind, const char* attribute, const char* value) {
    record("default", kind, attribute, value);
  }

  // Each part ends with a NUL, so no two recipes run together alike.
  template <class... Parts>
  void record(const Parts&... parts) {
    ((recipe_ += parts, recipe_ += '\0'), ...);
  }

  std::string recipe_;
  std::size_t nodes_ = 0;
  std::size_t edges_ = 0;
};

// The SVG of the graph a recipe describes, laid out by dot ("" when it
// cannot be), without the XML prolog or doctype: it goes inline in HTML.
std::string svg_of_recipe(std::string_view recipe);

}  // namespace cutover
