#!/usr/bin/env python3
"""Access-log matching, side by side with `wc -l` and GoAccess on the same file.

usage: run_traffic_benchmark.py TREE LOG [--cutover BIN] [--repeat N] [--jobs N]

TREE is scanned once to warm the cache; then, round after round (so that a
busy machine slows every tool alike), on the same LOG:
  wc -l LOG                                      the floor: reading the lines
  cutover scan TREE --access-log LOG --timings   its "traffic" stage: read,
                                                 parse, match, count
  goaccess LOG --log-format=COMBINED -o x.json   GoAccess parsing it
Prints each tool's wall times (min, median, max over the rounds), CPU
times, and the ratios of the medians and of the minimums. Make LOG with
generate_access_log.py; a .gz LOG is read by cutover and GoAccess alike
(wc -l then reads the uncompressed copy beside it).
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command, **kwargs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f'{command[0]} failed: {proc.stderr[-2000:]}')
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def spread(values):
    return f'{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f} s'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('tree')
    ap.add_argument('log')
    ap.add_argument('--cutover', default=os.path.join(os.path.dirname(__file__), '..', '..', 'build',
                                                      'cutover'))
    ap.add_argument('--repeat', type=int, default=5)
    ap.add_argument('--jobs', type=int, default=0)
    args = ap.parse_args()
    goaccess = shutil.which('goaccess')
    if not goaccess:
        raise SystemExit('goaccess not found (Debian package goaccess)')
    lines_file = args.log[:-3] if args.log.endswith('.gz') else args.log
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out')
        scan = [args.cutover, 'scan', args.tree, '-o', out, '--format', 'json', '-q',
                '--jobs', str(args.jobs)]
        subprocess.run(scan, check=True)  # the tree's cache, so rounds time the logs
        wc, ours, ours_cpu, ours_stage, theirs, theirs_cpu = [], [], [], [], [], []
        lines = 0
        for _ in range(args.repeat):
            wall, _, proc = timed(['wc', '-l', lines_file])
            wc.append(wall)
            lines = int(proc.stdout.split()[0])
            wall, cpu, proc = timed(scan + ['--access-log', args.log, '--timings'])
            stage = float(re.search(r'traffic ([0-9.]+) s', proc.stderr).group(1))
            ours.append(wall)
            ours_cpu.append(cpu)
            ours_stage.append(stage)
            wall, cpu, _ = timed([goaccess, args.log, '--log-format=COMBINED', '--no-global-config',
                                  '-o', os.path.join(tmp, 'goaccess.json')])
            theirs.append(wall)
            theirs_cpu.append(cpu)
    size = os.path.getsize(args.log)
    print(f'{args.log}: {lines:,} lines, {size / 1e6:.0f} MB; {args.repeat} rounds; '
          f'min / median / max')
    print(f'  wc -l                         {spread(wc)}')
    print(f'  cutover traffic stage         {spread(ours_stage)}')
    print(f'  cutover scan (cached tree)    {spread(ours)}   CPU {spread(ours_cpu)}')
    print(f'  goaccess                      {spread(theirs)}   CPU {spread(theirs_cpu)}')
    med = statistics.median
    print(f'  traffic stage / wc -l: {med(ours_stage) / med(wc):.2f}x median, '
          f'{min(ours_stage) / min(wc):.2f}x best')
    print(f'  goaccess / traffic stage: {med(theirs) / med(ours_stage):.1f}x median, '
          f'{min(theirs) / min(ours_stage):.1f}x best')
    return 0


if __name__ == '__main__':
    sys.exit(main())
