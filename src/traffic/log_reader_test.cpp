// Chunks at line boundaries from plain, gzip, truncated gzip and very long lines.

#include "traffic/log_reader.h"

#include <catch2/catch.hpp>

#include "testing/gzipped.h"
#include "testing/scratch_tree.h"

namespace cutover {
namespace {

using testing::gzipped;

std::string read_all(const std::string& path, std::size_t chunk_size,
                     std::string* problem = nullptr, bool* gzip = nullptr) {
  LogReader reader(path);
  REQUIRE(reader.error().empty());
  std::string all, chunk;
  while (reader.next(chunk, chunk_size)) {
    CHECK((chunk.ends_with('\n') || all.size() + chunk.size() > 0));
    all += chunk;
  }
  if (problem) *problem = reader.problem();
  if (gzip) *gzip = reader.gzip();
  return all;
}

std::string lines(int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += "line " + std::to_string(i) + " of the log\n";
  return out;
}

TEST_CASE("plain and gzip read the same bytes, in whole lines", "[unit][traffic]") {
  const testing::ScratchTree tree;
  const std::string text = lines(5000);
  const auto plain = tree.write("a.log", text);
  const auto gz = tree.write("a.log.gz", gzipped(text));
  const auto twice = tree.write("b.log.gz", gzipped(text) + gzipped("tail\n"));  // two members
  bool is_gzip = true;
  CHECK(read_all(plain, 1000, nullptr, &is_gzip) == text);
  CHECK_FALSE(is_gzip);
  std::string problem;
  CHECK(read_all(gz, 1000, &problem, &is_gzip) == text);
  CHECK(is_gzip);
  CHECK(problem.empty());
  CHECK(read_all(twice, 4096, &problem) == text + "tail\n");
  CHECK(problem.empty());
  LogReader reader(plain);
  std::string chunk;
  while (reader.next(chunk, 1000))
    CHECK(chunk.ends_with('\n'));
}

TEST_CASE("a truncated gzip keeps what came before and says so", "[unit][traffic]") {
  const testing::ScratchTree tree;
  const std::string text = lines(20000);
  const std::string gz = gzipped(text);
  const auto cut = tree.write("cut.log.gz", gz.substr(0, gz.size() / 2));
  std::string problem;
  const std::string got = read_all(cut, 1 << 16, &problem);
  CHECK(problem.find("truncated") != std::string::npos);
  CHECK_FALSE(got.empty());
  CHECK(text.starts_with(got.substr(0, got.rfind('\n') + 1)));
  std::string corrupt = gz;
  for (std::size_t i = 100; i < 200; ++i)
    corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
  const auto bad = tree.write("bad.log.gz", corrupt);
  read_all(bad, 1 << 16, &problem);
  CHECK(problem.find("corrupt gzip") != std::string::npos);
}

TEST_CASE("a line longer than a chunk is cut, and the next lines read", "[unit][traffic]") {
  const testing::ScratchTree tree;
  const std::string text = "first\n" + std::string(3 << 20, 'x') + "\nlast\n";
  const auto path = tree.write("long.log", text);
  LogReader reader(path);
  std::vector<std::string> got;
  std::string chunk;
  while (reader.next(chunk))
    got.push_back(chunk);
  std::string all;
  for (const std::string& c : got)
    all += c;
  CHECK(all == "first\n" + std::string(LogReader::kMaxLineBytes + 1, 'x') + "\nlast\n");
}

TEST_CASE("a missing file or a folder cannot be read", "[unit][traffic]") {
  const testing::ScratchTree tree;
  CHECK_FALSE(LogReader((tree.root() / "nope.log").string()).error().empty());
  CHECK(LogReader(tree.root().string()).error() == "is a folder");
}

}  // namespace
}  // namespace cutover
