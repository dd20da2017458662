#pragma once
// Betweenness centrality (Brandes 2001) of an unweighted directed graph,
// on several threads. Brandes is O(V·E), the link stage's largest serial
// part on a real tree of 4,000 modules; every source's search is
// independent, so the sources are shared out.

#include <cstddef>
#include <vector>

namespace cutover {

// For each vertex, the number of shortest paths between other vertices
// that pass through it, each pair's paths counted as one in total (the
// unnormalised centrality of Boost's brandes_betweenness_centrality, same
// search order). `out[v]` lists v's successors in edge order; a self-loop
// lies on no shortest path and changes nothing. Sources run
// in fixed blocks whose sums are added in block order, so the result is
// the same bits for any `jobs`.
std::vector<double> betweenness_centrality(const std::vector<std::vector<std::size_t>>& out,
                                           unsigned jobs);

}  // namespace cutover
