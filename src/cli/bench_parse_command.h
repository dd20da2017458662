#pragma once
// `cutover bench-parse PATH`: the floor for the benchmark. Discovers the
// same files a scan would, reads and decodes each, parses it with
// tree-sitter on the same number of threads and frees the tree, nothing
// else; prints files, bytes and seconds. tests/bench/run_benchmark.py sets
// the scan's time against it. With `walk`, it also visits every node of
// each tree with a cursor, doing nothing at each: the floor of any pass
// that collects facts from the whole tree.

#include "scan/scan_pipeline.h"

namespace cutover {

int run_bench_parse_command(const ScanOptions& options, bool walk = false);

}  // namespace cutover
