#!/usr/bin/env python3
"""cutover's static openapi.json of a FastAPI app == the app's own app.openapi().

    compare_fastapi_openapi.py --cutover BUILD/cutover APP_DIR --app MODULE:ATTRIBUTE

Imports the app with Debian's FastAPI (python3-fastapi) and takes the
document FastAPI itself generates, adding the documents of FastAPI apps
mounted on it (FastAPI leaves those out of the parent's document) under
their mount paths. Then scans APP_DIR with `cutover scan --format openapi`
and requires the same operations (method and path template) and, for each,
the same path parameters with the same JSON Schema types. Query and body
parameters are not compared: cutover records path parameters only; those
FastAPI documents are printed for the record.
"""
import argparse
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile

METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']


def schema_type(schema):
    """'integer', 'string', ... of a parameter schema; Optional[X] is X."""
    if 'type' in schema:
        return schema['type'], schema.get('format', '')
    for option in schema.get('anyOf', []):
        if option.get('type') != 'null':
            return schema_type(option)
    return None, ''


def operations(doc, prefix=''):
    """{(method, path): {'path': {name: (type, format)}, 'other': [names]}}."""
    out = {}
    for path, item in doc.get('paths', {}).items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            params = {'path': {}, 'other': []}
            for p in op.get('parameters', []) + item.get('parameters', []):
                if p['in'] == 'path':
                    params['path'][p['name']] = schema_type(p.get('schema', {}))
                else:
                    params['other'].append(f"{p['in']}:{p['name']}")
            if 'requestBody' in op:
                params['other'].append('body')
            out[(method, prefix + path)] = params
    return out


def real_operations(app_dir, spec):
    sys.path.insert(0, app_dir)
    from fastapi import FastAPI
    from starlette.routing import Mount
    module, attribute = spec.split(':')
    app = getattr(importlib.import_module(module), attribute)
    found = operations(app.openapi())
    stack = [(app, '')]
    while stack:
        current, prefix = stack.pop()
        for route in current.routes:
            if isinstance(route, Mount) and isinstance(route.app, FastAPI):
                found.update(operations(route.app.openapi(), prefix + route.path))
                stack.append((route.app, prefix + route.path))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cutover', required=True)
    parser.add_argument('app_dir')
    parser.add_argument('--app', required=True)
    args = parser.parse_args()
    real = real_operations(os.path.abspath(args.app_dir), args.app)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([args.cutover, 'scan', args.app_dir, '-o', tmp, '-q', '--no-cache',
                        '--format', 'openapi'], check=True)
        with open(os.path.join(tmp, 'openapi.json'), encoding='utf-8') as f:
            static = operations(json.load(f))
    problems = []
    for key in sorted(set(real) | set(static)):
        method, path = key
        if key not in static:
            problems.append(f'{method.upper()} {path}: served, not in cutover\'s document')
            continue
        if key not in real:
            problems.append(f'{method.upper()} {path}: in cutover\'s document, not served')
            continue
        if real[key]['path'] != static[key]['path']:
            problems.append(f'{method.upper()} {path}: path parameters {static[key]["path"]}, '
                            f'FastAPI says {real[key]["path"]}')
    typed = sum(len(v['path']) for v in real.values())
    print(f'{len(real)} operations in app.openapi() (mounted FastAPI apps included), '
          f'{len(static)} in cutover\'s openapi.json; {typed} path parameters compared')
    others = {f'{m.upper()} {p}': v['other'] for (m, p), v in sorted(real.items()) if v['other']}
    if others:
        print('not compared (query and body parameters, which cutover does not record):')
        for op, names in others.items():
            print(f'  {op}: {", ".join(names)}')
    for p in problems:
        print(p)
    print(f'{len(real) - len({p.split(":")[0] for p in problems if "parameters" in p})} passed, '
          f'{len(problems)} failed')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
