#!/usr/bin/env python3
"""cutover's benchmark (not a test): speed and memory on generated monoliths
of 10k, 100k and 1M lines, and on any folder given.

    python3 tests/bench/run_benchmark.py [--cutover build/cutover] [--sizes 10000,100000,1000000]
                                         [--styles flask,django] [--jobs N] [--repeat N] [PATH...]

For each tree (Flask and Django styles at each size, then each PATH), in one
run, each figure the best of --repeat runs (default 3): files, MB, the bare
tree-sitter parse (`cutover bench-parse`, the floor), a cold full scan (inventory + graph +
plan + JSON + HTML, empty cache), a warm re-run (nothing changed: the outputs
are kept), a relink (nothing changed, into a new output folder: every summary
decoded, linked and written again), a re-run with one file changed, peak RSS
of a cold scan (run with --no-fork, in one process), and the `ast` baseline script (ast_baseline.py) with its
ratios. Trees are generated under a
temporary folder by generate_monolith.py (Python 2 share 0, so the baseline
parses every file).
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def timed(command):
    """Wall seconds and the peak RSS (KB) of a child process."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f'failed: {" ".join(command)}')
    return seconds, usage.ru_maxrss


def tree_size(root):
    files = size = lines = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith('.py'):
                path = os.path.join(folder, name)
                files += 1
                size += os.path.getsize(path)
                with open(path, 'rb') as f:
                    lines += f.read().count(b'\n')
    return files, size, lines


def bench(cutover, root, jobs, work, repeat):
    """Each figure is the best of `repeat` runs: a shared machine's noise only
    ever adds time."""
    files, size, lines = tree_size(root)
    out = os.path.join(work, 'out')
    cache = os.path.join(work, 'cache')
    jobs_args = ['--jobs', str(jobs)] if jobs else []
    scan = [cutover, 'scan', root, '-q', '-o', out, '--cache', cache] + jobs_args
    parse_s = cold_s = warm_s = relink_s = one_s = ast_s = float('inf')
    cold_rss = 0
    # One file changed: a function appended to the largest module, anew each time.
    target = max((os.path.join(d, n) for d, _, ns in os.walk(root) for n in ns
                  if n.endswith('.py')), key=os.path.getsize)
    for attempt in range(repeat):
        parse_s = min(parse_s, timed([cutover, 'bench-parse', root] + jobs_args)[0])
        shutil.rmtree(cache, ignore_errors=True)
        cold_s = min(cold_s, timed(scan)[0])
        warm_s = min(warm_s, timed(scan)[0])
        relink_out = os.path.join(work, f'relink{attempt}')
        relink_s = min(relink_s, timed(scan[:5] + [relink_out] + scan[6:])[0])
        shutil.rmtree(relink_out)
        with open(target, 'a') as f:
            f.write(f'\n\ndef benchmark_touch_{attempt}():\n    return 1\n')
        one_s = min(one_s, timed(scan)[0])
        ast_s = min(ast_s, timed([sys.executable, os.path.join(HERE, 'ast_baseline.py'), root])[0])
    # Peak memory from a run in one process: a scan runs in a child that
    # the process waited for exits before (cli/early_exit.h).
    shutil.rmtree(cache, ignore_errors=True)
    cold_rss = timed([cutover, '--no-fork'] + scan[1:])[1]
    return {
        'tree': root, 'files': files, 'MB': size / 1e6, 'lines': lines,
        'parse': parse_s, 'cold': cold_s, 'warm': warm_s, 'relink': relink_s, 'one': one_s,
        'rss_mb': cold_rss / 1024, 'ast': ast_s,
    }


def report(r):
    print(f"{r['tree']}: {r['files']} files, {r['MB']:.1f} MB, {r['lines']} lines")
    print(f"  bare parse {r['parse']:.2f} s | cold scan {r['cold']:.2f} s "
          f"({r['cold'] / r['parse']:.2f}x parse) | warm {r['warm']:.2f} s "
          f"({100 * r['warm'] / r['cold']:.0f}% of cold) | relink {r['relink']:.2f} s "
          f"({100 * r['relink'] / r['cold']:.0f}%) | one file changed {r['one']:.2f} s "
          f"({100 * r['one'] / r['cold']:.0f}%)")
    print(f"  peak RSS {r['rss_mb']:.0f} MB ({1024 * r['rss_mb'] / max(1, r['lines']):.2f} KB/line) "
          f"| {1e6 * r['cold'] / max(1, r['lines']):.2f} us/line cold")
    print(f"  ast baseline {r['ast']:.2f} s: cold scan {r['ast'] / r['cold']:.1f}x faster, "
          f"warm {r['ast'] / r['warm']:.1f}x faster, relink {r['ast'] / r['relink']:.1f}x faster")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('paths', nargs='*')
    parser.add_argument('--cutover', default=os.path.join(REPO, 'build', 'cutover'))
    parser.add_argument('--sizes', default='10000,100000,1000000')
    parser.add_argument('--jobs', type=int, default=0)
    parser.add_argument('--repeat', type=int, default=3, help='best of N runs for each figure')
    parser.add_argument('--styles', default='flask,django', help='generated monolith styles')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for style in [s for s in args.styles.split(',') if s]:
            for lines in [int(s) for s in args.sizes.split(',') if s]:
                root = os.path.join(work, f'{style}-monolith-{lines}')
                packages = max(4, lines // 5000)
                subprocess.run([sys.executable, os.path.join(HERE, 'generate_monolith.py'), root,
                                '--style', style, '--packages', str(packages), '--modules', '12',
                                '--routes', str(max(20, lines // 250)), '--lines', str(lines),
                                '--py2-share', '0'], check=True, stdout=subprocess.DEVNULL)
                report(bench(args.cutover, root, args.jobs, os.path.join(work, f'w{lines}'),
                             args.repeat))
                shutil.rmtree(root)
        for path in args.paths:
            copy = os.path.join(work, 'copy')  # the one-file change must not touch the original
            shutil.copytree(path, copy, symlinks=True, ignore=shutil.ignore_patterns('.git'))
            result = bench(args.cutover, copy, args.jobs, os.path.join(work, 'wpath'),
                           args.repeat)
            result['tree'] = path
            report(result)
            shutil.rmtree(copy)


if __name__ == '__main__':
    main()
