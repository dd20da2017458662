// Work given to prestarted processes comes back whole and in order,
// whatever the workers do.

#include "emit/prestarted_workers.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace cutover {
namespace {

std::string shout(std::string_view input) {
  return std::string(input) + "!";
}

std::string pid_of_worker(std::string_view) {
  return std::to_string(::getpid());
}

// Dies in any process but the test's own, whose PID the input names.
std::string dies_away_from(std::string_view home) {
  if (std::to_string(::getpid()) != home) ::_exit(3);
  return "here";
}

std::vector<std::string> numbered(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(std::to_string(i) + std::string(i, 'x'));
  return out;
}

TEST_CASE("results are those of a sequential run, in order", "[unit][prestarted_workers]") {
  const std::vector<std::string> inputs = numbered(9);
  const std::vector<std::size_t> costs = {5, 1, 1, 9, 0, 3, 3, 200, 2};
  std::vector<std::string> expected;
  for (const std::string& i : inputs)
    expected.push_back(shout(i));
  for (const unsigned count : {0u, 1u, 2u, 8u}) {
    INFO("workers " << count);
    PrestartedWorkers workers = PrestartedWorkers::start(count, shout);
    CHECK(workers.size() == count);
    CHECK(workers.run(inputs, costs) == expected);
    CHECK(workers.size() == 0);  // each serves one run
  }
  PrestartedWorkers none(shout);
  CHECK(none.run({}, {}).empty());
}

TEST_CASE("two workers share the work, and this process meanwhile does its own",
          "[unit][prestarted_workers]") {
  PrestartedWorkers workers = PrestartedWorkers::start(2, pid_of_worker);
  bool meanwhile = false;
  const std::vector<std::string> pids = workers.run(
      std::vector<std::string>(6, ""), std::vector<std::size_t>(6, 1), [&] { meanwhile = true; });
  CHECK(meanwhile);
  const std::set<std::string> distinct(pids.begin(), pids.end());
  CHECK(distinct.size() == 2);
  CHECK_FALSE(distinct.contains(std::to_string(::getpid())));
}

TEST_CASE("what a dying worker leaves undone is computed here", "[unit][prestarted_workers]") {
  PrestartedWorkers workers = PrestartedWorkers::start(2, dies_away_from);
  const std::string home = std::to_string(::getpid());
  CHECK(workers.run(std::vector<std::string>(5, home), std::vector<std::size_t>(5, 1)) ==
        std::vector<std::string>(5, "here"));
}

TEST_CASE("workers never given work leave when their owner goes", "[unit][prestarted_workers]") {
  // The destructor sends them away and reaps them; a worker left waiting
  // would hang this test.
  for (int i = 0; i < 3; ++i) {
    PrestartedWorkers workers = PrestartedWorkers::start(2, shout);
    CHECK(workers.size() == 2);
    PrestartedWorkers moved = std::move(workers);
    CHECK(moved.size() == 2);
  }
}

}  // namespace
}  // namespace cutover
