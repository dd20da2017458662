// libFuzzer target: the per-file stage, bytes → summary, as a scan runs it
// on every file of the tree (decode, parse, collect facts), then the cache
// codec both ways: the summary must survive encode → decode, and the same
// bytes read as a damaged cache entry must decode to nothing or something,
// never crash.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cache/summary_codec.h"
#include "parse/file_summarizer.h"
#include "parse/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cutover;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  static SummarizerTools tools;  // one parser per process, as one per worker thread in a scan
  const SourceFile file{.rel_path = "fuzz/input.py", .module = "fuzz.input"};
  const FileSummary summary = summarize_source(file, decode_source(bytes), tools);
  const std::string encoded = encode_summary(summary);
  const std::optional<FileSummary> decoded = decode_summary(encoded);
  if (!decoded || encode_summary(*decoded) != encoded) std::abort();  // the codec lost something
  (void)decode_summary(bytes);
  return 0;
}
