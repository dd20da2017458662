#define PCRE2_CODE_UNIT_WIDTH 8
#include "traffic/route_matcher.h"

#include <pcre2.h>

#include <algorithm>
#include <map>

namespace cutover {

class RouteMatcher::Scratch {
 public:
  Scratch() {
    data = pcre2_match_data_create(1, nullptr);
    context = pcre2_match_context_create(nullptr);
    stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    pcre2_jit_stack_assign(context, nullptr, stack);
    // A hostile path cannot make a pattern backtrack for long.
    pcre2_set_match_limit(context, 200000);
  }
  ~Scratch() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
    pcre2_jit_stack_free(stack);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  pcre2_match_data* data;
  pcre2_match_context* context;
  pcre2_jit_stack* stack;
  std::string path;  // a path with its slash toggled
};

namespace {

constexpr std::uint32_t kOptions = PCRE2_UTF | PCRE2_UCP | PCRE2_ALT_BSUX;
constexpr std::string_view kMethodNames[] = {"GET",   "HEAD",   "POST",    "PUT",
                                             "PATCH", "DELETE", "OPTIONS", ""};
constexpr std::uint8_t kAnyMethod = 0xFF;

pcre2_code* compile(const std::string& text, bool names, std::string* error) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                                 kOptions | PCRE2_ANCHORED | (names ? 0 : PCRE2_NO_AUTO_CAPTURE),
                                 &code, &offset, nullptr);
  if (!re && error) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(code, message, sizeof message);
    *error = reinterpret_cast<const char*>(message);
  }
  if (re) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  return re;
}

// A literal character in PCRE2 syntax.
std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '/' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    if (!plain) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::size_t RouteMatcher::method_class(std::string_view method) {
  for (std::size_t i = 0; i + 1 < kMethodClasses; ++i) {
    if (method == kMethodNames[i]) return i;
  }
  return kMethodClasses - 1;
}

namespace {

// The method classes a route takes: its methods; Flask's also HEAD for GET
// and OPTIONS (werkzeug and Flask answer them); ANY (Django views, mounts)
// every method.
std::uint8_t method_bits(const Route& r) {
  if (r.methods.empty() || std::find(r.methods.begin(), r.methods.end(), "ANY") != r.methods.end())
    return kAnyMethod;
  std::uint8_t bits = 0;
  for (const std::string& m : r.methods) {
    for (std::size_t i = 0; i + 1 < std::size(kMethodNames); ++i) {
      if (m == kMethodNames[i]) bits |= static_cast<std::uint8_t>(1u << i);
    }
  }
  if (r.framework == "flask") {
    if (bits & 1u) bits |= 2u;  // HEAD
    bits |= 1u << 6;            // OPTIONS
  }
  return bits;
}

// "/api/users/{id}" → "/api/users/": the whole segments of a literal prefix.
std::string node_key(std::string_view literal_prefix) {
  const std::size_t slash = literal_prefix.rfind('/');
  return slash == std::string_view::npos ? "/" : std::string(literal_prefix.substr(0, slash + 1));
}

// The regexes of the converters the tree registers, by the name the route's
// path() pattern gives them.
std::map<std::string, std::string> registered_converters(const Route& r) {
  std::map<std::string, std::string> out;
  for (const RouteParam& p : r.params) {
    if (!p.regex.empty()) out.emplace(p.type, p.regex);
  }
  return out;
}

}  // namespace

RouteMatcher::RouteMatcher(const std::vector<const Route*>& routes,
                           std::vector<Diagnostic>& diagnostics)
    : patterns_(routes.size()) {
  std::vector<std::size_t> flask, django, fastapi;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Route& r = *routes[i];
    if (r.origin != "app") continue;
    if (r.partial) {
      unmatchable_.push_back(i);
      continue;
    }
    // Declared under an `if` that is false under the tree's defaults
    // (settings.DEBUG, a feature flag): not served by default.
    if (r.conditional && r.enabled_by_default == false) {
      disabled_.push_back(i);
      continue;
    }
    if (r.framework == "flask") {
      patterns_[i] = flask_route_pattern(r.path, r.strict_slashes);
    } else if (r.framework == "django") {
      const std::map<std::string, std::string> converters = registered_converters(r);
      patterns_[i] = django_route_pattern(r.path, &converters);
    } else if (r.framework == "fastapi") {
      patterns_[i] = fastapi_route_pattern(r.path);
    } else {
      continue;
    }
    std::string error;
    pcre2_code* alone = compile(patterns_[i].regex, patterns_[i].backreference, &error);
    if (!alone) {
      unmatchable_.push_back(i);
      diagnostics.push_back(
          {r.file, r.line, Severity::kWarning, "traffic-unmatchable-route",
           "route " + r.path + " is left out of traffic matching: its pattern does not compile (" +
               error + ")"});
      continue;
    }
    pcre2_code_free(alone);
    (r.framework == "flask" ? flask : r.framework == "django" ? django : fastapi).push_back(i);
  }
  const auto by_declared = [&](std::size_t a, std::size_t b) {
    return routes[a]->declared < routes[b]->declared;
  };
  std::vector<WerkzeugKey> keys(routes.size());
  for (std::size_t i : flask)
    keys[i] = werkzeug_sort_key(routes[i]->path);
  std::stable_sort(flask.begin(), flask.end(), [&](std::size_t a, std::size_t b) {
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return by_declared(a, b);
  });
  std::stable_sort(django.begin(), django.end(), by_declared);
  std::stable_sort(fastapi.begin(), fastapi.end(), by_declared);

  // Entries in rank order.
  const auto add = [&](std::size_t route, std::uint8_t framework, std::uint8_t methods) {
    entries_.push_back(Entry{.route = route,
                             .framework = framework,
                             .trailing_slash = patterns_[route].trailing_slash,
                             .methods = methods});
  };
  for (std::size_t i : flask)
    add(i, 0, method_bits(*routes[i]));
  // Django resolves by path alone. Routes the scan split by method on one
  // pattern are one pattern to Django: each takes its own methods, the first
  // declared the rest.
  std::map<std::string_view, std::vector<std::size_t>> same_path;
  for (std::size_t i : django)
    same_path[routes[i]->path].push_back(i);
  for (std::size_t i : django) {
    const std::vector<std::size_t>& group = same_path[routes[i]->path];
    if (group.front() != i) continue;
    if (group.size() > 1) {
      for (std::size_t member : group) {
        const std::uint8_t bits = method_bits(*routes[member]);
        if (bits != kAnyMethod) add(member, 1, bits);
      }
    }
    add(i, 1, kAnyMethod);
  }
  for (std::size_t i : fastapi)
    add(i, 2, method_bits(*routes[i]));

  // The index: a node per literal segment prefix, and its ancestors.
  nodes_.push_back(std::make_unique<Node>());
  nodes_[0]->key = "/";
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    const std::string key = node_key(patterns_[entries_[e].route].literal_prefix);
    std::size_t node = 0;
    for (std::size_t at = 1; at < key.size();) {
      const std::size_t slash = key.find('/', at);
      const std::string segment = key.substr(at, slash - at);
      auto [child, added] = nodes_[node]->children.emplace(segment, nodes_.size());
      if (added) {
        auto next = std::make_unique<Node>();
        next->key = key.substr(0, slash + 1);
        next->parent = node;
        nodes_.push_back(std::move(next));
      }
      node = child->second;
      at = slash + 1;
    }
    nodes_[node]->alternatives.push_back(e);
  }
}

std::vector<const Route*> RouteMatcher::addresses(const std::vector<Route>& routes) {
  std::vector<const Route*> out;
  out.reserve(routes.size());
  for (const Route& r : routes)
    out.push_back(&r);
  return out;
}

RouteMatcher::~RouteMatcher() {
  for (const auto& node : nodes_) {
    for (Program& program : node->programs) {
      for (Block& block : program.blocks)
        pcre2_code_free(static_cast<pcre2_code*>(block.code));
    }
  }
}

const RouteMatcher::Program& RouteMatcher::program(const Node& node, std::size_t method) const {
  std::call_once(node.compiled[method], [&] {
    // The node's and its ancestors' entries that take the method, by rank.
    std::vector<std::size_t> candidates;
    std::size_t shared = node.key.size();
    for (const Node* at = &node;; at = nodes_[at->parent].get()) {
      for (std::size_t e : at->alternatives) {
        if (entries_[e].methods & (1u << method)) {
          candidates.push_back(e);
          shared = std::min(shared, at->key.size());
        }
      }
      if (at == nodes_[0].get()) break;
    }
    std::sort(candidates.begin(), candidates.end());
    Program& program = node.programs[method];
    program.offset = shared;
    // Each alternative in its own group, so an inline flag stays inside it;
    // a pattern with backreferences keeps its groups and goes alone.
    std::string text;
    const auto flush = [&] {
      if (text.empty()) return;
      if (pcre2_code* code = compile("(?:" + text + ")", false, nullptr))
        program.blocks.push_back(Block{code});
      text.clear();
    };
    for (std::size_t e : candidates) {
      const RoutePattern& p = patterns_[entries_[e].route];
      const std::string alternative = "(?:(*:" + std::to_string(e) + ")" +
                                      escaped(std::string_view(p.literal_prefix).substr(shared)) +
                                      p.rest + ")";
      if (p.backreference) {
        flush();
        if (pcre2_code* code = compile(alternative, true, nullptr))
          program.blocks.push_back(Block{code});
        continue;
      }
      text += (text.empty() ? "" : "|") + alternative;
    }
    flush();
  });
  return node.programs[method];
}

void RouteMatcher::ScratchDeleter::operator()(Scratch* s) const {
  delete s;
}

RouteMatcher::ScratchPtr RouteMatcher::make_scratch() const {
  return ScratchPtr(new Scratch());
}

// `path` is UTF-8 (decode_path makes it so): PCRE2 need not check it again.
std::int64_t RouteMatcher::match_exact(std::string_view method, std::string_view path,
                                       Scratch& s) const {
  // The deepest index node on the path's own segments that holds routes.
  const Node* node = nodes_[0].get();
  const Node* deepest = node;
  for (std::size_t at = 1;;) {
    const std::size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) break;
    const auto child = node->children.find(path.substr(at, slash - at));
    if (child == node->children.end()) break;
    node = nodes_[child->second].get();
    if (!node->alternatives.empty()) deepest = node;
    at = slash + 1;
  }
  const Program& p = program(*deepest, method_class(method));
  for (const Block& block : p.blocks) {
    const int rc =
        pcre2_match(static_cast<pcre2_code*>(block.code), reinterpret_cast<PCRE2_SPTR>(path.data()),
                    path.size(), p.offset, PCRE2_NO_UTF_CHECK, s.data, s.context);
    if (rc < 0) continue;  // no match, or a limit reached: not this block
    const PCRE2_UCHAR* mark = pcre2_get_mark(s.data);
    if (!mark) continue;
    std::size_t entry = 0;
    for (; *mark >= '0' && *mark <= '9'; ++mark)
      entry = entry * 10 + static_cast<std::size_t>(*mark - '0');
    return static_cast<std::int64_t>(entry);
  }
  return -1;
}

RouteMatcher::Match RouteMatcher::match(std::string_view method, std::string_view path,
                                        Scratch& s) const {
  if (path.empty() || path.front() != '/') return {};
  if (const std::int64_t e = match_exact(method, path, s); e >= 0) {
    const Entry& entry = entries_[static_cast<std::size_t>(e)];
    // A Flask branch rule matched without its slash: werkzeug's redirect.
    return {static_cast<std::int64_t>(entry.route),
            entry.framework == 0 && entry.trailing_slash && !path.ends_with('/')};
  }
  if (path.size() < 2) return {};
  // Django's APPEND_SLASH and Starlette's redirect_slashes, once nothing matched.
  const bool had_slash = path.ends_with('/');
  s.path.assign(path);
  if (had_slash)
    s.path.pop_back();
  else
    s.path += '/';
  const std::int64_t e = match_exact(method, s.path, s);
  if (e < 0) return {};
  const Entry& entry = entries_[static_cast<std::size_t>(e)];
  if (entry.framework == 2 || (entry.framework == 1 && !had_slash))
    return {static_cast<std::int64_t>(entry.route), true};
  return {};
}

}  // namespace cutover
