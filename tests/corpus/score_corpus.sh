#!/usr/bin/env bash
# Scores cutover on real apps against their runtime route truth: routes (precision, recall) and
# where the views live (handler_file/handler_line). Not run by CI (CI reaches no repository).
#
#   bash tests/corpus/score_corpus.sh [--cutover BIN] [--out DIR]
#
# Trees: $CORPUS/NAME (default /tmp/corpus), laid out at their pins by the shared kit's prepare.sh:
#   MIRROR=<folder of OWNER+NAME/repo git mirrors> APPS_TSV=<(cat tests/corpus/*/pins.tsv) \
#     bash ../shared/corpus/prepare.sh NAME...
# Truths: ../shared/corpus/NAME/truth.json (the shared apps) and tests/corpus/NAME/truth.json.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$(dirname "$here")")
shared=${SHARED:-$repo/../shared}
bin=$repo/build/cutover
out=${TMPDIR:-/tmp}/cutover-corpus
corpus=${CORPUS:-/tmp/corpus}
while (($#)); do
  case $1 in
    --cutover) bin=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: score_corpus.sh [--cutover BIN] [--out DIR]" >&2; exit 2 ;;
  esac
done
status=0
for truth in "$shared"/corpus/*/truth.json "$here"/*/truth.json; do
  [ -f "$truth" ] || continue
  name=$(basename "$(dirname "$truth")")
  if [ ! -d "$corpus/$name" ]; then echo "$name: no tree at $corpus/$name"; status=1; continue; fi
  "$bin" scan "$corpus/$name" -o "$out/$name" --format json -q --no-cache || status=1
  routes=$(python3 "$shared/tools/score_routes.py" "$out/$name/inventory.json" "$truth" --show 0 | tail -1)
  handlers=$(SCORER_DIR="$shared/tools" python3 "$here/score_handlers.py" "$out/$name/inventory.json" "$truth" --show 0 | tail -1)
  printf '%-16s %s | %s\n' "$name" "$routes" "$handlers"
done
exit $status
