#!/bin/sh
# Screenshot of samples/legacy_shop's report.html, reproducible by one command
# (after `bash .ci/build`):  sh tests/browser/screenshot.sh [OUT.png]
# Headless Debian chromium, fixed window size, the fonts Debian installs.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-legacy_shop-report.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/build/cutover" scan "$here/samples/legacy_shop" -o "$work" -q
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2200 \
  --screenshot="$work/shot.png" "file://$work/report.html" 2>/dev/null
cp "$work/shot.png" "$out"
echo "$out"
