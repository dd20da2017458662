#!/usr/bin/env python3
"""Traffic parity: cutover counts each logged request for the route the real
framework dispatches it to.

usage: traffic_parity.py --cutover BIN [--only NAME]

For each sample below: scan it with cutover, make requests from its routes
(every route's path with its parameters filled by type, the same path with a
value its converter refuses, with the trailing slash toggled, under its
methods, HEAD, OPTIONS and a method it does not declare, plus paths no route
serves), write them as an access log, and scan again with --access-log.
Then load the sample for real with Debian's framework and resolve the same
requests: werkzeug's MapAdapter.match (a strict-slash redirect counts for the
rule it redirects to), Django's resolve() (with APPEND_SLASH, as
CommonMiddleware does), Starlette's route matching in order (with
redirect_slashes). Requests per route must be equal on both sides, and so
must the number no route takes. Exit 1 on any difference.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# name, framework, app dir, how to load it, flags
SAMPLES = [
    ('legacy_shop', 'flask', 'samples/legacy_shop', 'wsgi:app', ['--2to3']),
    ('flask_factory_app', 'flask', 'samples/flask_factory_app', 'app_pkg.factory:create_app()', []),
    ('drf_api', 'django', 'samples/drf_api', 'shopapi.settings', []),
    ('legacy_django', 'django', 'samples/legacy_django', 'crm_site.settings',
     ['--2to3', '--legacy-views']),
    ('shop_fastapi', 'fastapi', 'samples/shop_fastapi', 'shop_api.main:app', []),
]
# Differences that come from what the inventory does not record; each is the
# extraction's to fix, not the matcher's. Their requests move between the
# route and the unmatched count, and only there.
KNOWN = {
}
VALUES = {'int': '7', 'float': '2.5', 'uuid': '0b5a7f40-6c8e-4c5e-9a55-3c1f0cdd3a2f',
          'path': 'a/b.txt', 'slug': 'abc-1', 'str': 'abc-1', 'any': None}


def fill(route, refuse=False):
    """The route's template with parameters filled by type; with `refuse`, ints get letters."""
    types = {p['name']: p['type'] for p in route['params']}
    any_items = re.findall(r'<any\(([^)]*)\):(\w+)>', route['path'])
    firsts = {name: items.split(',')[0].strip().strip('\'"') for items, name in any_items}

    def value(m):
        kind = types.get(m.group(1), 'str')
        if kind == 'any':
            return firsts.get(m.group(1), 'x')
        if refuse and kind in ('int', 'float', 'uuid'):
            return 'abc'
        return VALUES.get(kind) or 'abc-1'
    return re.sub(r'\{([^}:]+)(?::[^}]*)?\}', value, route['path_template'])


def requests_for(inventory):
    out = []
    for r in inventory['routes']:
        if r['origin'] != 'app' or r['resolution'] == 'partial':
            continue
        declared = [m for m in r['methods'] if m != 'ANY'] or ['GET']
        methods = declared + ['HEAD', 'OPTIONS'] + [m for m in ('PATCH', 'PUT') if m not in declared][:1]
        path = fill(r)
        paths = [path, fill(r, refuse=True)]
        if len(path) > 1:
            paths.append(path[:-1] if path.endswith('/') else path + '/')
        for p in paths:
            for m in methods:
                out.append((m, p))
    out += [('GET', '/'), ('GET', '/no/such/page'), ('GET', '/wp-login.php'), ('POST', '/no/7/')]
    seen, unique = set(), []
    for req in out:
        if req not in seen:
            seen.add(req)
            unique.append(req)
    return unique


AUTO = '(routes the framework adds)'


def cutover_counts(binary, sample_dir, requests, tmp):
    scan = os.path.join(tmp, 'scan')
    subprocess.run([binary, 'scan', sample_dir, '-o', scan, '-q', '--no-cache', '--format', 'json'],
                   check=True)
    log = os.path.join(tmp, 'access.log')
    with open(log, 'w', encoding='utf-8') as f:
        for i, (method, path) in enumerate(requests):
            f.write(f'127.0.0.1 - - [10/Oct/2026:13:{i // 60 % 60:02d}:{i % 60:02d} +0000] '
                    f'"{method} {path} HTTP/1.1" 200 1 "-" "parity"\n')
    out = os.path.join(tmp, 'traffic')
    subprocess.run([binary, 'scan', sample_dir, '-o', out, '-q', '--no-cache', '--format', 'json',
                    '--access-log', log], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        inv = json.load(f)
    path_of = {r['id']: r['path'] for r in inv['routes']}
    counts = collections.Counter()
    for r in inv['traffic']['routes']:
        counts[path_of[r['route']]] += r['hits']
    # The framework's own routes (Flask's static files) are counted together.
    if inv['traffic']['auto_hits']:
        counts[AUTO] = inv['traffic']['auto_hits']
    counts[None] = inv['traffic']['requests'] - inv['traffic']['matched']
    return counts


def runtime_counts(framework, sample_dir, spec, flags, requests):
    proc = subprocess.run([sys.executable, __file__, '--resolve', framework, sample_dir, spec] + flags,
                          input=json.dumps(requests), capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    keys = json.loads(proc.stdout)
    return collections.Counter(keys)


# --- in the resolving process ------------------------------------------------

def resolve_flask(app_dir, spec, flags, requests):
    import flask_url_map as S
    from werkzeug.exceptions import MethodNotAllowed, NotFound
    from werkzeug.routing import RequestRedirect
    from urllib.parse import urlparse
    if '--2to3' in flags:
        _, app_dir = S.convert_2to3(app_dir)
    stubber = S.MissingModuleStubber(app_dir, S._own_top_level_names(app_dir), S.NEVER_STUB, True)
    sys.meta_path.insert(0, stubber)
    sys.path.insert(0, app_dir)
    os.chdir(app_dir)
    app = S.load_app(spec)
    adapter = app.url_map.bind('localhost')
    keys = []
    for method, path in requests:
        try:
            rule, _ = adapter.match(path, method, return_rule=True)
            keys.append(rule.rule)
        except RequestRedirect as e:  # strict slashes: the rule it redirects to
            rule, _ = adapter.match(urlparse(e.new_url).path, method, return_rule=True)
            keys.append(rule.rule)
        except (NotFound, MethodNotAllowed):
            keys.append(None)
    return keys


def resolve_django(app_dir, settings, flags, requests):
    import flask_url_map as S
    import django_urls as D
    if '--2to3' in flags:
        _, app_dir = S.convert_2to3(app_dir)
    os.environ['DJANGO_SETTINGS_MODULE'] = settings
    stubber = S.MissingModuleStubber(app_dir, S._own_top_level_names(app_dir), S.NEVER_STUB)
    sys.meta_path.append(stubber)
    sys.path.insert(0, app_dir)
    os.chdir(app_dir)
    if '--legacy-views' in flags:
        D.install_legacy_views()
    import django
    django.setup()
    from django.urls import Resolver404, resolve
    keys = []
    for _, path in requests:
        try:
            keys.append(resolve(path).route)
        except Resolver404:
            key = None
            if not path.endswith('/'):  # APPEND_SLASH
                try:
                    key = resolve(path + '/').route
                except Resolver404:
                    pass
            keys.append(key)
    return keys


def resolve_fastapi(app_dir, spec, flags, requests):
    import importlib
    from starlette.routing import Match, Mount
    sys.path.insert(0, app_dir)
    module, _, attr = spec.partition(':')
    app = getattr(importlib.import_module(module), attr)

    def full(method, path, routes=None, prefix=''):
        scope = {'type': 'http', 'path': path, 'method': method, 'root_path': ''}
        for route in app.router.routes if routes is None else routes:
            match, child = route.matches(scope)
            if match != Match.FULL:
                continue
            inner = getattr(route.app, 'routes', None)
            if isinstance(route, Mount) and inner is not None:  # a mounted app: its own routes
                rest = child.get('path', path[len(route.path):]) or '/'
                if rest == path:  # Starlette keeps the full path, with root_path set
                    rest = path[len(route.path):] or '/'
                return full(method, rest, inner, prefix + route.path)
            return prefix + (route.path + '/{path:path}' if isinstance(route, Mount) else route.path)
        return None
    keys = []
    for method, path in requests:
        key = full(method, path)
        if key is None and path != '/':  # redirect_slashes
            key = full(method, path[:-1] if path.endswith('/') else path + '/')
        keys.append(key)
    return keys


def resolve_main(argv):
    framework, app_dir, spec = argv[:3]
    flags = argv[3:]
    sys.path.insert(0, HERE)
    sys.dont_write_bytecode = True
    requests = [tuple(r) for r in json.load(sys.stdin)]
    resolver = {'flask': resolve_flask, 'django': resolve_django, 'fastapi': resolve_fastapi}[framework]
    import contextlib
    with contextlib.redirect_stdout(sys.stderr):
        keys = resolver(os.path.abspath(app_dir), spec, flags, requests)
    json.dump(keys, sys.stdout)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--resolve':
        return resolve_main(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cutover', required=True)
    ap.add_argument('--only')
    args = ap.parse_args()
    failed = 0
    for name, framework, rel, spec, flags in SAMPLES:
        if args.only and name != args.only:
            continue
        sample = os.path.join(REPO, rel)
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, 'scan.json'), 'w'):
                pass
            scan = os.path.join(tmp, 'first')
            subprocess.run([args.cutover, 'scan', sample, '-o', scan, '-q', '--no-cache',
                            '--format', 'json'], check=True)
            with open(os.path.join(scan, 'inventory.json'), encoding='utf-8') as f:
                inventory = json.load(f)
            requests = requests_for(inventory)
            auto = {r['path'] for r in inventory['routes'] if r.get('auto')}
            ours = cutover_counts(args.cutover, sample, requests, tmp)
        theirs = collections.Counter()
        for key, n in runtime_counts(framework, sample, spec, flags, requests).items():
            theirs[AUTO if key in auto else key] += n
        keys = sorted(set(ours) | set(theirs), key=lambda k: (k is None, k or ''))
        diff = [(k, ours.get(k, 0), theirs.get(k, 0)) for k in keys if ours.get(k, 0) != theirs.get(k, 0)]
        known = [d for d in diff if (name, d[0]) in KNOWN]
        diff = [d for d in diff if (name, d[0]) not in KNOWN and d[0] is not None]
        unmatched_gap = sum(b - a for _, a, b in known) - (ours.get(None, 0) - theirs.get(None, 0))
        if unmatched_gap != 0 and ours.get(None, 0) != theirs.get(None, 0):
            diff.append((None, ours.get(None, 0), theirs.get(None, 0)))
        matched = sum(v for k, v in theirs.items() if k is not None)
        print(f'{name}: {len(requests)} requests, {matched} dispatched to '
              f'{len([k for k in theirs if k])} routes by {framework}; '
              f'{len(diff)} routes counted differently')
        for key, a, b in diff[:20]:
            print(f'  {key!r}: cutover {a}, {framework} {b}')
        for key, a, b in known:
            print(f'  known: {key!r}: cutover {a}, {framework} {b}: {KNOWN[(name, key)]}')
        failed += bool(diff)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
