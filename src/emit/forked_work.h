#pragma once
// Work that must run on two cores but cannot run on two threads: Graphviz
// keeps global state. A forked child takes a share of the items, balanced
// by cost, and leaves its results in an anonymous file (memfd); the child has a copy
// of everything the parent built, so nothing is serialised on the way in.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cutover {

// work(i) for every i < costs.size(), in the order of i. With workers > 1,
// one forked child computes about half of the cost. Call it with no other
// thread running: a child forked beside running threads may inherit a lock
// one of them held. Whatever the child does not deliver (it could not be
// forked, or died) is computed here, so the results are always whole and
// the same as a sequential run's.
std::vector<std::string> compute_forked(const std::vector<std::size_t>& costs,
                                        const std::function<std::string(std::size_t)>& work,
                                        unsigned workers);

}  // namespace cutover
