#!/usr/bin/env python3
"""Validates cutover's inventory.json against reports/inventory.schema.json.

usage: validate_inventory.py --cutover BIN ROOT [ROOT...]

Scans each ROOT, plus a scratch tree of bad input (a binary file, a syntax
error, Latin-1 text, a partial route), and validates each inventory with
Debian's python3-jsonschema (Draft 2020-12). Also checks that the schema
rejects a document with an undocumented field, so a field added to the
output without documentation fails here. Exit 1 on any failure.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

SCHEMA = os.path.join(os.path.dirname(__file__), '..', '..', 'reports', 'inventory.schema.json')
PROGRESS_SCHEMA = os.path.join(os.path.dirname(__file__), '..', '..', 'reports',
                               'progress.schema.json')

BAD_INPUT = {
    'app.py': "from flask import Flask\napp = Flask(__name__)\n"
              "@app.route(RULES['x'])\ndef x():\n    return ''\n",
    'broken.py': "def (:\n",
    'latin.py': b"# -*- coding: latin-1 -*-\nname = '\xe9'\n",
    'blob.py': b"\x00\x01\x02binary",
}


# An access log touching each part of the traffic section: matched routes with a
# slash redirect and durations, unmatched and served-but-not-in-inventory paths, a
# line with no request, a malformed line.
ACCESS_LOG = ''.join(
    f'10.0.0.1 - - [10/Oct/2026:13:55:{i:02d} +0000] "{request}" {status} 5 "-" "-" 0.0{i % 9 + 1}\n'
    for i, (request, status) in enumerate([
        ('GET /catalog/products/12 HTTP/1.1', 200), ('GET /admin/users HTTP/1.1', 308),
        ('POST /orders/3/cancel HTTP/1.1', 302), ('GET /missing/7 HTTP/1.1', 200),
        ('GET /wp-login.php HTTP/1.1', 404), ('-', 400)])) + 'not a log line\n'
NGINX_FORMAT = ('nginx:$remote_addr - $remote_user [$time_local] "$request" $status '
                '$body_bytes_sent "$http_referer" "$http_user_agent" $request_time')


def scan(binary, root, out, extra=()):
    subprocess.run([binary, 'scan', root, '-o', out, '-q', *extra], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        return json.load(f)


def check_progress(binary, roots, tmp):
    """progress.json of legacy_shop against shop_fastapi == progress.schema.json."""
    by_name = {os.path.basename(r.rstrip('/')): r for r in roots}
    if 'legacy_shop' not in by_name or 'shop_fastapi' not in by_name:
        print('progress: legacy_shop and shop_fastapi not among the roots')
        return 1
    with open(PROGRESS_SCHEMA, encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    out = os.path.join(tmp, 'progress')
    subprocess.run([binary, 'progress', by_name['legacy_shop'], '--target', by_name['shop_fastapi'],
                    '-o', out, '-q'], check=True)
    with open(os.path.join(out, 'progress.json'), encoding='utf-8') as f:
        doc = json.load(f)
    errors = list(validator.iter_errors(doc))
    for e in errors[:5]:
        print(f'progress.json: {"/".join(map(str, e.path))}: {e.message[:200]}')
    print(f'progress.json: {len(errors)} schema errors')
    probe = json.loads(json.dumps(doc))
    probe['endpoints'][0]['undocumented'] = True
    if validator.is_valid(probe):
        print('progress schema accepted an undocumented field')
        return 1
    return 1 if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', required=True)
    parser.add_argument('roots', nargs='+')
    args = parser.parse_args()
    with open(SCHEMA, encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, 'bad')
        os.makedirs(bad)
        for name, text in BAD_INPUT.items():
            with open(os.path.join(bad, name), 'wb') as f:
                f.write(text if isinstance(text, bytes) else text.encode())
        documents = []
        for root in args.roots + [bad]:
            doc = scan(args.cutover, root, os.path.join(tmp, 'out'))
            errors = list(validator.iter_errors(doc))
            for e in errors[:5]:
                print(f'{root}: {"/".join(map(str, e.path))}: {e.message[:200]}')
            print(f'{root}: {len(errors)} schema errors')
            failures += bool(errors)
            documents.append(doc)
        # With an access log: the traffic section, factors and proposed deprecations.
        shop = [r for r in args.roots if os.path.basename(r.rstrip('/')) == 'legacy_shop']
        if shop:
            log = os.path.join(tmp, 'access.log')
            with open(log, 'w', encoding='utf-8') as f:
                f.write(ACCESS_LOG)
            doc = scan(args.cutover, shop[0], os.path.join(tmp, 'traffic'),
                       ['--access-log', log, '--log-format', NGINX_FORMAT])
            errors = list(validator.iter_errors(doc))
            for e in errors[:5]:
                print(f'traffic: {"/".join(map(str, e.path))}: {e.message[:200]}')
            print(f'{shop[0]} with an access log: {len(errors)} schema errors')
            failures += bool(errors) + ('traffic' not in doc)
            probe = json.loads(json.dumps(doc))
            probe['traffic']['routes'][0]['undocumented'] = True
            if validator.is_valid(probe):
                print('schema accepted an undocumented traffic field')
                failures += 1
        # The schema must reject what it does not document.
        probe = json.loads(json.dumps(documents[0]))
        probe['routes'][0]['undocumented'] = True
        if validator.is_valid(probe):
            print('schema accepted an undocumented route field')
            failures += 1
        failures += check_progress(args.cutover, args.roots, tmp)
        statuses = {f['status'] for f in documents[-1]['files']}
        if not {'skipped-binary', 'parsed-with-errors'} <= statuses:
            print('bad-input tree did not exercise the file statuses:', statuses)
            failures += 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
