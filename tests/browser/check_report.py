#!/usr/bin/env python3
"""Opens report.html in headless Chromium (Debian's /usr/bin/chromium) and
checks what the page shows after its script ran.

usage: check_report.py --cutover BIN SAMPLE [SAMPLE...]

For each sample: the page logs nothing to the console (no script error, no
CSP violation), the endpoint filter reports "N of N endpoints" with N the
number of routes in inventory.json (so the inline script ran under the
page's Content-Security-Policy), the family graph is an inline SVG, and the
family filter lists every family. Then a scratch tree with hostile strings
in a route, a docstring, a blueprint name and a file name is scanned: the
page title must be unchanged and no element the strings describe may exist.
Exit 1 on any failure.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

CHROMIUM = '/usr/bin/chromium'
PAYLOAD_SCRIPT = "</script><script>document.title='pwned'</script>"
PAYLOAD_IMG = "\"><img src=x onerror=\"document.title='pwned'\">"

HOSTILE_APP = '''"""%(img)s"""
from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('%(bp)s', __name__)
@bp.route('/x%(script)s')
def view():
    """%(script)s"""
    return ''
@app.route('/y%(img)s', methods=['GET'])
def other():
    return ''
app.register_blueprint(bp)
'''


def dump_dom(html_path):
    """The DOM after the page's scripts ran, and what the page logged to the
    console (errors, CSP violations)."""
    result = subprocess.run(
        [CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr',
         '--v=0', '--dump-dom', 'file://' + os.path.abspath(html_path)],
        capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError('chromium failed: ' + result.stderr[-500:])
    console = [line for line in result.stderr.splitlines() if ':CONSOLE' in line]
    return result.stdout, console


def scan(binary, root, out):
    subprocess.run([binary, 'scan', root, '-o', out, '-q'], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        return json.load(f)


def check_sample(binary, root, out):
    inv = scan(binary, root, out)
    dom, console = dump_dom(os.path.join(out, 'report.html'))
    n = len(inv['routes'])
    problems = ['console: ' + line for line in console]
    if f'<span id="filter-count">{n} of {n} endpoints</span>' not in dom:
        problems.append(f'filter count is not "{n} of {n} endpoints"')
    if inv['graph']['families'] and '<svg' not in dom:
        problems.append('no SVG graph')
    family_table = re.search(r'<table id="family-table">(.*?)</table>', dom, re.S)
    family_rows = len(re.findall(r'<tr>', family_table.group(1))) - 1 if family_table else -1
    if family_rows != len(inv['families']):
        problems.append(f'overview lists {family_rows} families, expected {len(inv["families"])}')
    family_select = re.search(r'<select id="filter-family">(.*?)</select>', dom, re.S)
    options = re.findall(r'<option value="([^"]*)">', family_select.group(1)) if family_select else []
    families = sorted({r['family'] for r in inv['routes']})
    if sorted(o for o in options if o) != families:
        problems.append(f'family filter lists {options}, expected {families}')
    return problems


def check_hostile(binary, tmp):
    root = os.path.join(tmp, 'hostile')
    os.makedirs(root)
    name = 'evil"><img src=x onerror=alert(1)>.py'
    with open(os.path.join(root, name), 'w', encoding='utf-8') as f:
        f.write(HOSTILE_APP % {'img': PAYLOAD_IMG.replace("'", "\\'"),
                               'script': PAYLOAD_SCRIPT.replace("'", "\\'"),
                               'bp': "b</title><script>document.title='pwned'</script>".replace("'", "\\'")})
    out = os.path.join(tmp, 'hostile-out')
    inv = scan(binary, root, out)
    dom, console = dump_dom(os.path.join(out, 'report.html'))
    problems = ['console: ' + line for line in console]
    if not inv['routes']:
        problems.append('hostile app: no routes found, so nothing was tested')
    title = re.search(r'<title>(.*?)</title>', dom, re.S)
    if not title or 'pwned' in title.group(1):
        problems.append('hostile strings changed the page title')
    if re.search(r'<img[^>]*src="x"', dom):
        problems.append('an <img> from scanned text is in the page')
    scripts = re.findall(r'<script\b', dom)
    if len(scripts) != 2:  # the JSON data block and the report script
        problems.append(f'{len(scripts)} <script> elements, expected 2')
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', required=True)
    parser.add_argument('samples', nargs='+')
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, sample in enumerate(args.samples):
            problems = check_sample(args.cutover, sample, os.path.join(tmp, f'out{i}'))
            print(f'{sample}: ' + ('ok' if not problems else '; '.join(problems)))
            failures += bool(problems)
        problems = check_hostile(args.cutover, tmp)
        print('hostile strings: ' + ('ok' if not problems else '; '.join(problems)))
        failures += bool(problems)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
