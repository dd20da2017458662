#pragma once
// FileSummary to bytes and back, for the incremental cache. One field list
// per fact struct (summary_codec.cpp) drives both directions, so they
// cannot drift apart. Decoding checks every length against what is left:
// a damaged cache entry is a miss, never a crash.

#include <optional>
#include <string>
#include <string_view>

#include "model/file_summary.h"

namespace cutover {

// Bump when a fact struct, or what the parser records in one, changes: old
// caches are then ignored. 9: slices (definitions know their last line, name
// uses say how they are used) on top of main's 8.
inline constexpr std::uint32_t kSummaryCodecVersion = 11;

std::string encode_summary(const FileSummary& summary);
std::optional<FileSummary> decode_summary(std::string_view bytes);

}  // namespace cutover
