# Turns report assets into a C++ header at build time, so the binary carries
# its templates and the report works with nothing else installed.
#   cmake -DOUT=header.h -DASSETS="name=path;name=path" -P embed.cmake
set(body "#pragma once\n// Generated from reports/ by reports/embed.cmake. Do not edit.\n#include <string_view>\nnamespace cutover::assets {\n")
foreach(pair IN LISTS ASSETS)
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 path)
  file(READ "${path}" text)
  string(FIND "${text}" ")cutover_asset\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw-string delimiter )cutover_asset\"")
  endif()
  string(APPEND body "inline constexpr std::string_view ${name} = R\"cutover_asset(${text})cutover_asset\";\n")
endforeach()
string(APPEND body "}  // namespace cutover::assets\n")
file(WRITE "${OUT}.new" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.new" "${OUT}")
file(REMOVE "${OUT}.new")
