#!/bin/sh
# The first screen (1280x800) of a tree's report.html, reproducible by one command
# (after `bash .ci/build`):
#   sh tests/browser/screenshot.sh [OUT.png] [TREE]        # TREE defaults to samples/legacy_shop
#   sh tests/browser/screenshot.sh OUT.png generated:1000  # a generated 1,000-endpoint Django tree
# Headless Debian chromium, fixed window size, the fonts Debian installs.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-legacy_shop-report.png}
tree=${2:-$here/samples/legacy_shop}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $tree in
  generated:*)
    routes=${tree#generated:}
    python3 "$here/tests/bench/generate_monolith.py" "$work/tree" --style django --packages 40 \
      --modules 10 --routes "$routes" --lines 60000 --seed 7 >/dev/null
    tree=$work/tree ;;
esac
"$here/build/cutover" scan "$tree" -o "$work/out" -q --no-cache
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,800 \
  --screenshot="$work/shot.png" "file://$work/out/report.html" 2>/dev/null
cp "$work/shot.png" "$out"
echo "$out"
