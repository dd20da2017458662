#!/usr/bin/env python3
"""Opens report.html in headless Chromium (Debian's /usr/bin/chromium) and
checks what the page shows after its script ran.

usage: check_report.py --cutover BIN SAMPLE [SAMPLE...]

For each sample: the page logs nothing to the console (no script error, no
CSP violation), the endpoint filter reports "N of N endpoints" with N the
number of routes in inventory.json (so the inline script ran under the
page's Content-Security-Policy), the family graph is an inline SVG, and the
family filter lists every family, the heat map has a row per family and the
plan overview a mark per family. In a live page of the last sample, driven
through the DevTools protocol, filtering by family, status and text shows
the right counts and clicking a column header sorts and reverses; what is
drawn on demand (a family's matrix rows, a graph, a diagnostics group) is
absent until asked for and right when drawn; the URL hash keeps and restores
the filters and points at one endpoint; printed, only the assessment shows. Then a
scratch tree with hostile strings
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
import time

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


class Page:
    """One page in headless Chromium, driven through the DevTools protocol
    over --remote-debugging-pipe (stdlib only: JSON messages ending in NUL on
    file descriptors 3 and 4)."""

    def __init__(self, html_path):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        command = (f'exec {CHROMIUM} --headless --no-sandbox --disable-gpu '
                   f'--remote-debugging-pipe about:blank 3<&{to_browser_r} 4>&{from_browser_w}')
        self._process = subprocess.Popen(['sh', '-c', command], pass_fds=(to_browser_r, from_browser_w),
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b''
        self._id = 0
        self._session = None
        target = self._send('Target.createTarget', {'url': 'file://' + os.path.abspath(html_path)})
        self._session = self._send('Target.attachToTarget',
                                   {'targetId': target['targetId'], 'flatten': True})['sessionId']
        # The new tab starts at about:blank: wait for the report itself.
        deadline = time.time() + 30
        while not self.js('location.protocol === "file:" && document.readyState === "complete"'):
            if time.time() > deadline:
                raise RuntimeError('page did not load')
            time.sleep(0.1)

    def _send(self, method, params):
        self._id += 1
        message = {'id': self._id, 'method': method, 'params': params}
        if self._session:
            message['sessionId'] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b'\0')
        while True:
            while b'\0' not in self._buffer:
                chunk = os.read(self._from_browser, 65536)
                if not chunk:
                    raise RuntimeError('chromium closed the DevTools pipe')
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b'\0', 1)
            reply = json.loads(raw)
            if reply.get('id') == self._id:
                if 'error' in reply:
                    raise RuntimeError(f'{method}: {reply["error"]}')
                return reply['result']

    def js(self, expression):
        result = self._send('Runtime.evaluate', {'expression': expression, 'returnByValue': True})
        if 'exceptionDetails' in result:
            raise RuntimeError(f'{expression}: {result["exceptionDetails"]}')
        return result['result'].get('value')

    def close(self):
        self._process.kill()
        self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


def check_interaction(binary, root, out):
    """Filtering by family, status and text, and sorting by a column, in the
    live page."""
    inv = scan(binary, root, out)
    page = Page(os.path.join(out, 'report.html'))
    problems = []
    try:
        n = len(inv['routes'])

        def choose(control, value):
            page.js(f'(() => {{ const c = document.getElementById({json.dumps(control)}); '
                    f'c.value = {json.dumps(value)}; c.dispatchEvent(new Event("input")); }})()')
            return page.js('document.getElementById("filter-count").textContent')

        family = inv['routes'][0]['family']
        expected = sum(r['family'] == family for r in inv['routes'])
        if choose('filter-family', family) != f'{expected} of {n} endpoints':
            problems.append(f'family filter {family!r} does not show {expected} rows')
        choose('filter-family', '')
        status = inv['matrix'][0]['status']
        expected = sum(m['status'] == status for m in inv['matrix'])
        if choose('filter-status', status) != f'{expected} of {n} endpoints':
            problems.append(f'status filter {status!r} does not show {expected} rows')
        choose('filter-status', '')
        needle = inv['routes'][-1]['path']
        expected = sum(needle.lower() in r['path'].lower() for r in inv['routes'])
        shown = choose('filter-text', needle)
        if not shown.endswith(f' of {n} endpoints') or int(shown.split()[0]) < expected:
            problems.append(f'search {needle!r} shows {shown}')
        choose('filter-text', '')
        # Family: rows come sorted by path, so this column starts unsorted.
        column = 'Array.from(document.querySelectorAll("#endpoint-table tbody tr"))' \
                 '.map((r) => r.cells[2].textContent.trim())'
        sorted_check = f'(() => {{ const v = {column}; return v.every((x, i) => i === 0 || ' \
                       'v[i - 1].localeCompare(x, undefined, {numeric: true}) <= 0); })()'
        header = 'document.querySelectorAll("#endpoint-table thead th")[2].click()'
        if page.js(sorted_check) and len({r['family'] for r in inv['routes']}) > 1:
            problems.append('the family column is sorted before any click: the sort check proves nothing')
        page.js(header)
        if not page.js(sorted_check):
            problems.append('clicking Family does not sort ascending')
        first = page.js(column + '[0]')
        page.js(header)
        if page.js(column + '[0]') == first and n > 1:
            problems.append('clicking Family again does not reverse the order')
        problems += check_on_demand(page, inv)
    finally:
        page.close()
    return problems


def scan(binary, root, out):
    subprocess.run([binary, 'scan', root, '-o', out, '-q'], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        inv = json.load(f)
    # The report's endpoints are the application's: not the routes of test
    # code, nor those the framework adds by itself (marked auto).
    inv['routes'] = [r for r in inv['routes']
                     if r.get('origin', 'app') == 'app' and not r.get('auto')]
    return inv


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
    problems += check_matrix(dom, inv)
    family_select = re.search(r'<select id="filter-family">(.*?)</select>', dom, re.S)
    options = re.findall(r'<option value="([^"]*)">', family_select.group(1)) if family_select else []
    families = sorted({r['family'] for r in inv['routes']})
    if sorted(o for o in options if o) != families:
        problems.append(f'family filter lists {options}, expected {families}')
    return problems


def check_matrix(dom, inv):
    """The heat map has one row per family, and its footer counts, per adapter
    column, the endpoints whose matrix entry names that adapter."""
    table = re.search(r'<table id="matrix-heatmap">(.*?)</table>', dom, re.S)
    if not table:
        return ['no compatibility matrix']
    body = re.search(r'<tbody>(.*?)</tbody>', table.group(1), re.S).group(1)
    rows = len(re.findall(r'<tr data-family=', body))
    families = len({m['family'] for m in inv['matrix']})
    problems = []
    if rows != families:
        problems.append(f'matrix has {rows} family rows, expected {families}')
    columns = re.findall(r'<th class="adapter-col"[^>]*><span>([^<]*)</span>', table.group(1))
    footer = re.search(r'<tfoot>(.*?)</tfoot>', table.group(1), re.S).group(1)
    counts = re.findall(r'<th>(\d+)</th>', footer)[1:]  # after the endpoint total
    expected = [str(sum(any(a['id'] == c for a in m['adapters']) for m in inv['matrix']))
                for c in columns]
    if counts != expected:
        problems.append(f'matrix footer counts {counts}, expected {expected} for {columns}')
    if not columns and any(m['adapters'] for m in inv['matrix']):
        problems.append('matrix has no adapter columns')
    overview = re.search(r'<svg id="plan-overview".*?</svg>', dom, re.S)
    marks = len(re.findall(r'data-family=', overview.group(0))) if overview else 0
    if marks != len(inv['families']):
        problems.append(f'plan overview has {marks} marks for {len(inv["families"])} families')
    return problems


def check_on_demand(page, inv):
    """What the page draws only when asked: a family's matrix rows, a graph, a
    diagnostics group, the rest of a collapsed list; and the view kept in the hash."""
    problems = []
    n = len(inv['routes'])
    family = inv['matrix'][0]['family']
    expected = sum(m['family'] == family for m in inv['matrix'])
    if page.js('document.querySelectorAll("#matrix-rows tbody tr").length') != 0:
        problems.append('matrix rows drawn before they were asked for')
    page.js(f'document.querySelector("#matrix-heatmap button[data-rows=\'" + CSS.escape({json.dumps(family)}) + "\']").click()')
    shown = page.js('document.querySelectorAll("#matrix-rows tbody tr").length')
    if shown != expected:
        problems.append(f'family {family!r}: {shown} matrix rows drawn, expected {expected}')
    # Graphs wait in templates until their section is opened.
    if page.js('document.querySelector("#family-graph svg") !== null'):
        problems.append('family graph in the DOM before it was opened')
    page.js('(() => { const d = document.getElementById("family-graph-section");'
            ' d.open = true; d.dispatchEvent(new Event("toggle")); })()')
    time.sleep(0.2)
    if not page.js('document.querySelector("#family-graph svg") !== null'):
        problems.append('opening the family graph does not draw it')
    # A diagnostics group's rows.
    if inv['diagnostics']:
        code = page.js('document.querySelector("details.diagnostic-group").dataset.code')
        expected = sum(d['code'] == code for d in inv['diagnostics'])
        page.js('(() => { const d = document.querySelector("details.diagnostic-group");'
                ' d.open = true; d.dispatchEvent(new Event("toggle")); })()')
        time.sleep(0.2)
        shown = page.js('document.querySelector("details.diagnostic-group tbody").rows.length')
        if shown != expected:
            problems.append(f'diagnostics {code!r}: {shown} rows, expected {expected}')
    # The hash keeps the view: a filter writes it, a link with it restores it.
    status = inv['matrix'][0]['status']
    page.js('(() => { const c = document.getElementById("filter-status");'
            f' c.value = {json.dumps(status)}; c.dispatchEvent(new Event("input")); }})()')
    hash_ = page.js('location.hash')
    if 'status=' + status not in hash_ or 'section=endpoints' not in hash_:
        problems.append(f'choosing status {status!r} leaves the hash at {hash_!r}')
    expected = sum(m['status'] == status and m['family'] == family for m in inv['matrix'])
    page.js(f'location.hash = "#section=endpoints&family=" + encodeURIComponent({json.dumps(family)})'
            f' + "&status=" + {json.dumps(status)}')
    time.sleep(0.3)
    count = page.js('document.getElementById("filter-count").textContent')
    if count != f'{expected} of {n} endpoints':
        problems.append(f'hash with family and status shows {count!r}, expected {expected} of {n}')
    if page.js('document.getElementById("filter-family").value') != family:
        problems.append('the hash does not set the family filter')
    # Printed, the page is the assessment: no endpoint list, filters or buttons.
    page._send('Emulation.setEmulatedMedia', {'media': 'print'})
    hidden = page.js('["endpoints-section", "graphs-section", "diagnostics-section"].map((id) =>'
                     ' getComputedStyle(document.getElementById(id)).display)')
    shown = page.js('["plan-overview", "wave-table", "matrix-heatmap"].map((id) =>'
                    ' getComputedStyle(document.getElementById(id)).display)')
    page._send('Emulation.setEmulatedMedia', {'media': ''})
    if hidden != ['none'] * 3 or 'none' in shown:
        problems.append(f'print: interactive sections {hidden}, assessment {shown}')
    route = inv['routes'][-1]
    page.js(f'location.hash = "#endpoint=" + encodeURIComponent({json.dumps(route["id"])})')
    time.sleep(0.3)
    rows = page.js('Array.from(document.querySelectorAll("#endpoint-table tbody tr")).map((r) => r.id)')
    if rows != ['route-' + route['id']]:
        problems.append(f'#endpoint= shows rows {rows}')
    return problems


def check_progress(binary, samples, out):
    """The Progress section of `cutover progress`: one row per legacy endpoint,
    no console errors."""
    by_name = {os.path.basename(s.rstrip('/')): s for s in samples}
    if 'legacy_shop' not in by_name or 'shop_fastapi' not in by_name:
        return ['legacy_shop and shop_fastapi not among the samples']
    subprocess.run([binary, 'progress', by_name['legacy_shop'], '--target',
                    by_name['shop_fastapi'], '-o', out, '-q'], check=True)
    with open(os.path.join(out, 'progress.json'), encoding='utf-8') as f:
        progress = json.load(f)
    dom, console = dump_dom(os.path.join(out, 'report.html'))
    problems = ['console: ' + line for line in console]
    table = re.search(r'<table id="progress-table">(.*?)</table>', dom, re.S)
    rows = len(re.findall(r'<tr data-status=', table.group(1))) if table else -1
    if rows != len(progress['endpoints']):
        problems.append(f'progress table has {rows} rows, expected {len(progress["endpoints"])}')
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
        # The main sample: many families, rows not already sorted by family.
        live = next((s for s in args.samples if os.path.basename(s.rstrip('/')) == 'legacy_shop'),
                    args.samples[-1])
        problems = check_interaction(args.cutover, live, os.path.join(tmp, 'live'))
        print(f'{live} in a live page: ' + ('ok' if not problems else '; '.join(problems)))
        failures += bool(problems)
        problems = check_progress(args.cutover, args.samples, os.path.join(tmp, 'progress'))
        print('progress report: ' + ('ok' if not problems else '; '.join(problems)))
        failures += bool(problems)
        problems = check_hostile(args.cutover, tmp)
        print('hostile strings: ' + ('ok' if not problems else '; '.join(problems)))
        failures += bool(problems)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
