#include "cache/layout_cache.h"

#include <algorithm>

#include "cache/keyed_pack.h"
#include "cutover_version.h"

namespace cutover {
namespace {

std::string layouts_header() {
  return "cutover-layouts 2 cutover " + std::string(kCutoverVersion) + "\n";
}

}  // namespace

SvgLayoutMemo load_svg_layouts(const std::filesystem::path& folder,
                               const std::filesystem::path& root) {
  const KeyedPack pack =
      KeyedPack::load(KeyedPack::path_for(folder, "layouts", root), layouts_header());
  SvgLayoutMemo memo;
  for (const auto& [key, svg] : pack.entries())
    memo.earlier.emplace(key, std::string(svg));
  return memo;
}

std::string save_svg_layouts(const std::filesystem::path& folder, const std::filesystem::path& root,
                             SvgLayoutMemo memo) {
  const bool unchanged = memo.drawn.size() == memo.earlier.size() &&
                         std::all_of(memo.drawn.begin(), memo.drawn.end(), [&](const auto& entry) {
                           return memo.earlier.contains(entry.first);
                         });
  if (unchanged) return "";
  std::vector<std::pair<std::uint64_t, std::string_view>> entries(memo.drawn.begin(),
                                                                  memo.drawn.end());
  return KeyedPack::save(KeyedPack::path_for(folder, "layouts", root), layouts_header(),
                         std::move(entries));
}

}  // namespace cutover
