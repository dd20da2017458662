#pragma once
// Writes a file so that readers see either the old content or the new one,
// never half of it: write a temporary beside it, flush to disk, rename over.

#include <filesystem>
#include <string>
#include <string_view>

namespace cutover {

// Returns an empty string on success, else what went wrong (for the user).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace cutover
