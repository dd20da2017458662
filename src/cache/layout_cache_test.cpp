#include "cache/layout_cache.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "cache/keyed_pack.h"
#include "testing/scratch_tree.h"

namespace cutover {
namespace {

TEST_CASE("graph layouts round-trip through the cache folder, per root", "[unit][layout_cache]") {
  testing::ScratchTree tree;
  const auto folder = tree.root() / "cache";
  const auto root = tree.root() / "app";
  std::filesystem::create_directories(root);
  CHECK(load_svg_layouts(folder, root).earlier.empty());

  SvgLayoutMemo memo;
  memo.drawn = {{7, "<svg>seven</svg>"}, {3, "<svg>three</svg>"}, {7, "<svg>seven</svg>"}};
  REQUIRE(save_svg_layouts(folder, root, memo) == "");
  const SvgLayoutMemo loaded = load_svg_layouts(folder, root);
  CHECK(loaded.earlier.size() == 2);
  CHECK(loaded.earlier.at(3) == "<svg>three</svg>");
  CHECK(loaded.earlier.at(7) == "<svg>seven</svg>");
  CHECK(load_svg_layouts(folder, tree.root()).earlier.empty());  // another root

  // The next pack holds what that run drew, not everything ever drawn.
  SvgLayoutMemo next = loaded;
  next.drawn = {{3, "<svg>three</svg>"}};
  REQUIRE(save_svg_layouts(folder, root, next) == "");
  CHECK(load_svg_layouts(folder, root).earlier.size() == 1);
}

TEST_CASE("a damaged layout pack reads as empty", "[unit][layout_cache]") {
  testing::ScratchTree tree;
  const auto folder = tree.root() / "cache";
  SvgLayoutMemo memo;
  memo.drawn = {{1, "<svg>one</svg>"}, {2, "<svg>two</svg>"}};
  REQUIRE(save_svg_layouts(folder, tree.root(), memo) == "");
  const auto pack = KeyedPack::path_for(folder, "layouts", tree.root());
  std::string bytes;
  {
    std::ifstream in(pack, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  REQUIRE(load_svg_layouts(folder, tree.root()).earlier.size() == 2);
  std::string flipped = bytes;
  flipped[bytes.size() - 6] ^= 0x20;  // in the compressed entries: the frame's checksum fails
  std::ofstream(pack, std::ios::binary) << flipped;
  CHECK(load_svg_layouts(folder, tree.root()).earlier.empty());
  std::ofstream(pack, std::ios::binary) << bytes.substr(0, bytes.size() / 2);  // cut short
  CHECK(load_svg_layouts(folder, tree.root()).earlier.empty());
}

}  // namespace
}  // namespace cutover
