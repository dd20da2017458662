#!/usr/bin/env python3
"""report.html of a 3,000-module monolith stays readable: every drawing is
aggregated (no graph past MAX_NODES nodes, the family graph at most two
edges per family), the plan overview has a mark per family, and every endpoint is in the
data block the page draws its rows from.

    check_report_scale.py --cutover BUILD/cutover
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, '..', 'bench', 'generate_monolith.py')
MAX_NODES = 120  # two of kMaxDrawnModules' budgets: own modules and what they import


def check(binary, tmp, style):
    tree = os.path.join(tmp, style)
    out = os.path.join(tmp, style + '-out')
    subprocess.run([sys.executable, GENERATOR, tree, '--style', style, '--packages', '100',
                    '--modules', '30', '--routes', '1000', '--lines', '30000'],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, 'scan', tree, '-o', out, '-q'], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        inv = json.load(f)
    with open(os.path.join(out, 'report.html'), encoding='utf-8') as f:
        html = f.read()
    problems = []
    if len(inv['modules']) < 3000:
        problems.append(f'only {len(inv["modules"])} modules generated')
    overview = re.search(r'<svg id="plan-overview".*?</svg>', html, re.S)
    marks = len(re.findall(r'<a href="#family=[^"]*" data-family=', overview.group(0))) if overview else 0
    if marks != len(inv['families']):
        problems.append(f'plan overview draws {marks} marks')
    svgs = re.findall(r'<svg.*?</svg>', html.replace(overview.group(0), '') if overview else html, re.S)
    if len(svgs) < 2:
        problems.append(f'{len(svgs)} graphs drawn')
    for i, svg in enumerate(svgs):
        nodes = len(re.findall(r'class="node"', svg))
        if nodes > MAX_NODES:
            problems.append(f'graph {i} draws {nodes} nodes')
    if svgs:
        families = len(re.findall(r'class="node"', svgs[0]))
        edges = len(re.findall(r'class="edge"', svgs[0]))
        if edges > 2 * families:
            problems.append(f'family graph draws {edges} edges for {families} families')
    data = re.search(r'<script type="application/json" id="cutover-data">(.*?)</script>', html, re.S)
    rows = len(json.loads(data.group(1))['routes']) if data else 0
    # The framework's own routes (marked auto) are listed, not reported.
    routes = [r for r in inv['routes'] if not r.get('auto')]
    if rows != len(routes) or rows < 1000:
        problems.append(f'{rows} endpoint rows for {len(routes)} routes')
    return [f'{style}: {p}' for p in problems]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cutover', required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        problems = check(args.cutover, tmp, 'flask') + check(args.cutover, tmp, 'django')
    for p in problems:
        print('FAIL', p)
    print('ok' if not problems else f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
