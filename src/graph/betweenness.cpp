#include "graph/betweenness.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "util/parallel_for.h"

namespace cutover {
namespace {

// At most this many blocks of sources, each with its own n partial sums
// (10 MB at the 20,000 modules where analyse_module_graph stops): plenty to
// share among cores, and the count depends on n alone, never on `jobs`.
constexpr std::size_t kMaxBlocks = 64;

// One thread's buffers for single-source searches, reused from source to source.
struct SourceSearch {
  explicit SourceSearch(std::size_t n)
      : distance(n, -1), paths(n, 0), dependency(n, 0.0), incoming(n) {}

  // Adds to `sums` the dependency of every vertex on source `s`.
  void run(const std::vector<std::vector<std::size_t>>& out, std::size_t s,
           std::vector<double>& sums) {
    order.clear();
    queue.assign(1, s);
    distance[s] = 0;
    paths[s] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const std::size_t v = queue[head];
      order.push_back(v);
      for (const std::size_t w : out[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push_back(w);
        }
        if (distance[w] == distance[v] + 1) {
          paths[w] += paths[v];
          incoming[w].push_back(v);
        }
      }
    }
    // Farthest first, as Boost pops its stack.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const std::size_t w = *it;
      for (const std::size_t v : incoming[w]) {
        double factor = static_cast<double>(paths[v]) / static_cast<double>(paths[w]);
        factor *= 1.0 + dependency[w];
        dependency[v] += factor;
      }
      if (w != s) sums[w] += dependency[w];
    }
    for (const std::size_t v : order) {  // reset only what this search touched
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0.0;
      incoming[v].clear();
    }
  }

  std::vector<std::int64_t> distance;
  std::vector<std::uint64_t> paths;
  std::vector<double> dependency;
  std::vector<std::vector<std::size_t>> incoming;
  std::vector<std::size_t> order, queue;
};

}  // namespace

std::vector<double> betweenness_centrality(const std::vector<std::vector<std::size_t>>& out,
                                           unsigned jobs) {
  const std::size_t n = out.size();
  const std::size_t per_block = std::max<std::size_t>(1, (n + kMaxBlocks - 1) / kMaxBlocks);
  const std::size_t blocks = (n + per_block - 1) / per_block;
  std::vector<std::vector<double>> block_sums(blocks);
  parallel_for(
      blocks, jobs, [n] { return SourceSearch(n); },
      [&](SourceSearch& search, std::size_t b) {
        std::vector<double>& sums = block_sums[b];
        sums.assign(n, 0.0);
        const std::size_t end = std::min(n, (b + 1) * per_block);
        for (std::size_t s = b * per_block; s < end; ++s)
          search.run(out, s, sums);
      });
  std::vector<double> centrality(n, 0.0);
  for (const std::vector<double>& sums : block_sums) {
    for (std::size_t v = 0; v < n; ++v)
      centrality[v] += sums[v];
  }
  return centrality;
}

}  // namespace cutover
