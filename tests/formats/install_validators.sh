#!/usr/bin/env bash
# Installs the pinned validators of cutover's standard outputs into DEST
# (default: beside the pins, in tests/formats/validators/node_modules/,
# which git ignores, so the release and sanitizer builds share one copy):
#   @redocly/cli                redocly lint --extends=spec openapi.json
#   @microsoft/sarif-multitool  sarif-multitool validate cutover.sarif
# Versions are exact in validators/package.json and every package's SHA-512
# is in validators/package-lock.json: `npm ci` refuses a tarball whose
# integrity differs. Nothing is fetched when DEST holds this lockfile's
# install already.
#
# To move a pin: edit the version in validators/package.json, then
# `npm install --package-lock-only --ignore-scripts` in validators/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here/validators}
stamp="$dest/.installed-lock-sha256"
want=$(sha256sum "$here/validators/package-lock.json" | cut -d' ' -f1)
multitool="$dest/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$multitool" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "install_validators: npm is needed (apt-get install npm)" >&2; exit 1; }
mkdir -p "$dest"
rm -f "$stamp"
if [ "$(cd "$dest" && pwd)" != "$here/validators" ]; then
  cp "$here/validators/package.json" "$here/validators/package-lock.json" "$dest/"
fi
# No install scripts run; the one the multitool has (chmod u+x of its
# self-contained .NET binary) is done here.
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
chmod u+x "$multitool"
echo "$want" >"$stamp"
echo "install_validators: @redocly/cli and @microsoft/sarif-multitool installed in $dest"
