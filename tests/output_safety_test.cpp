// Outputs are never lost: a scan killed at any moment, an output folder
// that cannot be written, or a disk that fills up leaves the previous
// outputs as they were, and the last two exit 1 with the reason.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "e2e_support.h"

namespace cutover {
namespace {

using testing::read_text;
using testing::run_cutover;
using testing::ScratchTree;

struct Outputs {
  std::string json, html;
  bool operator==(const Outputs&) const = default;
};

Outputs read_outputs(const std::filesystem::path& dir) {
  return {read_text(dir / "inventory.json"), read_text(dir / "report.html")};
}

std::string scan_args(const std::string& sample, const std::filesystem::path& out) {
  return "scan " + (testing::source_dir() / "samples" / sample).string() + " -q -o " + out.string();
}

// Starts `cutover scan SAMPLE -o OUT` without waiting for it.
pid_t start_scan(const std::string& sample, const std::filesystem::path& out) {
  const std::string root = (testing::source_dir() / "samples" / sample).string();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(CUTOVER_BINARY, CUTOVER_BINARY, "scan", root.c_str(), "-q", "-o", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

TEST_CASE("a scan killed with SIGKILL at any moment leaves whole outputs", "[e2e][robustness]") {
  ScratchTree work;
  const std::filesystem::path out = work.root() / "out";
  REQUIRE(run_cutover(scan_args("legacy_django", out)) == 0);
  const Outputs next = read_outputs(out);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_cutover(scan_args("legacy_shop", out)) == 0);
  const auto run_time = std::chrono::steady_clock::now() - started;
  const Outputs previous = read_outputs(out);
  REQUIRE(previous != next);

  // Kill moments spread from the start to past the end of a run, so some
  // land before, during and after the outputs are replaced.
  constexpr int kKills = 30;
  int kept = 0, replaced = 0;
  for (int i = 0; i < kKills; ++i) {
    const pid_t pid = start_scan("legacy_django", out);
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(run_time * i / (kKills * 2 / 3));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const Outputs now = read_outputs(out);
    INFO("kill " << i);
    // Each file is whole, old or new; the renames run back to back with
    // inventory.json last, so a new inventory never sits beside an old
    // report (the reverse needs a kill between two renames).
    CHECK((now.json == previous.json || now.json == next.json));
    CHECK((now.html == previous.html || now.html == next.html));
    CHECK_FALSE((now.json == next.json && now.html == previous.html));
    if (now == previous) {
      ++kept;
    } else {
      ++replaced;
      // Back to the previous outputs; the cache a killed run may have
      // left half-written must not break this run either.
      REQUIRE(run_cutover(scan_args("legacy_shop", out)) == 0);
      REQUIRE(read_outputs(out) == previous);
    }
  }
  CHECK(kept > 0);      // some kills landed before the outputs were replaced
  CHECK(replaced > 0);  // and some after
  // A completed run clears what killed runs left half-written.
  REQUIRE(run_cutover(scan_args("legacy_shop", out)) == 0);
  for (const auto& entry : std::filesystem::directory_iterator(out))
    CHECK_FALSE(entry.path().filename().string().ends_with(".tmp"));
}

TEST_CASE("an output folder that cannot be written exits 1 and says why", "[e2e][robustness]") {
  std::string output;
  // Nobody, root included, can create a folder in /proc.
  CHECK(run_cutover(scan_args("legacy_shop", "/proc/cutover-no-such-folder"), &output) == 1);
  CHECK(output.find("cannot create output folder") != std::string::npos);
  if (::geteuid() != 0) {  // root writes through permission bits
    ScratchTree work;
    const std::filesystem::path out = work.root() / "out";
    REQUIRE(run_cutover(scan_args("legacy_shop", out)) == 0);
    std::filesystem::permissions(
        out, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    CHECK(run_cutover(scan_args("legacy_django", out), &output) == 1);
    CHECK(output.find("cannot create") != std::string::npos);
    std::filesystem::permissions(out, std::filesystem::perms::owner_all);
  }
}

TEST_CASE("a full disk exits 1 and leaves the previous outputs", "[e2e][robustness]") {
  ScratchTree work;
  const std::filesystem::path out = work.root() / "out";
  REQUIRE(run_cutover(scan_args("legacy_shop", out)) == 0);
  const Outputs previous = read_outputs(out);
  // A file-size limit of 2 KB makes every larger write fail as a full disk
  // would (EFBIG instead of ENOSPC), for root too; SIGXFSZ is ignored so the
  // write returns the error instead of killing the process.
  const std::string command = "sh -c 'trap \"\" XFSZ; ulimit -f 4; exec " +
                              std::string(CUTOVER_BINARY) + " " + scan_args("legacy_django", out) +
                              " --no-cache' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
    output.append(buffer, n);
  const int status = ::pclose(pipe);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(output.find("cannot write") != std::string::npos);
  CHECK(read_outputs(out) == previous);
}

}  // namespace
}  // namespace cutover
