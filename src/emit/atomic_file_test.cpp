// Atomic writes: create, replace, and fail with a message.

#include "emit/atomic_file.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir))
    ++n;
  return n;
}

TEST_CASE("write_file_atomically creates a file", "[unit][atomic_file]") {
  testing::TempFolder folder;
  const auto path = folder.root() / "inventory.json";
  CHECK(write_file_atomically(path, "{\"a\": 1}\n").empty());
  CHECK(read_all(path) == "{\"a\": 1}\n");
  CHECK(entries_in(folder.root()) == 1);  // no temporary left behind
}

TEST_CASE("write_file_atomically replaces existing content", "[unit][atomic_file]") {
  testing::TempFolder folder;
  const auto path = folder.write("report.html", std::string(1000, 'x'));
  CHECK(write_file_atomically(path, "short").empty());
  CHECK(read_all(path) == "short");
  CHECK(write_file_atomically(path, "").empty());
  CHECK(read_all(path).empty());
  CHECK(entries_in(folder.root()) == 1);
}

TEST_CASE("content in pieces is written in order, past one writev batch", "[unit][atomic_file]") {
  testing::ScratchTree tree;
  std::vector<std::string> owned;
  for (int i = 0; i < 3000; ++i)
    owned.push_back(i % 7 == 0 ? "" : std::to_string(i) + ",");
  owned.push_back(std::string(1 << 20, 'x'));  // one piece larger than a pipe's worth
  const std::vector<std::string_view> pieces(owned.begin(), owned.end());
  std::string whole;
  for (const std::string& piece : owned)
    whole += piece;
  const auto path = tree.root() / "pack.bin";
  REQUIRE(write_file_atomically(path, pieces, Flush::kNo) == "");
  CHECK(read_all(path) == whole);
}

TEST_CASE("write_file_atomically reports a missing folder", "[unit][atomic_file]") {
  testing::TempFolder folder;
  const auto path = folder.root() / "no" / "such" / "out.json";
  const std::string error = write_file_atomically(path, "x");
  CHECK_FALSE(error.empty());
  CHECK_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace cutover

namespace cutover {
namespace {

TEST_CASE("temporaries of dead writers are removed, a live writer's are kept",
          "[unit][atomic_file]") {
  testing::TempFolder folder;
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  REQUIRE(dead > 0);
  ::waitpid(dead, nullptr, 0);  // reaped: the PID names no process now
  const auto out = folder.root() / "inventory.json";
  const auto temp = [&](pid_t pid) {
    return folder.root() / (".inventory.json." + std::to_string(pid) + ".tmp");
  };
  std::ofstream(temp(dead)) << "half";
  std::ofstream(temp(::getppid())) << "the parent is alive";
  std::ofstream(folder.root() / ".report.html.1.tmp") << "another output's";
  remove_stale_temporaries(out);
  CHECK_FALSE(std::filesystem::exists(temp(dead)));
  CHECK(std::filesystem::exists(temp(::getppid())));
  CHECK(std::filesystem::exists(folder.root() / ".report.html.1.tmp"));
}

TEST_CASE("a dead writer not yet reaped (a zombie) is dead too", "[unit][atomic_file]") {
  testing::TempFolder folder;
  const pid_t zombie = ::fork();
  if (zombie == 0) ::_exit(0);
  REQUIRE(zombie > 0);
  // Not reaped until the end: the PID still names a process, in state Z.
  siginfo_t info{};
  REQUIRE(::waitid(P_PID, static_cast<id_t>(zombie), &info, WEXITED | WNOWAIT) == 0);
  const auto temp = folder.root() / (".inventory.json." + std::to_string(zombie) + ".tmp");
  std::ofstream(temp) << "half";
  remove_stale_temporaries(folder.root() / "inventory.json");
  CHECK_FALSE(std::filesystem::exists(temp));
  ::waitpid(zombie, nullptr, 0);
}

}  // namespace
}  // namespace cutover
