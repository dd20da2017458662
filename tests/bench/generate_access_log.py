#!/usr/bin/env python3
"""Writes a realistic access log for the routes of an inventory.json.

usage: generate_access_log.py INVENTORY -o LOG [--lines N] [--seed S]
                              [--format combined|json|nginx] [--zipf S]
                              [--noise SHARE] [--query SHARE] [--start ISO]

Each line is a request to one of the inventory's routes, chosen with Zipf
popularity (a few endpoints take most of the traffic: weight 1/rank^S over a
shuffled route order), with its path parameters filled by type (ids, slugs,
UUIDs, file paths), one of its methods, a status that is mostly 2xx, query
strings on a share of the GETs, and client addresses and user agents; plus
scanner noise (/wp-login.php, /.env, random ids) answered 404. Timestamps
advance a few milliseconds a line. `nginx` is combined with
`$request_time` appended (the nginx log_format printed on stderr); `json`
is JSON lines with method, path, status, time and duration_ms. A LOG
ending in .gz is gzip-compressed. Deterministic for a given seed.
"""
import argparse
import bisect
import datetime
import gzip
import itertools
import json
import random
import re
import sys

NGINX_FORMAT = ('$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                '"$http_referer" "$http_user_agent" $request_time')
SCANNER_PATHS = ['/wp-login.php', '/.env', '/xmlrpc.php', '/phpmyadmin/index.php', '/.git/config',
                 '/admin/config.php', '/cgi-bin/luci', '/vendor/phpunit/src/Util/PHP/eval-stdin.php',
                 '/actuator/health', '/server-status', '/boaform/admin/formLogin', '/wp-admin/setup.php']
AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15',
          'python-requests/2.31.0', 'curl/8.4.0', 'okhttp/4.12.0']
WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet']


def value_for(kind, rng):
    if kind == 'int':
        return str(int(rng.paretovariate(1.2) * 10))
    if kind == 'float':
        return f'{rng.randint(1, 500)}.{rng.randint(0, 99):02d}'
    if kind == 'uuid':
        return '%08x-%04x-4%03x-a%03x-%012x' % (rng.getrandbits(32), rng.getrandbits(16),
                                                rng.getrandbits(12), rng.getrandbits(12),
                                                rng.getrandbits(48))
    if kind == 'path':
        return f'{rng.choice(WORDS)}/{rng.choice(WORDS)}-{rng.randint(1, 99)}.txt'
    return f'{rng.choice(WORDS)}-{rng.randint(1, 9999)}'


def concrete(route, rng):
    """A path the route serves: its template with each parameter filled by type."""
    types = {p['name']: p['type'] for p in route['params']}
    return re.sub(r'\{([^}:]+)(?::[^}]*)?\}', lambda m: value_for(types.get(m.group(1), 'str'), rng),
                  route['path_template'])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('inventory')
    ap.add_argument('-o', '--out', required=True)
    ap.add_argument('--lines', type=int, default=100000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--format', choices=['combined', 'json', 'nginx'], default='combined')
    ap.add_argument('--zipf', type=float, default=1.1)
    ap.add_argument('--noise', type=float, default=0.05, help='share of scanner requests')
    ap.add_argument('--query', type=float, default=0.2, help='share of GETs with a query string')
    ap.add_argument('--start', default='2026-11-01T00:00:00+00:00')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.inventory, encoding='utf-8') as f:
        inventory = json.load(f)
    routes = [r for r in inventory['routes']
              if r['origin'] == 'app' and r['resolution'] != 'partial' and r['framework'] != 'fastapi']
    rng.shuffle(routes)
    weights = list(itertools.accumulate(1 / (rank + 1) ** args.zipf for rank in range(len(routes))))
    clock = datetime.datetime.fromisoformat(args.start)
    opener = gzip.open if args.out.endswith('.gz') else open
    if args.format == 'nginx':
        print(f'nginx:{NGINX_FORMAT}', file=sys.stderr)
    with opener(args.out, 'wt', encoding='utf-8', newline='\n') as out:
        for _ in range(args.lines):
            clock += datetime.timedelta(microseconds=rng.randint(0, 4000))
            if routes and rng.random() >= args.noise:
                route = routes[bisect.bisect(weights, rng.random() * weights[-1])]
                methods = [m for m in route['methods'] if m != 'ANY'] or ['GET', 'POST']
                method = rng.choices(methods, [8 if m == 'GET' else 1 for m in methods])[0]
                path = concrete(route, rng)
                status = rng.choices([200, 201, 204, 302, 304, 400, 403, 500],
                                     [80, 3, 2, 4, 5, 2, 2, 1])[0]
            else:
                method = 'GET'
                path = rng.choice(SCANNER_PATHS + [f'/{rng.choice(WORDS)}/{rng.randint(1, 10 ** 6)}'])
                status = 404
            if method == 'GET' and rng.random() < args.query:
                path += f'?page={rng.randint(1, 40)}&sort={rng.choice(WORDS)}'
            seconds = rng.lognormvariate(-4, 1)
            if args.format == 'json':
                out.write(json.dumps({'time': clock.isoformat(), 'method': method, 'path': path,
                                      'status': status, 'duration_ms': round(seconds * 1000, 3)}) + '\n')
                continue
            address = f'{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}'
            stamp = clock.strftime('%d/%b/%Y:%H:%M:%S %z')
            line = (f'{address} - - [{stamp}] "{method} {path} HTTP/1.1" {status} '
                    f'{rng.randint(0, 50000)} "-" "{rng.choice(AGENTS)}"')
            if args.format == 'nginx':
                line += f' {seconds:.3f}'
            out.write(line + '\n')


if __name__ == '__main__':
    main()
