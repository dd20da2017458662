#include "cli/bench_parse_command.h"

#include <atomic>
#include <chrono>
#include <iostream>

#include "discover/source_discovery.h"
#include "parse/python_parser.h"
#include "parse/source_text.h"
#include "util/parallel_for.h"

namespace cutover {

namespace {

std::uint64_t count_nodes(TSNode root) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::uint64_t visited = 1;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++visited;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return visited;
      }
    }
    ++visited;
  }
}

}  // namespace

int run_bench_parse_command(const ScanOptions& options, bool walk) {
  const auto started = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!std::filesystem::is_directory(options.root, ec)) {
    std::cerr << "cutover: not a folder: " << options.root.string() << "\n";
    return 1;
  }
  const Discovery discovery =
      discover_sources(options.root, DiscoveryOptions{.exclude_globs = options.exclude_globs});
  const unsigned jobs = resolved_jobs(options.jobs);
  std::atomic<std::uint64_t> bytes{0}, nodes{0};
  parallel_for(
      discovery.files.size(), jobs, [] { return PythonParser{}; },
      [&](PythonParser& parser, std::size_t i) {
        const SourceText source = read_source(discovery.files[i].abs_path, options.max_file_bytes);
        if (source.status != FileStatus::kParsed) return;
        bytes += source.text.size();
        const SyntaxTree tree = parser.parse(source.text);
        // Touch the result so the parse cannot be optimised away.
        if (!tree) return;
        const TSNode root = ts_tree_root_node(tree.get());
        nodes += walk ? count_nodes(root) : ts_node_child_count(root);
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "bench-parse: " << discovery.files.size() << " files, " << bytes.load() << " bytes, "
            << nodes.load() << (walk ? " nodes visited, " : " top-level nodes, ") << jobs
            << " threads, " << seconds << " s\n";
  return 0;
}

}  // namespace cutover
