#!/usr/bin/env python3
"""Runtime parity: cutover's static routes equal what the running app serves.

usage: check_parity.py --cutover BIN [--only NAME]

For each row of SAMPLES.tsv beside this file: dump the sample's url_map live
with Debian's Flask (flask_url_map.py), check the dump still equals the
committed expected file, scan the sample with cutover and compare
(methods, path, endpoint) exactly. DJANGO_SAMPLES.tsv does the same with
Django's resolver (django_urls.py) on (methods, pattern, URL name), and
FASTAPI_SAMPLES.tsv with FastAPI's app.routes (fastapi_routes.py). Rows of EXPECTED.tsv (hand-written
expectations for frameworks Debian does not ship) are compared the same way,
without a live dump. Routes with "origin": "external" (framework-generated,
e.g. Flask-RESTX's swagger.json) are not expected from cutover.

HEAD is dropped where GET is present, on both sides: Werkzeug adds HEAD to
every GET rule, so a declared HEAD cannot be told apart at runtime.
Prints one line per sample and exits 1 on any difference.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def keyset(routes):
    out = set()
    for r in routes:
        # The framework's own routes (static files): the dumps leave them out.
        if r.get('origin') == 'external' or r.get('auto'):
            continue
        methods = {m.upper() for m in r['methods']}
        if 'GET' in methods:
            methods.discard('HEAD')
        out.add((tuple(sorted(methods)), r['path'], r['endpoint']))
    return out


def django_keyset(routes):
    """(methods, pattern, name) with regex anchors dropped: Django keeps an
    included regex's '^' inside the joined string, cutover drops it as the
    resolver does when reversing; admin and DRF format-suffix twins are the
    frameworks' own routes."""
    out = set()
    for r in routes:
        if r.get('origin') == 'external' or r.get('format_suffix') or r.get('generated_by'):
            continue
        methods = tuple(sorted(m.upper() for m in r['methods']))
        path = r['path'].replace('^', '').replace('$', '')
        name = r.get('endpoint', r.get('name')) or ''
        out.add((methods, path, name))
    return out


def rows(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                yield line.rstrip('\n').split('\t')


def scan(cutover, app_dir):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([cutover, 'scan', os.path.join(REPO, app_dir), '-q', '-o', out], check=True)
        with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
            return json.load(f)['routes']


def live_dump(name, command, expected_file):
    """Runs a dumper; the dump, and whether it still equals the committed file."""
    dump = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    with open(os.path.join(REPO, expected_file), encoding='utf-8') as f:
        committed = json.load(f)
    if json.loads(dump) != committed:
        print(f'{name}: the live dump differs from {expected_file}; regenerate and review it')
        return dump, False
    return dump, True


def compare(name, found, expected):
    missing, extra = expected - found, found - expected
    print(f'{name}: {len(found)} found, {len(expected)} expected, '
          f'{len(missing)} missing, {len(extra)} extra')
    for m in sorted(missing):
        print(f'  missing {m}')
    for e in sorted(extra):
        print(f'  extra   {e}')
    return not missing and not extra


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', required=True)
    parser.add_argument('--only')
    args = parser.parse_args()
    ok = True
    for name, app_dir, spec, flags, expected_file in rows('SAMPLES.tsv'):
        if args.only and name != args.only:
            continue
        command = ['/usr/bin/python3', os.path.join(HERE, 'flask_url_map.py'),
                   os.path.join(REPO, app_dir), '--app', spec] + ([] if flags == '-' else flags.split())
        dump, fresh = live_dump(name, command, expected_file)
        ok &= fresh
        ok &= compare(name, keyset(scan(args.cutover, app_dir)), keyset(json.loads(dump)))
    for name, app_dir, settings, flags, expected_file in rows('DJANGO_SAMPLES.tsv'):
        if args.only and name != args.only:
            continue
        command = ['/usr/bin/python3', os.path.join(HERE, 'django_urls.py'),
                   os.path.join(REPO, app_dir), '--settings', settings] + (
                       [] if flags == '-' else flags.split())
        dump, fresh = live_dump(name, command, expected_file)
        ok &= fresh
        # Routes under `if settings.DEBUG:` and the like are listed, marked
        # conditional; the dumps run with DEBUG off, so they are not compared.
        routes = [r for r in scan(args.cutover, app_dir)
                  if r['framework'] == 'django' and not r['conditional']]
        ok &= compare(name, django_keyset(routes), django_keyset(json.loads(dump)['routes']))
    for name, app_dir, spec, expected_file in rows('FASTAPI_SAMPLES.tsv'):
        if args.only and name != args.only:
            continue
        command = ['/usr/bin/python3', os.path.join(HERE, 'fastapi_routes.py'),
                   os.path.join(REPO, app_dir), '--app', spec]
        dump, fresh = live_dump(name, command, expected_file)
        ok &= fresh
        routes = [r for r in scan(args.cutover, app_dir) if r['framework'] == 'fastapi']
        ok &= compare(name, keyset(routes), keyset(json.loads(dump)))
    for name, app_dir, expected_file in rows('EXPECTED.tsv'):
        if args.only and name != args.only:
            continue
        with open(os.path.join(REPO, expected_file), encoding='utf-8') as f:
            expected = json.load(f)
        ok &= compare(name, keyset(scan(args.cutover, app_dir)), keyset(expected))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
