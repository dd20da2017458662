#pragma once
// Writes a file so that readers see either the old content or the new one,
// never half of it: write a temporary beside it, flush it to disk (unless
// told not to), rename it over.

#include <filesystem>
#include <string>
#include <string_view>

namespace cutover {

// Whether the content must reach the disk before the rename. Outputs do;
// the cache need not: a pack lost to a power cut is only a slower run,
// and a damaged one is detected by its checksums.
enum class Flush : bool { kNo, kYes };

// Returns an empty string on success, else what went wrong (for the user).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  Flush flush = Flush::kYes);

}  // namespace cutover
