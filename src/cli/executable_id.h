#pragma once
// Which build of cutover is running, for the output record: a run by
// another build must not keep the last build's outputs.

#include <optional>
#include <string>

namespace cutover {

// The running executable's GNU build ID (the linker's hash of the binary,
// CMakeLists.txt asks for one), read from its loaded notes: no file is
// read. nullopt when the binary has none.
std::optional<std::string> executable_build_id();

}  // namespace cutover
