// Work shared with a forked child comes back whole and in order, whatever
// the child does.

#include "emit/forked_work.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace cutover {
namespace {

std::string square(std::size_t i) {
  return std::to_string(i * i) + std::string(i, 'x');
}

std::vector<std::string> sequential(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(square(i));
  return out;
}

TEST_CASE("results are those of a sequential run, in order", "[unit][forked_work]") {
  const std::vector<std::size_t> costs = {5, 1, 1, 9, 0, 3, 3, 200, 2};
  for (const unsigned workers : {1u, 2u, 8u}) {
    INFO("workers " << workers);
    CHECK(compute_forked(costs, square, workers) == sequential(costs.size()));
  }
  CHECK(compute_forked({}, square, 2).empty());
  CHECK(compute_forked({7}, square, 2) == sequential(1));
}

TEST_CASE("with two workers a share is computed in another process", "[unit][forked_work]") {
  const pid_t parent = ::getpid();
  const std::vector<std::string> pids = compute_forked(
      std::vector<std::size_t>(6, 1), [](std::size_t) { return std::to_string(::getpid()); }, 2);
  const std::set<std::string> distinct(pids.begin(), pids.end());
  CHECK(distinct.size() == 2);
  CHECK(distinct.contains(std::to_string(parent)));
  CHECK(compute_forked(
            std::vector<std::size_t>(6, 1), [](std::size_t) { return std::to_string(::getpid()); },
            1) == std::vector<std::string>(6, std::to_string(parent)));
}

TEST_CASE("what a dying child leaves undone is computed here", "[unit][forked_work]") {
  const pid_t parent = ::getpid();
  const auto dies_in_child = [parent](std::size_t i) {
    if (::getpid() != parent) ::_exit(3);
    return square(i);
  };
  CHECK(compute_forked(std::vector<std::size_t>(10, 4), dies_in_child, 2) == sequential(10));
}

}  // namespace
}  // namespace cutover
