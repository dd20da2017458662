#!/usr/bin/python3
"""Compare cutover's internal import edges with the independent reference.

    compare_edges.py --cutover BIN [--allow-diff] [--examples N] ROOT [ROOT...]

For each ROOT: runs ``BIN scan ROOT -o TMP -q``, keeps the imports with
kind == "internal" and via == "import" (Django dotted-string references are
not modelled by the reference), and compares the distinct (from, to) pairs
with import_edges.py's.  Modules are matched by *file path* (cutover's
``modules[].path``, the reference's own path), so the comparison does not
depend on how either side spells a module name (``root:name`` prefixes for
names that two source roots define, PEP 420 prefixes); name disagreements for
the same file are counted and listed separately.

Exit status 1 when any ROOT's edge sets differ (or a name disagrees), unless
--allow-diff.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import import_edges  # noqa: E402


def cutover_edges(binary, root):
    with tempfile.TemporaryDirectory(prefix='compare_edges_') as out:
        subprocess.run([binary, 'scan', root, '-o', out, '-q'], check=True)
        with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as fh:
            inv = json.load(fh)
    path_of = {m['name']: m['path'] for m in inv['modules']}
    edges = {}
    unmapped = 0
    for imp in inv['imports']:
        if imp['kind'] != 'internal' or imp['via'] != 'import':
            continue
        a, b = path_of.get(imp['from']), path_of.get(imp['to'])
        if a is None or b is None:
            unmapped += 1
            continue
        loc = (imp['file'], imp['line'])
        if (a, b) not in edges or loc < edges[(a, b)]:
            edges[(a, b)] = loc
    return edges, {m['path']: m['name'] for m in inv['modules']}, unmapped


def compare(binary, root, examples):
    tree = import_edges.Tree(root)
    ref = {(a.path, b.path): loc for (a, b), loc in tree.edges().items()}
    ref_name = {m.path: m.label for m in tree.modules}
    cut, cut_name, unmapped = cutover_edges(binary, root)
    both = set(ref) & set(cut)
    only_cut = sorted(set(cut) - set(ref))
    only_ref = sorted(set(ref) - set(cut))
    names = sorted(p for p in set(ref_name) & set(cut_name) if ref_name[p] != cut_name[p])
    missing_modules = sorted(set(ref_name) ^ set(cut_name))
    s = tree.stats
    self_ref = sum(1 for a, b in ref if a == b)
    self_cut = sum(1 for a, b in cut if a == b)
    print('== %s' % root)
    print('   files %d: ast %d, undeclared-encoding %d, lib2to3 %d, unparseable %d%s'
          % (s['files'], s['parsed_py3'], s['decoded_fallback'], s['converted_2to3'],
             s['unparseable'], (' (%s)' % ', '.join(s['unparseable_files'][:5])) if s['unparseable'] else ''))
    if s['namespace_prefixes']:
        print('   namespace prefixes: %s' % ', '.join('%s -> %s' % kv for kv in sorted(s['namespace_prefixes'].items())))
    print('   reference %d  cutover %d  both %d  only-cutover %d  only-reference %d'
          '   (self-edges ref %d / cutover %d; implicit-relative resolutions %d)'
          % (len(ref), len(cut), len(both), len(only_cut), len(only_ref), self_ref, self_cut,
             s['implicit_relative']))
    if unmapped:
        print('   %d cutover import(s) name a module missing from its modules list' % unmapped)

    def show(title, pairs, where, names, other):
        if not pairs:
            return
        print('   %s (%d):' % (title, len(pairs)))
        for a, b in pairs[:examples]:
            f, line = where[(a, b)]
            print('     %s -> %s   %s:%d' % (names.get(a, other.get(a)), names.get(b, other.get(b)),
                                            f, line))
    show('only cutover', only_cut, cut, cut_name, ref_name)
    show('only reference', only_ref, ref, ref_name, cut_name)
    if names:
        print('   module names that differ (%d):' % len(names))
        for p in names[:examples]:
            print('     %s: reference %s, cutover %s' % (p, ref_name[p], cut_name[p]))
    if missing_modules:
        print('   files that only one side lists as modules (%d): %s'
              % (len(missing_modules), ', '.join(missing_modules[:examples])))
    return not (only_cut or only_ref or names or missing_modules or unmapped)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--cutover', required=True, help='the cutover binary')
    ap.add_argument('--allow-diff', action='store_true', help='exit 0 even when the sets differ')
    ap.add_argument('--examples', type=int, default=20, help='examples listed per difference')
    ap.add_argument('roots', nargs='+')
    args = ap.parse_args()
    same = True
    for root in args.roots:
        same = compare(args.cutover, root, args.examples) and same
    print('RESULT: %s' % ('identical' if same else 'DIFFERENT'))
    return 0 if same or args.allow_diff else 1


if __name__ == '__main__':
    sys.exit(main())
