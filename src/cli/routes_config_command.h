#pragma once
// `cutover routes-config LEGACY --target FASTAPI --format nginx`: the proxy
// configuration that sends moved endpoints to FastAPI, the rest to legacy.

#include <string>
#include <vector>

#include "scan/scan_pipeline.h"
#include "track/nginx_routes.h"

namespace cutover {

struct RoutesConfigCommandOptions {
  ScanOptions legacy;
  ScanOptions target;
  std::string format = "nginx";
  std::string out_file;               // stdout when empty
  std::vector<std::string> canaries;  // "FAMILY=PERCENT"
  NginxRoutingOptions nginx;
};

// Exit code: 0 written; 1 a scan could not run or the file not be written;
// 2 bad --canary, upstream or key.
int run_routes_config_command(RoutesConfigCommandOptions options);

}  // namespace cutover
