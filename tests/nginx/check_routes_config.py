#!/usr/bin/env python3
"""`cutover routes-config --format nginx` against Debian's nginx.

    check_routes_config.py --cutover BUILD/cutover --legacy samples/legacy_shop
                           --target samples/shop_fastapi

1. `nginx -t` accepts the generated file (included in a minimal nginx.conf).
2. A real nginx on loopback, in front of two stub upstreams that answer with
   their name, sends each path where the progress report says it belongs:
   moved endpoints to FastAPI, the others and unknown paths to legacy, a
   method split by method, and a canary family to FastAPI for about its
   share of users, the same user always to the same side.
"""
import argparse
import http.client
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

NGINX = shutil.which('nginx') or '/usr/sbin/nginx'
CANARY_PERCENT = 30


def stub(name):
    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self):
            body = name.encode()
            self.send_response(200)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = answer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def request(port, method, path, user=None):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
    conn.request(method, path, headers={'X-User-Id': user} if user else {})
    reply = conn.getresponse().read().decode()
    conn.close()
    return reply


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', required=True)
    parser.add_argument('--legacy', required=True)
    parser.add_argument('--target', required=True)
    args = parser.parse_args()
    legacy, fastapi = stub('legacy'), stub('fastapi')
    port = free_port()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        routes = os.path.join(tmp, 'routes.conf')
        subprocess.run([args.cutover, 'routes-config', args.legacy, '--target', args.target,
                        '--format', 'nginx', '-o', routes,
                        '--legacy-upstream', f'127.0.0.1:{legacy.server_port}',
                        '--fastapi-upstream', f'127.0.0.1:{fastapi.server_port}',
                        '--listen', f'127.0.0.1:{port}',
                        '--canary', f'catalog={CANARY_PERCENT}'], check=True)
        conf = os.path.join(tmp, 'nginx.conf')
        with open(conf, 'w') as f:
            f.write(f'''daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  include {routes};
}}
''')
        test = subprocess.run([NGINX, '-t', '-p', tmp, '-c', conf], capture_output=True, text=True)
        print('nginx -t:', test.stderr.strip().splitlines()[-1] if test.stderr else test.returncode)
        if test.returncode != 0:
            print(test.stderr)
            return 1
        server = subprocess.Popen([NGINX, '-p', tmp, '-c', conf])
        try:
            for _ in range(100):
                try:
                    socket.create_connection(('127.0.0.1', port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.05)
            expected = [
                ('GET', '/healthz', 'fastapi'),                  # literal, moved
                ('GET', '/robots.txt', 'fastapi'),
                ('GET', '/reports', 'fastapi'),
                ('GET', '/reports/sales/2024/5', 'fastapi'),     # typed parameters
                ('GET', '/reports/top-products', 'fastapi'),
                ('GET', '/reports/top-products/5', 'legacy'),    # same prefix, not moved
                ('GET', '/reports/export/orders.csv', 'legacy'),
                ('GET', '/auth/login', 'fastapi'),               # method split
                ('POST', '/auth/login', 'legacy'),
                ('GET', '/orders/', 'legacy'),
                ('GET', '/orders/12', 'legacy'),
                ('GET', '/no/such/path', 'legacy'),              # unknown: legacy
                ('GET', '/catalog/products/7', None),            # canary family: per user
            ]
            for method, path, side in expected:
                got = request(port, method, path, user='user-1')
                if side is None:
                    side = got
                    if got not in ('legacy', 'fastapi'):
                        problems.append(f'{method} {path}: answered {got!r}')
                elif got != side:
                    problems.append(f'{method} {path}: went to {got}, expected {side}')
            # The canary: about CANARY_PERCENT of users, each always on one side.
            sides = {}
            for i in range(200):
                sides[i] = request(port, 'GET', '/catalog/featured', user=f'user-{i}')
            share = 100 * sum(s == 'fastapi' for s in sides.values()) / len(sides)
            print(f'canary catalog={CANARY_PERCENT}%: {share:.1f}% of 200 users sent to FastAPI')
            if not CANARY_PERCENT / 2 <= share <= CANARY_PERCENT * 1.5:
                problems.append(f'canary share {share:.1f}% is far from {CANARY_PERCENT}%')
            for i in range(0, 200, 10):
                for path in ('/catalog/featured', '/catalog/products/3', '/catalog/categories/'):
                    if request(port, 'GET', path, user=f'user-{i}') != sides[i]:
                        problems.append(f'user-{i} changed sides on {path}')
            # Families without a canary are unaffected by the user.
            if request(port, 'GET', '/healthz', user='user-7') != 'fastapi':
                problems.append('/healthz depends on the user')
        finally:
            server.terminate()
            server.wait(timeout=10)
    legacy.shutdown()
    fastapi.shutdown()
    for p in problems:
        print('FAIL', p)
    print('ok' if not problems else f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
