#pragma once
// What the last scan into an output folder wrote, kept in the cache folder:
// a fingerprint of everything that shaped its outputs (the files read, the
// configuration, the command line, the cutover binary) and a hash of each
// output. A re-run with the same fingerprint, whose outputs are all still
// there and unchanged, rewrites nothing: it decodes and links nothing.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cutover {

struct OutputRecord {
  std::uint64_t fingerprint = 0;
  std::string summary;                                       // the counts of the run's summary line
  std::vector<std::pair<std::string, std::uint64_t>> files;  // output name, xxh3 of its bytes
};

// <cache_dir>/outputs-<xxh3 of the output folder's canonical path>.txt
std::filesystem::path output_record_path(const std::filesystem::path& cache_dir,
                                         const std::filesystem::path& out_dir);

// nullopt when there is none or it does not read as one.
std::optional<OutputRecord> load_output_record(const std::filesystem::path& file);
// Returns "" or what went wrong.
std::string save_output_record(const std::filesystem::path& file, const OutputRecord& record);

// The scan's inputs fingerprint, with the command line, the working folder
// (relative paths) and the running binary's bytes.
std::uint64_t run_fingerprint(std::uint64_t inputs, std::string_view command_line);

// Every output the record names is in `out_dir` with the bytes it recorded.
bool outputs_unchanged(const std::filesystem::path& out_dir, const OutputRecord& record);

}  // namespace cutover
