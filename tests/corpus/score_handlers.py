#!/usr/bin/env python3
"""Where the view lives: handler_file/handler_line of a cutover inventory against a truth file.

usage: score_handlers.py INVENTORY.json TRUTH.json [--show N] [--min F]

For every truth route of the app (origin "app", not auto/admin/format-suffix) that an inventory
route matches on (method, normalised path), compares the truth's `file`/`line` (the handler's
definition, first decorator line) with the route's `handler_file`/`handler_line`. Truth routes
without a file (views outside the tree) are not counted. Last line:
  handlers P (equal E, matched M)
Exit status 1 when --min is given and the share is below it.
"""
import json
import os
import sys

sys.path.insert(0, os.environ.get("SCORER_DIR", "/work/shared/tools"))
from score_routes import normalise, IGNORED  # noqa: E402


def main(argv):
    args = argv[1:]
    show, minimum = 10, None
    if "--show" in args:
        i = args.index("--show"); show = int(args[i + 1]); del args[i:i + 2]
    if "--min" in args:
        i = args.index("--min"); minimum = float(args[i + 1]); del args[i:i + 2]
    inv = json.load(open(args[0], encoding="utf-8"))
    truth = json.load(open(args[1], encoding="utf-8"))
    located = {}
    for r in inv.get("routes", []):
        if r.get("origin", "app") != "app":
            continue
        path = r.get("path_template") or r.get("path")
        for m in r.get("methods") or ["ANY"]:
            if m not in IGNORED:
                located.setdefault((m, normalise(path)), set()).add(
                    (r.get("handler_file") or "", r.get("handler_line") or 0))
    equal = matched = 0
    misses = []
    for r in truth["routes"]:
        if r.get("origin") != "app" or r.get("auto") or r.get("generated_by") or r.get("format_suffix"):
            continue
        if not r.get("file"):
            continue
        path = r.get("path_normalized") or r.get("path")
        for m in r.get("methods") or ["ANY"]:
            key = (m.upper(), normalise(path))
            if m.upper() in IGNORED or key not in located:
                continue
            matched += 1
            if (r["file"], r["line"]) in located[key]:
                equal += 1
            else:
                misses.append((key, (r["file"], r["line"]), sorted(located[key])))
    for key, want, got in misses[:show]:
        print("differs\t%s %s\ttruth %s:%s\tgot %s" % (key[0], key[1], want[0], want[1], got))
    share = equal / matched if matched else 1.0
    print("handlers %.3f (equal %d, matched %d)" % (share, equal, matched))
    return 1 if minimum is not None and share < minimum else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
