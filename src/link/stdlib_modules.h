#pragma once
// Standard-library membership, for classifying imports that are not internal.

#include <string_view>

namespace cutover {

bool is_python3_stdlib(std::string_view top_level);
bool is_python2_only_stdlib(std::string_view top_level);  // urllib2, cPickle, StringIO, ...

// Built into the interpreter or frozen (CPython 3.11 Setup.bootstrap and the
// frozen modules): found before any sys.path entry, never shadowed by a file.
bool is_never_shadowed(std::string_view top_level);

inline bool is_stdlib(std::string_view top_level) {
  return is_python3_stdlib(top_level) || is_python2_only_stdlib(top_level) ||
         top_level == "__future__";
}

}  // namespace cutover
