#include "graph/betweenness.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <catch2/catch.hpp>
#include <cstring>
#include <random>

namespace cutover {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

std::vector<double> boost_centrality(const std::vector<std::vector<std::size_t>>& out) {
  Graph g(out.size());
  for (std::size_t v = 0; v < out.size(); ++v) {
    for (const std::size_t w : out[v])
      boost::add_edge(v, w, g);
  }
  std::vector<double> centrality(out.size(), 0.0);
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(
             centrality.begin(), boost::get(boost::vertex_index, g))));
  return centrality;
}

// A random import graph, self-loops included (a self-import), no repeated edges.
std::vector<std::vector<std::size_t>> random_graph(std::size_t n, std::size_t edges,
                                                   unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::vector<std::vector<std::size_t>> out(n);
  for (std::size_t e = 0; e < edges; ++e) {
    const std::size_t a = pick(random), b = pick(random);
    if (std::find(out[a].begin(), out[a].end(), b) == out[a].end()) out[a].push_back(b);
  }
  return out;
}

TEST_CASE("betweenness: the middle of a chain lies on every path through it",
          "[unit][betweenness]") {
  // a -> b -> c, and a -> d -> c beside it: two shortest a..c paths.
  const std::vector<std::vector<std::size_t>> chain = {{1}, {2}, {}};
  CHECK(betweenness_centrality(chain, 1) == std::vector<double>{0, 1, 0});
  const std::vector<std::vector<std::size_t>> diamond = {{1, 3}, {2}, {}, {2}};
  CHECK(betweenness_centrality(diamond, 1) == std::vector<double>{0, 0.5, 0, 0.5});
}

TEST_CASE("betweenness equals Boost's Brandes, and the same bits for any thread count",
          "[unit][betweenness]") {
  for (const auto& [n, edges, seed] : {std::tuple{1u, 0u, 1u},
                                       {7u, 12u, 2u},
                                       {150u, 600u, 3u},
                                       {300u, 300u, 4u},
                                       {1000u, 5000u, 5u}}) {
    INFO(n << " vertices, " << edges << " edges");
    const auto out = random_graph(n, edges, seed);
    const std::vector<double> expected = boost_centrality(out);
    const std::vector<double> one = betweenness_centrality(out, 1);
    REQUIRE(one.size() == expected.size());
    for (std::size_t v = 0; v < n; ++v)
      CHECK(one[v] == Approx(expected[v]).epsilon(1e-12).margin(1e-9));
    for (const unsigned jobs : {2u, 3u, 8u}) {
      const std::vector<double> many = betweenness_centrality(out, jobs);
      CHECK(std::memcmp(one.data(), many.data(), one.size() * sizeof(double)) == 0);
    }
  }
}

}  // namespace
}  // namespace cutover
