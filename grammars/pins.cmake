# Pinned third-party C sources, fetched with `npm pack` at configure time.
# Each tarball is checked against its SHA-512 before it is unpacked; the SRI
# string is what `npm view NAME@VERSION dist.integrity` prints, kept so a
# person can compare the pin with the registry's own record.
#
# To move a pin: `npm view NAME@NEW dist.integrity`, then
# `npm pack NAME@NEW && sha512sum NAME-NEW.tgz`, and update both lines.

set(CUTOVER_TS_RUNTIME_PACKAGE tree-sitter)
set(CUTOVER_TS_RUNTIME_VERSION 0.25.1)
set(CUTOVER_TS_RUNTIME_SRI
    "sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA==")
set(CUTOVER_TS_RUNTIME_SHA512
    9ab70476462d1dfacad40e9fb373ba171901a344228395d45ea1e1c54390bb46e63e8d34405e17692c7879da5acdd1f0c674828e518a1a022a59d68de1dbd32c)

set(CUTOVER_TS_PYTHON_PACKAGE tree-sitter-python)
set(CUTOVER_TS_PYTHON_VERSION 0.25.0)
set(CUTOVER_TS_PYTHON_SRI
    "sha512-eCmJx6zQa35GxaCtQD+wXHOhYqBxEL+bp71W/s3fcDMu06MrtzkVXR437dRrCrbrDbyLuUDJpAgycs7ncngLXw==")
set(CUTOVER_TS_PYTHON_SHA512
    782989c7acd06b7e46c5a0ad403fb05c73a162a07110bf9ba7bd56fecddf70332ed3a32bb739155d1e37edd46b0ab6eb0dbc8bb940c9a4083272cee772780b5f)
