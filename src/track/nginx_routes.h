#pragma once
// `cutover routes-config --format nginx`: the routing for the next cutover
// step. Every legacy endpoint gets a location: exact (`=`) for a literal
// path, a regex for a parameterised one (most specific first, path
// converters last, as the frameworks rank rules), sending the methods that
// moved to the FastAPI upstream and the rest to the legacy one; anything
// else falls through to the legacy upstream. A family with a canary
// percentage sends its moved endpoints to FastAPI for that share of users
// only, through `split_clients` on a user identifier, so a user always
// lands on the same side.
//
// Paths come from the scanned code: one that holds a character nginx
// configuration cannot carry safely (quotes, ';', braces, '$', spaces,
// control or non-ASCII bytes) gets no location, only a comment naming its
// route id, and so stays on the legacy upstream.

#include <map>
#include <string>

#include "model/progress.h"

namespace cutover {

struct NginxRoutingOptions {
  std::string legacy_upstream = "127.0.0.1:8000";
  std::string fastapi_upstream = "127.0.0.1:8001";
  std::string listen = "8080";
  std::map<std::string, int> canary;           // family → percent of users sent to FastAPI
  std::string canary_key = "$http_x_user_id";  // nginx variables only
};

// Empty when the options are acceptable, else what is wrong with them.
std::string check_nginx_options(const NginxRoutingOptions& options);

// An nginx configuration for the http{} context: two upstreams, the
// split_clients of each canary family, and one server.
std::string nginx_routes_config(const Progress& progress, const NginxRoutingOptions& options);

// "/users/{id}/files/{p:path}" with types → "^/users/[0-9]+/files/.+$".
std::string nginx_path_regex(const std::string& path_template,
                             const std::vector<std::string>& param_types);

}  // namespace cutover
