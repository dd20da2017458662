#!/usr/bin/env python3
"""Flask-AppBuilder parity: cutover's routes for samples/fab_app equal the
routes FAB 4.3.11 registers for it (tests/expected/fab_app.runtime_routes.json,
recorded once by fab_url_map.py: Debian ships no FAB, so CI never re-dumps).

usage: check_fab.py --cutover BIN

- origin "app" rows (the sample's own classes, and its @app.route functions)
  must equal cutover's routes without generated_by, on methods, path,
  endpoint, handler_file and handler_line (the record's file and line);
- origin "external" rows (what FAB registers by itself) must equal cutover's
  routes with generated_by "flask_appbuilder", on methods, path and endpoint.
  Flask's own static route of the app (endpoint "static") is Flask's, not
  FAB's: it is compared only if cutover lists it (auto "static", no
  generated_by).
Prints the differences and exits 1 on any.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(REPO, 'samples', 'fab_app')
RECORD = os.path.join(REPO, 'tests', 'expected', 'fab_app.runtime_routes.json')


def scan(cutover):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([cutover, 'scan', SAMPLE, '-q', '-o', out, '--format', 'json',
                        '--no-cache'], check=True)
        with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
            return json.load(f)


def compare(name, found, expected):
    missing, extra = expected - found, found - expected
    print(f'fab_app {name}: {len(found)} found, {len(expected)} expected, '
          f'{len(missing)} missing, {len(extra)} extra')
    for m in sorted(missing, key=repr):
        print(f'  missing {m}')
    for e in sorted(extra, key=repr):
        print(f'  extra   {e}')
    return not missing and not extra


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', required=True)
    args = parser.parse_args()
    with open(RECORD, encoding='utf-8') as f:
        record = json.load(f)
    inventory = scan(args.cutover)
    routes = inventory['routes']

    def key(methods, path, endpoint):
        return (tuple(sorted(m.upper() for m in methods)), path, endpoint)

    app_expected = {key(r['methods'], r['path'], r['endpoint']) + (r['file'], r['line'])
                    for r in record if r['origin'] == 'app'}
    app_found = {key(r['methods'], r['path'], r['endpoint']) + (r['handler_file'], r['handler_line'])
                 for r in routes if not r.get('generated_by') and r.get('auto') != 'static'}
    fab_expected = {key(r['methods'], r['path'], r['endpoint'])
                    for r in record if r['origin'] == 'external' and r['endpoint'] != 'static'}
    fab_found = {key(r['methods'], r['path'], r['endpoint'])
                 for r in routes if r.get('generated_by') == 'flask_appbuilder'}
    ok = compare('app routes (methods, path, endpoint, handler file, line)', app_found,
                 app_expected)
    ok &= compare('routes FAB adds by itself (methods, path, endpoint)', fab_found, fab_expected)
    flask_static = {key(r['methods'], r['path'], r['endpoint'])
                    for r in routes if r.get('auto') == 'static' and not r.get('generated_by')}
    if flask_static:
        ok &= compare("Flask's static route", flask_static,
                      {key(r['methods'], r['path'], r['endpoint'])
                       for r in record if r['endpoint'] == 'static'})
    partial = [r for r in routes if r['resolution'] != 'exact']
    if partial:
        ok = False
        print(f'fab_app: {len(partial)} routes not exact: '
              + ', '.join(f"{r['path']} ({r['resolution']})" for r in partial[:10]))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
