#pragma once
// The report's graph layouts in the cache folder (SvgLayoutMemo): one pack
// per scanned root, next to the summaries, of the same release only.

#include <filesystem>
#include <string>

#include "emit/graph_svg.h"

namespace cutover {

// The layouts the last run for `root` drew; empty when there are none.
SvgLayoutMemo load_svg_layouts(const std::filesystem::path& folder,
                               const std::filesystem::path& root);

// Keeps exactly the layouts this run drew (memo.drawn), so the pack never
// grows past one report's graphs. Returns an error message, "" on success
// or when there was nothing new to write.
std::string save_svg_layouts(const std::filesystem::path& folder, const std::filesystem::path& root,
                             SvgLayoutMemo memo);

}  // namespace cutover
