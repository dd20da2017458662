#include "cli/executable_id.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <string>

namespace cutover {
namespace {

// What binutils' readelf, reading the file on disk, prints for this process's binary.
std::string readelf_notes() {
  // Named by pid: /proc/self in the shell popen starts would be the shell.
  const std::string command = "readelf -n /proc/" + std::to_string(::getpid()) + "/exe 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string listing;
  char line[512];
  while (pipe && std::fgets(line, sizeof line, pipe.get()))
    listing += line;
  return listing;
}

TEST_CASE("the running binary's build ID is read from its loaded notes", "[unit][executable_id]") {
  const std::optional<std::string> id = executable_build_id();
  REQUIRE(id);
  CHECK(id->size() == 20);  // --build-id=sha1
  std::string hex;
  for (const unsigned char byte : *id) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", byte);
    hex += pair;
  }
  CHECK(readelf_notes().find("Build ID: " + hex + "\n") != std::string::npos);
}

}  // namespace
}  // namespace cutover
