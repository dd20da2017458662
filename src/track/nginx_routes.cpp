#include "track/nginx_routes.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "model/path_template.h"

namespace cutover {
namespace {

constexpr const char* kLegacy = "cutover_legacy";
constexpr const char* kFastApi = "cutover_fastapi";

// Characters a path may hold to be written into the configuration.
bool safe_path(std::string_view path) {
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("/-_.~:@!,'()*+%={}").find(ch) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

std::string regex_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view(".^$*+?()[]{}|\\").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string type_pattern(std::string_view type) {
  if (type == "int") return "[0-9]+";
  if (type == "float") return "[0-9.]+";
  if (type == "uuid") return "[0-9a-fA-F-]+";
  if (type == "path") return ".+";
  return "[^/]+";
}

// One location: every endpoint sharing a legacy path.
struct Location {
  std::string path;
  std::vector<std::string> param_types;
  std::string family;
  std::set<std::string> moved;      // methods served by FastAPI
  std::set<std::string> remaining;  // methods still legacy-only
  bool literal() const { return path.find('{') == std::string::npos; }
  // Exact locations first, for the reader (nginx tries them first anyway);
  // then regexes in the order nginx tries them. Frameworks rank static rules first: more literal
  // text first, path converters last.
  auto rank() const {
    std::size_t literal_chars = 0;
    bool greedy = false;
    for (const TemplatePart& part : split_path_template(path)) {
      literal_chars += part.literal.size();
      greedy |= part.convertor == "path";
    }
    return std::make_tuple(!literal(), greedy, -static_cast<long>(literal_chars), path);
  }
};

std::string family_variable(std::string_view family) {
  std::string out = "$cutover_canary_";
  for (const char c : family)
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

std::string location_body(const Location& l, const NginxRoutingOptions& o) {
  const auto canary = o.canary.find(l.family);
  const std::string fastapi = canary != o.canary.end() && canary->second < 100
                                  ? family_variable(l.family)
                                  : std::string("cutover_fastapi");
  const auto pass = [](const std::string& upstream) {
    return "    proxy_pass http://" + upstream + ";\n";
  };
  if (l.moved.empty()) return pass(kLegacy);
  if (l.remaining.empty() || l.moved.contains("ANY")) return pass(fastapi);
  // A method split: only the moved methods go to FastAPI. `if` holding only
  // `set` is the safe use of nginx's if.
  std::string methods;
  for (const std::string& m : l.moved)
    methods += (methods.empty() ? "" : "|") + m;
  return "    set $cutover_upstream " + std::string(kLegacy) + ";\n    if ($request_method ~ ^(" +
         methods + ")$) {\n      set $cutover_upstream " + fastapi + ";\n    }\n" +
         pass("$cutover_upstream");
}

bool valid_upstream(std::string_view address) {
  if (address.empty()) return false;
  return std::all_of(address.begin(), address.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view(".:-[]_/").find(c) != std::string_view::npos;
  });
}

}  // namespace

std::string check_nginx_options(const NginxRoutingOptions& o) {
  for (const std::string* upstream : {&o.legacy_upstream, &o.fastapi_upstream}) {
    if (!valid_upstream(*upstream)) return "upstream '" + *upstream + "' is not HOST:PORT";
  }
  if (!valid_upstream(o.listen)) return "listen '" + o.listen + "' is not [HOST:]PORT";
  // split_clients hashes this string: nginx variables only, nothing to inject.
  bool key_ok = o.canary_key.starts_with('$');
  for (const char c : o.canary_key)
    key_ok &= c == '$' || c == '_' || std::isalnum(static_cast<unsigned char>(c));
  if (!key_ok) return "canary key '" + o.canary_key + "' is not a list of nginx variables";
  for (const auto& [family, percent] : o.canary) {
    if (percent < 0 || percent > 100)
      return "canary " + family + "=" + std::to_string(percent) + " is not a percentage";
  }
  return "";
}

std::string nginx_path_regex(const std::string& path, const std::vector<std::string>& types) {
  std::string out = "^";
  std::size_t param = 0;
  for (const TemplatePart& part : split_path_template(path)) {
    if (!part.parameter) {
      out += regex_escape(part.literal);
      continue;
    }
    out += type_pattern(part.convertor == "path" ? "path"
                        : param < types.size()   ? std::string_view(types[param])
                                                 : "str");
    ++param;
  }
  return out + "$";
}

std::string nginx_routes_config(const Progress& p, const NginxRoutingOptions& o) {
  std::map<std::string, Location> by_path;
  std::vector<std::string> skipped;
  for (const EndpointProgress& e : p.endpoints) {
    if (e.partial || !safe_path(e.path) || !e.path.starts_with('/')) {
      skipped.push_back(e.route_id);
      continue;
    }
    Location& l = by_path[e.path];
    if (l.path.empty())
      l = Location{.path = e.path, .param_types = e.param_types, .family = e.family};
    l.moved.insert(e.methods_migrated.begin(), e.methods_migrated.end());
    l.remaining.insert(e.methods_remaining.begin(), e.methods_remaining.end());
  }
  std::vector<const Location*> locations;
  for (const auto& [path, l] : by_path)
    locations.push_back(&l);
  std::sort(locations.begin(), locations.end(),
            [](const Location* a, const Location* b) { return a->rank() < b->rank(); });

  std::string out = "# Generated by cutover routes-config from " +
                    std::to_string(p.endpoints.size()) +
                    " legacy endpoints: " + std::to_string(p.overall.methods_migrated) + " of " +
                    std::to_string(p.overall.methods_total) +
                    " methods go to FastAPI.\n# Include in the http{} context.\n";
  out += "upstream " + std::string(kLegacy) + " { server " + o.legacy_upstream + "; }\n";
  out += "upstream " + std::string(kFastApi) + " { server " + o.fastapi_upstream + "; }\n";
  for (const auto& [family, percent] : o.canary) {
    if (percent >= 100) continue;
    out += "split_clients \"" + o.canary_key + "\" " + family_variable(family) + " {\n  " +
           std::to_string(percent) + "% " + kFastApi + ";\n  * " + kLegacy + ";\n}\n";
  }
  out += "server {\n  listen " + o.listen + ";\n  proxy_set_header Host $host;\n";
  for (std::string id : skipped) {
    for (char& c : id)  // ids are cutover's hex digests; keep it so whatever they hold
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '?';
    out += "  # route " + id + " stays on legacy: its path is partial or not safe to write here\n";
  }
  for (const Location* l : locations) {
    const std::string match = l->literal()
                                  ? "= \"" + l->path + "\""
                                  : "~ \"" + nginx_path_regex(l->path, l->param_types) + "\"";
    out += "  location " + match + " {\n" + location_body(*l, o) + "  }\n";
  }
  out += "  location / {\n    proxy_pass http://" + std::string(kLegacy) + ";\n  }\n}\n";
  return out;
}

}  // namespace cutover
