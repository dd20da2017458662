#!/usr/bin/env python3
"""Checks the slice-based plan on real apps (issue 19's acceptance): every route
has a slice; no test module in a slice, a prerequisite or a family edge; at most
8 `first:` lines per family in `cutover plan` and in report.html. Prints the
figures per app. Not run by CI (CI reaches no repository).

usage: check_plan.py [--cutover BIN] [--out DIR] APP_DIR...
Exit 1 when a check fails.
"""
import argparse
import html.parser
import json
import os
import re
import subprocess
import sys


class WaveRows(html.parser.HTMLParser):
    """Counts the prerequisite items of each row of report.html's wave table:
    the first list's items, and those its "+N more" folds away."""

    def __init__(self):
        super().__init__()
        self.in_table = False
        self.cell = 0
        self.lists = 0
        self.items = 0
        self.in_summary = False
        self.rows = []

    def handle_starttag(self, tag, attrs):
        if tag == 'table' and ('id', 'wave-table') in attrs:
            self.in_table = True
        elif self.in_table and tag == 'tr':
            self.cell, self.lists, self.items = 0, 0, 0
        elif self.in_table and tag == 'td':
            self.cell += 1
        elif self.in_table and tag == 'ul' and self.cell == 5:
            self.lists += 1
        elif self.in_table and tag == 'li' and self.cell == 5 and self.lists == 1:
            self.items += 1
        elif self.in_table and tag == 'summary' and self.cell == 5 and self.lists == 1:
            self.in_summary = True

    def handle_data(self, data):
        if self.in_summary:
            m = re.match(r'\+(\d+) more', data.strip())
            if m:
                self.items += int(m.group(1))

    def handle_endtag(self, tag):
        if tag == 'summary':
            self.in_summary = False
        elif tag == 'table' and self.in_table:
            self.in_table = False
        elif self.in_table and tag == 'tr' and self.cell:
            self.rows.append(self.items)


def check(binary, tree, out):
    name = os.path.basename(tree.rstrip('/'))
    failures = []
    subprocess.run([binary, 'scan', tree, '-o', out, '-q', '--no-cache', '--format', 'json',
                    '--format', 'html'], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        inv = json.load(f)
    tests = {m['name'] for m in inv['modules'] if m.get('test')}
    test_paths = {m['path'] for m in inv['modules'] if m.get('test')}
    # The framework's own routes (auto: Flask's static files) run no code of
    # the tree: they have no slice.
    app_routes = [r for r in inv['routes'] if r['origin'] == 'app' and not r.get('auto')]
    if len(inv['slices']) != len(app_routes):
        failures.append(f"{len(inv['slices'])} slices for {len(app_routes)} routes")
    in_slices = sum(1 for s in inv['slices'] for m in s['modules'] if m in tests)
    in_slices += sum(1 for s in inv['slices'] for f in s['functions'] if f['file'] in test_paths)
    in_edges = sum(1 for e in inv['graph']['family_edges'] for i in e['imports']
                   if i['from'] in tests or i['to'] in tests)
    def names_test_code(text):
        for token in re.findall(r'[A-Za-z_][\w.]*[\w]', text):
            parts = token.split('.')
            if any('.'.join(parts[:i]) in tests for i in range(1, len(parts) + 1)):
                return True
        return False
    in_prereqs = sum(1 for f in inv['families'] for p in f['prerequisites'] if names_test_code(p))
    for what, n in (('slices', in_slices), ('family edges', in_edges),
                    ('prerequisites', in_prereqs)):
        if n:
            failures.append(f'{n} test modules in {what}')
    plan = subprocess.run([binary, 'plan', tree], check=True, capture_output=True,
                          text=True).stdout
    firsts, most_first = 0, 0
    for line in plan.splitlines():
        if re.match(r'^\d+\s', line):
            firsts = 0
        elif line.startswith('      first: '):
            firsts += 1
            most_first = max(most_first, firsts)
    if most_first > 8:
        failures.append(f'{most_first} first: lines in one family of cutover plan')
    parser = WaveRows()
    with open(os.path.join(out, 'report.html'), encoding='utf-8') as f:
        parser.feed(f.read())
    # A row's first list is its prerequisites when it has any (else its steps).
    most_report = max((n for n, f in zip(parser.rows, inv['families']) if f['prerequisites']),
                      default=0)
    if most_report > 8:
        failures.append(f'{most_report} prerequisites in one family of report.html')
    functions = [len(s['functions']) for s in inv['slices']]
    functions.sort()
    median = functions[len(functions) // 2] if functions else 0
    q = inv['quality']['families']
    print(f"{name:16} routes {len(app_routes):5}  test modules {len(tests):4}  slice functions "
          f"median {median:4} max {max(functions, default=0):5}  first: lines max {most_first} "
          f"(report {most_report})  crossing {q['crossing_calls']}/{q['resolved_calls']}  "
          f"kernel {len(inv['kernel'])}  {'ok' if not failures else '; '.join(failures)}")
    return not failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', default=os.path.join(
        os.path.dirname(__file__), '..', '..', 'build', 'cutover'))
    parser.add_argument('--out', default='/tmp/cutover-check-plan')
    parser.add_argument('trees', nargs='+')
    args = parser.parse_args()
    ok = True
    for tree in args.trees:
        ok &= check(args.cutover, tree, os.path.join(args.out, os.path.basename(tree.rstrip('/'))))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
