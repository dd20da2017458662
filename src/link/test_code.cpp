#include "link/test_code.h"

namespace cutover {

bool is_test_path(std::string_view path) {
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string_view part = path.substr(start, slash - start);
    if (slash == std::string_view::npos) {  // the file name
      return part.starts_with("test_") || part.ends_with("_test.py") || part == "tests.py" ||
             part == "conftest.py";
    }
    if (part == "tests" || part == "test") return true;
    start = slash + 1;
  }
}

}  // namespace cutover
