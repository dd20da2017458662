#!/usr/bin/env python3
"""Compares the slices of an inventory.json with slices written by hand
(tests/corpus/hand_slices/APP.json): per endpoint, the functions that agree,
those the hand found and the scan missed, and those the scan has that the
hand does not (issue 19, work item 7).

usage: compare.py INVENTORY.json HAND.json [--show]
"""
import json
import sys


def main():
    inv = json.load(open(sys.argv[1], encoding='utf-8'))
    hand = json.load(open(sys.argv[2], encoding='utf-8'))
    show = '--show' in sys.argv
    by_route = {s['route']: s for s in inv['slices']}
    slices = {}
    for r in inv['routes']:
        if r['id'] in by_route:
            slices.setdefault(','.join(r['methods']) + ' ' + r['path'], by_route[r['id']])
    agree = missing = extra = 0
    for key, expected in hand['endpoints'].items():
        if key not in slices:
            print(f'{key}: no slice')
            missing += len(expected)
            continue
        found = {f['name'] for f in slices[key]['functions']}
        want = set(expected)
        a, m, e = found & want, want - found, found - want
        agree, missing, extra = agree + len(a), missing + len(m), extra + len(e)
        print(f'{key}: agree {len(a)}, missing {len(m)}, extra {len(e)}')
        if show:
            for name in sorted(m):
                print(f'    missing {name}')
            for name in sorted(e):
                print(f'    extra   {name}')
    print(f"{hand['app']}: {len(hand['endpoints'])} endpoints; agree {agree}, missing {missing}, "
          f"extra {extra}")


if __name__ == '__main__':
    main()
