#pragma once
// Test code by the conventions of Python's test runners (pytest, unittest,
// Django's runner): files under a tests/ or test/ folder, test_*.py,
// *_test.py, tests.py and conftest.py. Routes declared there live on
// throwaway apps; they are not the application's.

#include <string_view>

namespace cutover {

bool is_test_path(std::string_view path);

}  // namespace cutover
