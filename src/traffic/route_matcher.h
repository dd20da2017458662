#pragma once
// The inventory compiled into one router that answers, for a request's
// method and decoded path, the route its framework would dispatch it to:
//   - Flask rules in werkzeug's order (WerkzeugKey, then registration), with
//     their methods plus the automatic HEAD (for GET) and OPTIONS; a branch
//     rule also takes the path without its slash (werkzeug's redirect).
//   - Django patterns in urlpatterns order (Route::declared), whatever the
//     method (the view answers 405, not the resolver); with no match, the
//     path with '/' appended (APPEND_SLASH's redirect).
//   - FastAPI routes in registration order, by method; with no match, the
//     path with its trailing slash toggled (redirect_slashes).
// Frameworks are tried in that order when a tree holds several apps.
//
// Speed: routes are indexed by the whole literal segments their pattern
// starts with; a request walks that index as deep as its own segments go,
// and one JIT-compiled PCRE2 alternation per index node holds, in order,
// the routes that can match there. The alternative that matched is read
// from its (*MARK).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/diagnostic.h"
#include "model/inventory.h"

namespace cutover {

class RouteMatcher {
 public:
  // Compiles the routes of `routes` with origin "app" that are not partial;
  // a pattern PCRE2 cannot compile is reported in `diagnostics` and left out.
  RouteMatcher(const std::vector<Route>& routes, std::vector<Diagnostic>& diagnostics);
  ~RouteMatcher();
  RouteMatcher(const RouteMatcher&) = delete;
  RouteMatcher& operator=(const RouteMatcher&) = delete;

  // Per-thread matching state (PCRE2 match data and JIT stack).
  class Scratch;
  struct ScratchDeleter {
    void operator()(Scratch* s) const;
  };
  using ScratchPtr = std::unique_ptr<Scratch, ScratchDeleter>;
  ScratchPtr make_scratch() const;

  struct Match {
    std::int64_t route = -1;      // index into the routes given; -1: none
    bool slash_redirect = false;  // reached through the framework's slash redirect
  };
  Match match(std::string_view method, std::string_view decoded_path, Scratch& scratch) const;

  // Routes left out: partial, or a pattern that does not compile (route order).
  const std::vector<std::size_t>& unmatchable() const { return unmatchable_; }

 private:
  struct Entry {
    std::size_t route = 0;
    std::uint8_t framework = 0;  // 0 flask, 1 django, 2 fastapi
    bool trailing_slash = false;
  };
  struct Block {
    void* code = nullptr;  // pcre2_code_8*
  };
  struct Node {
    std::vector<std::size_t> alternatives;  // own, by rank
    std::vector<Block> program;             // own and ancestors', by rank; empty: none
  };
  std::int64_t match_exact(std::string_view method, std::string_view path, Scratch& s) const;

  std::vector<Entry> entries_;
  std::vector<Node> nodes_;
  // "/api/users/" → node; "/" is the root (node 0).
  std::unordered_map<std::string, std::size_t> node_of_;
  std::vector<std::size_t> unmatchable_;
};

}  // namespace cutover
