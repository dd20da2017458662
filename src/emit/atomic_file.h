#pragma once
// Writes a file so that readers see either the old content or the new one,
// never half of it: write a temporary beside it, flush it to disk (unless
// told not to), rename it over. Several files are staged first and renamed
// last, back to back, so a process killed while writing leaves every old
// file in place.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace cutover {

// Whether the content must reach the disk before the rename. Outputs do;
// the cache need not: a pack lost to a power cut is only a slower run,
// and a damaged one is detected by its checksums.
enum class Flush : bool { kNo, kYes };

// A file written to a temporary beside its destination, not yet in place.
struct StagedFile {
  std::filesystem::path temp;
  std::filesystem::path path;
};

// Writes `content` to a temporary beside `path`. Returns "" on success, else
// what went wrong (for the user); nothing is left behind on failure.
std::string stage_file(const std::filesystem::path& path, std::string_view content, Flush flush,
                       StagedFile& staged);
// The same for content in pieces, written one after the other: a cache pack
// is written from the entries where they lie, not copied into one string.
std::string stage_file(const std::filesystem::path& path, std::span<const std::string_view> pieces,
                       Flush flush, StagedFile& staged);
// Renames the temporary over the destination. Returns "" or the reason.
std::string commit_staged_file(const StagedFile& staged);
// Removes a temporary that will not be committed.
void discard_staged_file(const StagedFile& staged);

// Removes the temporaries of `path` that a killed process left behind: those
// whose process is gone. A live writer's temporary is left alone.
void remove_stale_temporaries(const std::filesystem::path& path);

// stage_file, then commit_staged_file. Returns "" or the reason.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  Flush flush = Flush::kYes);
std::string write_file_atomically(const std::filesystem::path& path,
                                  std::span<const std::string_view> pieces, Flush flush);

}  // namespace cutover
