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
// starts with; a request walks that index as deep as its own segments go.
// There, one JIT-compiled PCRE2 alternation per method (compiled at its
// first use) holds, in rank order, the routes of the node and its ancestors
// that take the method, each without the literal text they all share, and
// is matched on the path from that offset: one call, no copy. The
// alternative that matched is read from its (*MARK).

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/diagnostic.h"
#include "model/inventory.h"
#include "traffic/route_pattern.h"

namespace cutover {

class RouteMatcher {
 public:
  // Compiles the routes of `routes` with origin "app" that are not partial
  // nor disabled by default;
  // a pattern PCRE2 cannot compile is reported in `diagnostics` and left out.
  // A match's route is its index in `routes`.
  RouteMatcher(const std::vector<const Route*>& routes, std::vector<Diagnostic>& diagnostics);
  RouteMatcher(const std::vector<Route>& routes, std::vector<Diagnostic>& diagnostics)
      : RouteMatcher(addresses(routes), diagnostics) {}
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
  // `decoded_path` must be UTF-8, as decode_path() returns it.
  Match match(std::string_view method, std::string_view decoded_path, Scratch& scratch) const;

  // Routes left out: partial, or a pattern that does not compile (route order).
  const std::vector<std::size_t>& unmatchable() const { return unmatchable_; }
  // Conditional routes whose condition is false under the tree's defaults
  // (Route::enabled_by_default): left out, as the running app leaves them.
  const std::vector<std::size_t>& disabled() const { return disabled_; }

 private:
  static std::vector<const Route*> addresses(const std::vector<Route>& routes);
  struct Entry {
    std::size_t route = 0;
    std::uint8_t framework = 0;  // 0 flask, 1 django, 2 fastapi
    bool trailing_slash = false;
    std::uint8_t methods = 0;  // bit per method class (method_class()) it takes
  };
  // One alternation (or a pattern with backreferences, alone) of a node's
  // program, matched from `offset`: the literal text all its alternatives
  // share is not matched again.
  struct Block {
    void* code = nullptr;  // pcre2_code_8*
  };
  struct Program {
    std::vector<Block> blocks;
    std::size_t offset = 1;
  };
  static constexpr std::size_t kMethodClasses = 8;
  struct SegmentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Node {
    std::string key;  // "/api/users/"
    std::size_t parent = 0;
    std::size_t depth_bytes = 1;            // key.size()
    std::vector<std::size_t> alternatives;  // own, entry ids in rank order
    std::unordered_map<std::string, std::size_t, SegmentHash, std::equal_to<>> children;
    // Per method class, compiled at its first use.
    mutable std::array<Program, kMethodClasses> programs;
    mutable std::array<std::once_flag, kMethodClasses> compiled;
  };
  static std::size_t method_class(std::string_view method);
  const Program& program(const Node& node, std::size_t method_class) const;
  std::int64_t match_exact(std::string_view method, std::string_view path, Scratch& s) const;

  std::vector<RoutePattern> patterns_;        // by route index
  std::vector<Entry> entries_;                // in rank order: an entry id is its rank
  std::vector<std::unique_ptr<Node>> nodes_;  // nodes_[0]: "/"
  std::vector<std::size_t> unmatchable_, disabled_;
};

}  // namespace cutover
