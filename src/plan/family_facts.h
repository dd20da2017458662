#pragma once
// What one family is made of, gathered from its endpoints' slices before
// it is scored, and put in words for the plan.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/inventory.h"

namespace cutover {

struct FamilyFacts {
  std::uint32_t endpoints = 0, read_only = 0, adapters = 0, deprecated = 0;
  std::set<std::string> dependants;    // families whose slices use code this one owns
  std::set<std::string> dependencies;  // families owning code this one's slices use
  // Per owning family: the units of it only this family's slices use.
  std::map<std::string, std::vector<std::uint32_t>> borrowed;
  std::set<std::string> read, written;
  std::vector<const Python2Blocker*> python2;
  std::string auth_evidence;  // code that logs users in
  std::string auth_path;      // a path that names authentication
  std::uint32_t lines = 0;    // lines to port
  std::uint32_t shared = 0;   // of those, lines other families' slices use too
  std::map<std::string, std::uint32_t> shared_with;  // lines shared with each other family
  std::vector<const KernelCandidate*> kernel;        // shared-kernel candidates it uses, ranked
  // Tables it writes that another family writes too, and its endpoints
  // whose slices write one: distributed transactions once it is a service
  // of its own.
  std::vector<std::string> contested;
  std::uint32_t distributed_writes = 0;
  const FamilyTraffic* traffic = nullptr;  // with access logs
  std::uint32_t never_hit = 0;             // endpoints proposed for deprecation
};

// `traffic_words`: what the access logs say of it ("" without them).
std::string reasons_in_words(const FamilyFacts& ff, const FamilyPlan& fp,
                             const std::string& traffic_words = "");
// What to extract, decide or port first, most pressing first: the largest
// shared-kernel candidates, the owners of shared tables, Python 2 blockers,
// code of other families only this one uses, then the other candidates.
std::vector<std::string> prerequisites_of(const FamilyFacts& ff, const FamilyPlan& fp,
                                          const Inventory& inv);
std::vector<std::string> sequence_of(const FamilyFacts& ff);

// The text of a comma-separated list cut after `limit` items: "a, b, +3 more".
std::string joined(const std::vector<std::string>& items, std::size_t limit = 6);

}  // namespace cutover
