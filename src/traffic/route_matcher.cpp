#define PCRE2_CODE_UNIT_WIDTH 8
#include "traffic/route_matcher.h"

#include <pcre2.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "traffic/route_pattern.h"

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
  std::string subject;
};

namespace {

constexpr std::uint32_t kOptions = PCRE2_UTF | PCRE2_UCP | PCRE2_ALT_BSUX;

struct Alternative {
  std::size_t entry = 0;
  std::string methods;  // regex of the methods it takes
  const RoutePattern* pattern = nullptr;
};

std::string methods_regex(const Route& r) {
  if (r.methods.empty() || std::find(r.methods.begin(), r.methods.end(), "ANY") != r.methods.end())
    return "[^ ]+";
  std::vector<std::string> methods = r.methods;
  if (r.framework == "flask") {
    // werkzeug adds HEAD to GET rules and Flask answers OPTIONS itself.
    if (std::find(methods.begin(), methods.end(), "GET") != methods.end())
      methods.push_back("HEAD");
    methods.push_back("OPTIONS");
  }
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string out = "(?:";
  for (std::size_t i = 0; i < methods.size(); ++i) {
    out += i ? "|" : "";
    for (char c : methods[i]) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
        out += '\\';
      out += c;
    }
  }
  return out + ")";
}

std::string alternative_text(const Alternative& a) {
  return "(*:" + std::to_string(a.entry) + ")" + a.methods + " " + a.pattern->regex;
}

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
  return re;
}

// "/api/users/{id}" → "/api/users/": the whole segments of a literal prefix.
std::string node_key(std::string_view literal_prefix) {
  const std::size_t slash = literal_prefix.rfind('/');
  return slash == std::string_view::npos ? "/" : std::string(literal_prefix.substr(0, slash + 1));
}

}  // namespace

RouteMatcher::RouteMatcher(const std::vector<Route>& routes, std::vector<Diagnostic>& diagnostics) {
  // Patterns of the routes kept, by framework.
  std::vector<RoutePattern> patterns(routes.size());
  std::vector<std::size_t> flask, django, fastapi;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Route& r = routes[i];
    if (r.origin != "app") continue;
    if (r.partial) {
      unmatchable_.push_back(i);
      continue;
    }
    if (r.framework == "flask")
      patterns[i] = flask_route_pattern(r.path);
    else if (r.framework == "django")
      patterns[i] = django_route_pattern(r.path);
    else if (r.framework == "fastapi")
      patterns[i] = fastapi_route_pattern(r.path);
    else
      continue;
    std::string error;
    pcre2_code* alone = compile("(*:0)" + patterns[i].regex, patterns[i].backreference, &error);
    if (!alone) {
      unmatchable_.push_back(i);
      diagnostics.push_back({r.file, r.line, Severity::kWarning, "traffic-unmatchable-route",
                             "route " + r.path +
                                 " is left out of traffic matching: its pattern "
                                 "does not compile (" +
                                 error + ")"});
      continue;
    }
    pcre2_code_free(alone);
    (r.framework == "flask" ? flask : r.framework == "django" ? django : fastapi).push_back(i);
  }
  std::sort(unmatchable_.begin(), unmatchable_.end());
  const auto by_declared = [&](std::size_t a, std::size_t b) {
    return routes[a].declared < routes[b].declared;
  };
  std::vector<WerkzeugKey> keys(routes.size());
  for (std::size_t i : flask)
    keys[i] = werkzeug_sort_key(routes[i].path);
  std::stable_sort(flask.begin(), flask.end(), [&](std::size_t a, std::size_t b) {
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return by_declared(a, b);
  });
  std::stable_sort(django.begin(), django.end(), by_declared);
  std::stable_sort(fastapi.begin(), fastapi.end(), by_declared);

  // The alternatives in rank order.
  std::vector<Alternative> ranked;
  const auto add = [&](std::size_t route, std::uint8_t framework, std::string methods) {
    entries_.push_back(Entry{
        .route = route, .framework = framework, .trailing_slash = patterns[route].trailing_slash});
    ranked.push_back(Alternative{
        .entry = entries_.size() - 1, .methods = std::move(methods), .pattern = &patterns[route]});
  };
  for (std::size_t i : flask)
    add(i, 0, methods_regex(routes[i]));
  // Django resolves by path alone. Routes the scan split by method on one
  // pattern are one pattern to Django: each takes its own methods, the first
  // declared the rest.
  std::map<std::string_view, std::vector<std::size_t>> same_path;
  for (std::size_t i : django)
    same_path[routes[i].path].push_back(i);
  for (std::size_t i : django) {
    const std::vector<std::size_t>& group = same_path[routes[i].path];
    if (group.front() != i) continue;
    if (group.size() > 1) {
      for (std::size_t member : group) {
        const std::string methods = methods_regex(routes[member]);
        if (methods != "[^ ]+") add(member, 1, methods);
      }
    }
    add(i, 1, "[^ ]+");
  }
  for (std::size_t i : fastapi)
    add(i, 2, methods_regex(routes[i]));

  // The index: a node per literal segment prefix, and its ancestors.
  const auto node_for = [&](const std::string& key) {
    const auto [it, added] = node_of_.emplace(key, nodes_.size());
    if (added) nodes_.emplace_back();
    return it->second;
  };
  node_for("/");
  for (std::size_t a = 0; a < ranked.size(); ++a) {
    const std::string key = node_key(ranked[a].pattern->literal_prefix);
    for (std::size_t slash = key.find('/', 1); slash != std::string::npos;
         slash = key.find('/', slash + 1))
      node_for(key.substr(0, slash + 1));
    nodes_[node_for(key)].alternatives.push_back(a);
  }
  for (const auto& [key, id] : node_of_) {
    if (nodes_[id].alternatives.empty()) continue;
    std::vector<std::size_t> candidates;
    for (std::size_t slash = 0; slash != std::string::npos; slash = key.find('/', slash + 1)) {
      const auto ancestor = node_of_.find(key.substr(0, slash + 1));
      if (ancestor == node_of_.end()) continue;
      const std::vector<std::size_t>& own = nodes_[ancestor->second].alternatives;
      candidates.insert(candidates.end(), own.begin(), own.end());
    }
    std::sort(candidates.begin(), candidates.end());
    // Runs of alternatives share one alternation; a pattern with
    // backreferences keeps its groups and goes alone.
    std::string text;
    const auto flush = [&] {
      if (text.empty()) return;
      pcre2_code* code = compile("(?:" + text + ")", false, nullptr);
      if (code) {
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        nodes_[id].program.push_back(Block{code});
      }
      text.clear();
    };
    for (std::size_t a : candidates) {
      if (ranked[a].pattern->backreference) {
        flush();
        pcre2_code* code = compile(alternative_text(ranked[a]), true, nullptr);
        if (code) {
          pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
          nodes_[id].program.push_back(Block{code});
        }
        continue;
      }
      text += (text.empty() ? "" : "|") + alternative_text(ranked[a]);
    }
    flush();
  }
}

RouteMatcher::~RouteMatcher() {
  for (Node& node : nodes_) {
    for (Block& block : node.program)
      pcre2_code_free(static_cast<pcre2_code*>(block.code));
  }
}

void RouteMatcher::ScratchDeleter::operator()(Scratch* s) const {
  delete s;
}

RouteMatcher::ScratchPtr RouteMatcher::make_scratch() const {
  return ScratchPtr(new Scratch());
}

std::int64_t RouteMatcher::match_exact(std::string_view method, std::string_view path,
                                       Scratch& s) const {
  // The deepest index node on the path's own segments that has a program.
  const Node* node = &nodes_[0];
  std::string key;
  for (std::size_t slash = path.find('/', 1); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    key.assign(path.substr(0, slash + 1));
    const auto found = node_of_.find(key);
    if (found == node_of_.end()) break;
    if (!nodes_[found->second].program.empty()) node = &nodes_[found->second];
  }
  if (node->program.empty()) return -1;
  s.subject.assign(method);
  s.subject += ' ';
  s.subject += path;
  for (const Block& block : node->program) {
    const int rc = pcre2_match(static_cast<pcre2_code*>(block.code),
                               reinterpret_cast<PCRE2_SPTR>(s.subject.data()), s.subject.size(), 0,
                               0, s.data, s.context);
    if (rc < 0) continue;  // no match, or a limit reached: not this block
    const char* mark = reinterpret_cast<const char*>(pcre2_get_mark(s.data));
    if (!mark) continue;
    std::size_t entry = 0;
    const std::string_view text(mark);
    std::from_chars(text.data(), text.data() + text.size(), entry);
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
  std::string other(path);
  if (had_slash)
    other.pop_back();
  else
    other += '/';
  const std::int64_t e = match_exact(method, other, s);
  if (e < 0) return {};
  const Entry& entry = entries_[static_cast<std::size_t>(e)];
  if (entry.framework == 2 || (entry.framework == 1 && !had_slash))
    return {static_cast<std::int64_t>(entry.route), true};
  return {};
}

}  // namespace cutover
