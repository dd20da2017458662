#include "cache/summary_cache.h"

#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <fstream>

#include "cache/cached_summarizer.h"
#include "cache/summary_codec.h"
#include "testing/scratch_tree.h"

namespace cutover {
namespace {

SourceFile source_file(const testing::ScratchTree& tree, const std::string& rel) {
  return SourceFile{.rel_path = rel, .abs_path = tree.root() / rel, .module = "m"};
}

TEST_CASE("a second pass takes every summary from the cache", "[unit][summary_cache]") {
  testing::ScratchTree tree;
  tree.write("src/a.py", "import os\nprint 'py2'\n");
  tree.write("src/b.py", "import os\nprint 'py2'\n");  // same content: one entry
  tree.write("src/c.py", "def (:\n");
  const auto cache_dir = tree.root() / "cache";
  SummarizerTools tools;
  std::vector<CachedSummary> parsed;
  std::vector<FileSummary> first;
  for (const char* f : {"src/a.py", "src/b.py", "src/c.py"}) {
    parsed.push_back(summarize_with_cache(source_file(tree, f), tools, {}, SummaryCache{}));
    CHECK_FALSE(parsed.back().hit);
    REQUIRE(parsed.back().cacheable);
    first.push_back(parsed.back().summary);
  }
  std::vector<std::pair<std::uint64_t, std::string_view>> entries;
  for (const CachedSummary& r : parsed)
    entries.emplace_back(r.key, r.encoded);
  REQUIRE(SummaryCache::save(cache_dir, tree.root() / "src", entries, SummaryCache{}).empty());
  const SummaryCache cache = SummaryCache::load(cache_dir, tree.root() / "src");
  CHECK(cache.size() == 2);
  std::size_t i = 0;
  for (const char* f : {"src/a.py", "src/b.py", "src/c.py"}) {
    const CachedSummary r = summarize_with_cache(source_file(tree, f), tools, {}, cache);
    CHECK(r.hit);
    // The same summary as parsing gave, this file's path stamped back on.
    const std::optional<FileSummary> decoded = decode_hit(source_file(tree, f), cache, r.key);
    REQUIRE(decoded);
    CHECK(encode_summary(*decoded) == encode_summary(first[i++]));
  }
  // Another root has its own pack.
  CHECK(SummaryCache::load(cache_dir, tree.root()).size() == 0);
}

TEST_CASE("a changed file misses; a pack of another release or damaged is ignored",
          "[unit][summary_cache]") {
  testing::ScratchTree tree;
  tree.write("a.py", "x = 1\n");
  SummarizerTools tools;
  const auto dir = tree.root() / "cache";
  const CachedSummary r = summarize_with_cache(source_file(tree, "a.py"), tools, {}, {});
  REQUIRE(SummaryCache::save(dir, tree.root(), {{r.key, r.encoded}}, SummaryCache{}).empty());
  tree.write("a.py", "x = 2\n");
  CHECK_FALSE(summarize_with_cache(source_file(tree, "a.py"), tools, {},
                                   SummaryCache::load(dir, tree.root()))
                  .hit);
  const auto pack = SummaryCache::pack_path(dir, tree.root(), SummaryCache::shard_index(r.key));
  std::string bytes;
  {
    std::ifstream in(pack, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto write = [&](const std::string& content) {
    std::ofstream(pack, std::ios::binary | std::ios::trunc) << content;
    return SummaryCache::load(dir, tree.root()).size();
  };
  CHECK(write(bytes) == 1);
  std::string other_release = bytes;
  other_release[other_release.find("cutover ", 20) + 8] ^= 1;
  CHECK(write(other_release) == 0);
  CHECK(write(bytes.substr(0, bytes.size() - 3)) == 0);  // truncated
  std::string flipped = bytes;
  flipped.back() ^= 0x20;  // the frame's checksum no longer matches
  CHECK(write(flipped) == 0);
  CHECK(write("") == 0);
}

TEST_CASE("a save rewrites only the shards whose keys changed", "[unit][summary_cache]") {
  testing::ScratchTree tree;
  const auto dir = tree.root() / "cache";
  // Two entries in each shard: the key's top four bits name its shard.
  const auto key = [](std::uint64_t shard, std::uint64_t n) { return shard << 60 | n; };
  std::vector<std::pair<std::uint64_t, std::string_view>> entries;
  for (std::uint64_t s = 0; s < kSummaryShards; ++s) {
    entries.emplace_back(key(s, 1), "one");
    entries.emplace_back(key(s, 2), "two");
  }
  // The single pack of earlier releases goes at the first save.
  const auto legacy = KeyedPack::path_for(dir, "summaries", tree.root());
  tree.write(std::filesystem::relative(legacy, tree.root()).string(), "old");
  REQUIRE(SummaryCache::save(dir, tree.root(), entries, SummaryCache{}).empty());
  CHECK_FALSE(std::filesystem::exists(legacy));
  const auto inode = [&](std::size_t shard) {
    struct stat st {};
    REQUIRE(::stat(SummaryCache::pack_path(dir, tree.root(), shard).c_str(), &st) == 0);
    return st.st_ino;
  };
  std::vector<ino_t> before;
  for (std::size_t s = 0; s < kSummaryShards; ++s)
    before.push_back(inode(s));

  const SummaryCache previous = SummaryCache::load(dir, tree.root());
  REQUIRE(previous.size() == 2 * kSummaryShards);
  // Unchanged: nothing written.
  REQUIRE(SummaryCache::save(dir, tree.root(), entries, previous).empty());
  for (std::size_t s = 0; s < kSummaryShards; ++s)
    CHECK(inode(s) == before[s]);
  // An entry of shard 3 replaced by one in shard 9, one of shard 12 dropped.
  std::erase_if(entries,
                [&](const auto& e) { return e.first == key(3, 1) || e.first == key(12, 2); });
  entries.emplace_back(key(9, 7), "seven");
  REQUIRE(SummaryCache::save(dir, tree.root(), entries, previous).empty());
  for (std::size_t s = 0; s < kSummaryShards; ++s) {
    INFO("shard " << s);
    CHECK((inode(s) != before[s]) == (s == 3 || s == 9 || s == 12));
  }
  const SummaryCache after = SummaryCache::load(dir, tree.root());
  CHECK(after.size() == 2 * kSummaryShards - 1);
  CHECK_FALSE(after.contains(key(3, 1)));
  CHECK_FALSE(after.contains(key(12, 2)));
  CHECK(after.bytes_of(key(9, 7)) == "seven");
  CHECK(after.bytes_of(key(3, 2)) == "two");
  CHECK(after.bytes_of(key(15, 1)) == "one");
}

}  // namespace
}  // namespace cutover
