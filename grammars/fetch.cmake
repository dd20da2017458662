# cutover_fetch_npm_package(NAME VERSION SHA512 OUT_DIR)
#
# Brings NAME@VERSION from the npm registry with `npm pack`, verifies the
# tarball's SHA-512 against the pin, and unpacks it into
# ${CUTOVER_VENDOR_DIR}/NAME-VERSION (git-ignored). Nothing is downloaded when
# a verified copy is already unpacked, so re-configuring works offline.
include_guard(GLOBAL)

set(CUTOVER_VENDOR_DIR "${CMAKE_CURRENT_LIST_DIR}/vendor"
    CACHE PATH "Where pinned third-party sources are unpacked (git-ignored)")

function(cutover_fetch_npm_package name version sha512 out_var)
  set(dest "${CUTOVER_VENDOR_DIR}/${name}-${version}")
  set(stamp "${dest}/.verified-sha512")
  if(EXISTS "${stamp}")
    file(READ "${stamp}" seen)
    string(STRIP "${seen}" seen)
    if(seen STREQUAL sha512)
      set(${out_var} "${dest}/package" PARENT_SCOPE)
      return()
    endif()
  endif()

  find_program(CUTOVER_NPM npm)
  if(NOT CUTOVER_NPM)
    message(FATAL_ERROR "npm is needed once to fetch ${name}@${version} (apt-get install npm)")
  endif()
  set(download "${CUTOVER_VENDOR_DIR}/.download")
  file(REMOVE_RECURSE "${download}")
  file(MAKE_DIRECTORY "${download}")
  execute_process(
    COMMAND "${CUTOVER_NPM}" pack "${name}@${version}" --silent
    WORKING_DIRECTORY "${download}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  set(tarball "${download}/${name}-${version}.tgz")
  if(NOT rc EQUAL 0 OR NOT EXISTS "${tarball}")
    message(FATAL_ERROR "npm pack ${name}@${version} failed (${rc}): ${err}")
  endif()
  file(SHA512 "${tarball}" actual)
  if(NOT actual STREQUAL sha512)
    message(FATAL_ERROR "${name}@${version}: SHA-512 mismatch, refusing to unpack.\n"
                        "  pinned ${sha512}\n  got    ${actual}")
  endif()
  file(REMOVE_RECURSE "${dest}")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${dest}")
  file(WRITE "${stamp}" "${sha512}\n")
  file(REMOVE_RECURSE "${download}")
  message(STATUS "Fetched and verified ${name}@${version}")
  set(${out_var} "${dest}/package" PARENT_SCOPE)
endfunction()
