#include "model/file_summary.h"

namespace cutover {

std::string_view file_status_name(FileStatus status) {
  switch (status) {
    case FileStatus::kParsed:
      return "parsed";
    case FileStatus::kParsedWithErrors:
      return "parsed-with-errors";
    case FileStatus::kSkippedBinary:
      return "skipped-binary";
    case FileStatus::kSkippedTooLarge:
      return "skipped-too-large";
    case FileStatus::kUnreadable:
      return "unreadable";
    case FileStatus::kSkippedTimeout:
      return "skipped-timeout";
  }
  return "unreadable";
}

}  // namespace cutover
