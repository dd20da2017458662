#!/usr/bin/env python3
"""cutover's standard outputs checked with the ecosystem's own validators.

    check_formats.py --cutover BUILD/cutover --validators DIR [--generate N]
                     [--figures FILE] [--ignore-redocly-errors] TREE...

For each TREE (and, with --generate N, a generated Flask and a generated
Django monolith of N endpoints each, tests/bench/generate_monolith.py) it
scans with --format json,openapi,sarif,csv and requires:
  - openapi.json: `redocly lint --extends=spec` reports no error; every
    resolved (method, path) of inventory.json is an operation (a view open
    to any method: the five standard ones), and each route's operation has
    its path parameters with the type its converter or annotation gives;
  - cutover.sarif: `sarif-multitool validate` reports no error;
  - endpoints.csv: one row per endpoint, read back by Python's csv module
    with the inventory's values, and written again byte for byte.
DIR holds the pinned validators (tests/formats/install_validators.sh).
--figures writes the per-tree figures as JSON (for notes and the README).
"""
import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, '..', 'bench', 'generate_monolith.py')
OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
ANY_METHODS = ['get', 'post', 'put', 'patch', 'delete']
# The JSON Schema type each route parameter type becomes.
SCHEMA_TYPE = {'int': 'integer', 'float': 'number'}

VALIDATOR_ENV = dict(os.environ, REDOCLY_TELEMETRY='off', REDOCLY_SUPPRESS_UPDATE_NOTICE='true',
                     DOTNET_CLI_TELEMETRY_OPTOUT='1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT='1',
                     NO_COLOR='1')


def path_key(path):
    """Parameters by position, convertors dropped: '/a/{id:path}' -> '/a/{}'."""
    key = re.sub(r'\{[^{}]*\}', '{}', path)
    return key if key.startswith('/') else '/' + key


def template_params(path):
    return [m.split(':')[0] for m in re.findall(r'\{([^{}]*)\}', path)]


def redocly(validators, openapi):
    cli = os.path.join(validators, 'node_modules', '.bin', 'redocly')
    run = subprocess.run([cli, 'lint', '--extends=spec', '--format=json', openapi],
                         capture_output=True, text=True, env=VALIDATOR_ENV, timeout=600)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        return None, f'redocly printed no report (exit {run.returncode}): {run.stderr[-2000:]}'
    problems = [f"{p.get('ruleId')}: {p.get('message')}" for p in report.get('problems', [])
                if p.get('severity') == 'error']
    return report['totals'], problems


def multitool(validators, sarif, tmp):
    tool = os.path.join(validators, 'node_modules', '.bin', 'sarif-multitool')
    out = os.path.join(tmp, 'validation.sarif')
    if os.path.exists(out):
        os.remove(out)
    run = subprocess.run([tool, 'validate', sarif, '-o', out], capture_output=True, text=True,
                         env=VALIDATOR_ENV, timeout=600)
    if run.returncode != 0 or not os.path.exists(out):
        return None, [f'sarif-multitool failed (exit {run.returncode}): {run.stdout[-2000:]}']
    try:
        with open(out, encoding='utf-8-sig') as f:
            log = json.load(f)
    except ValueError as e:  # a validator killed while writing exits 0 through its node wrapper
        return None, [f'sarif-multitool wrote no whole report ({e}): {run.stdout[-2000:]}']
    counts = {'error': 0, 'warning': 0, 'note': 0}
    errors = []
    for r in log['runs']:
        rules = {rule['id']: rule for rule in r['tool']['driver'].get('rules', [])}
        for result in r.get('results', []):
            level = result.get('level') or rules.get(result['ruleId'], {}).get(
                'defaultConfiguration', {}).get('level', 'warning')
            counts[level] = counts.get(level, 0) + 1
            if level == 'error':
                errors.append(f"{result['ruleId']}: {json.dumps(result['message'])[:300]}")
    return counts, errors


def check_openapi(inv, doc):
    """Every resolved (method, path) is an operation with typed path parameters."""
    problems = []
    operations = {}
    for path, item in doc['paths'].items():
        for method, op in item.items():
            if method in OPENAPI_METHODS:
                operations[(method, path_key(path))] = (path, op)
    wanted = set()
    other_methods = 0
    for r in inv['routes']:
        if r['resolution'] == 'partial':
            continue
        if r['methods'] == ['ANY'] and r['framework'] == 'fastapi':
            continue  # a mount, not an operation
        methods = ANY_METHODS if r['methods'] == ['ANY'] else [m.lower() for m in r['methods']]
        for m in methods:
            if m not in OPENAPI_METHODS:
                other_methods += 1
                continue
            key = (m, path_key(r['path_template']))
            wanted.add(key)
            if key not in operations:
                problems.append(f'no operation for {m.upper()} {r["path_template"]}')
                continue
            path, op = operations[key]
            params = op.get('parameters', [])
            names = [p['name'] for p in params]
            if names != template_params(path):
                problems.append(f'{m.upper()} {path}: parameters {names}')
            # The route's own types; a route that shares the method and
            # template with other types finds its types among the anyOf.
            types = {p['name']: p['type'] for p in r['params']}
            for p, name in zip(params, template_params(r['path_template'])):
                expected = SCHEMA_TYPE.get(types.get(name, 'str'), 'string')
                options = p['schema'].get('anyOf', [p['schema']])
                if p['in'] != 'path' or not p['required'] or \
                        not any(o.get('type') == expected for o in options):
                    problems.append(f'{m.upper()} {path}: {p["name"]} is {p["schema"]}, '
                                    f'{r["id"]} expects {expected}')
                if types.get(name) == 'uuid' and \
                        not any(o.get('format') == 'uuid' for o in options):
                    problems.append(f'{m.upper()} {path}: {p["name"]} lacks format uuid')
    partial = sum(1 for r in inv['routes'] if r['resolution'] == 'partial')
    if len(doc.get('x-cutover-partial', [])) != partial:
        problems.append(f'{len(doc.get("x-cutover-partial", []))} in x-cutover-partial, '
                        f'{partial} partial routes')
    figures = {'operations': len(operations), 'resolved_method_paths': len(wanted),
               'covered': len(wanted & set(operations)), 'partial_routes': partial,
               'methods_without_openapi_field': other_methods}
    return figures, problems


def check_csv(inv, text_bytes):
    problems = []
    text = text_bytes.decode('utf-8')
    rows = list(csv.reader(io.StringIO(text, newline='')))
    header, body = rows[0], rows[1:]
    if len(body) != len(inv['routes']):
        problems.append(f'{len(body)} rows for {len(inv["routes"])} endpoints')
    column = {name: i for i, name in enumerate(header)}

    def shown(value):  # what the CSV shows of an inventory value
        return "'" + value if value[:1] in ('=', '+', '-', '@', '\t', '\r') else value

    for row, r in zip(body, inv['routes']):
        if len(row) != len(header):
            problems.append(f'{r["id"]}: {len(row)} fields')
            continue
        for name, value in (('route_id', r['id']), ('path', r['path']),
                            ('methods', ' '.join(r['methods'])), ('family', r['family']),
                            ('endpoint', r['endpoint'])):
            if row[column[name]] != shown(value):
                problems.append(f'{r["id"]}: {name} {row[column[name]]!r} != {value!r}')
    again = io.StringIO(newline='')
    csv.writer(again, lineterminator='\r\n').writerows(rows)
    if again.getvalue() != text:
        problems.append('endpoints.csv is not what Python\'s csv module writes back')
    return {'rows': len(body), 'endpoints': len(inv['routes'])}, problems


def check_tree(binary, validators, tree, tmp, name):
    out = os.path.join(tmp, name)
    subprocess.run([binary, 'scan', tree, '-o', out, '-q', '--no-cache', '--format', 'json',
                    '--format', 'openapi', '--format', 'sarif', '--format', 'csv'], check=True)
    with open(os.path.join(out, 'inventory.json'), encoding='utf-8') as f:
        inv = json.load(f)
    # Routes declared only in test code, and those the framework adds by itself
    # (auto: Flask's static files), are listed in inventory.json but are no
    # endpoint of the application: out of the plan, the API and the CSV.
    inv['routes'] = [r for r in inv['routes']
                     if r.get('origin', 'app') != 'test' and not r.get('auto')]
    with open(os.path.join(out, 'openapi.json'), encoding='utf-8') as f:
        doc = json.load(f)
    problems = []
    figures = {'tree': name, 'endpoints': len(inv['routes'])}
    totals, errors = redocly(validators, os.path.join(out, 'openapi.json'))
    if totals is None:
        problems.append(errors)
    else:
        figures['redocly'] = totals
        problems += [f'redocly: {e}' for e in errors]
    api, api_problems = check_openapi(inv, doc)
    figures['openapi'] = api
    problems += api_problems
    counts, errors = multitool(validators, os.path.join(out, 'cutover.sarif'), tmp)
    with open(os.path.join(out, 'cutover.sarif'), encoding='utf-8') as f:
        figures['sarif_results'] = len(json.load(f)['runs'][0]['results'])
    figures['sarif_validate'] = counts
    problems += [f'sarif-multitool: {e}' for e in errors]
    with open(os.path.join(out, 'endpoints.csv'), 'rb') as f:
        rows, csv_problems = check_csv(inv, f.read())
    figures['csv'] = rows
    problems += csv_problems
    return figures, [f'{name}: {p}' for p in problems]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cutover', required=True)
    parser.add_argument('--validators', required=True)
    parser.add_argument('--generate', type=int, default=0,
                        help='also check generated Flask and Django trees of N endpoints')
    parser.add_argument('--figures')
    parser.add_argument('trees', nargs='*')
    args = parser.parse_args()
    problems = []
    all_figures = []
    with tempfile.TemporaryDirectory() as tmp:
        trees = [(t, os.path.basename(os.path.normpath(t))) for t in args.trees]
        for style in (['flask', 'django'] if args.generate else []):
            tree = os.path.join(tmp, f'generated-{style}')
            subprocess.run([sys.executable, GENERATOR, tree, '--style', style, '--packages', '50',
                            '--modules', '4', '--routes', str(args.generate), '--lines', '20000'],
                           check=True, stdout=subprocess.DEVNULL)
            trees.append((tree, f'generated-{style}-{args.generate}'))
        for i, (tree, name) in enumerate(trees):
            figures, found = check_tree(args.cutover, args.validators, tree, tmp, f'{i}-{name}')
            figures['tree'] = name
            all_figures.append(figures)
            problems += found
            api = figures['openapi']
            print(f"{name}: {figures['endpoints']} endpoints; openapi {api['operations']} "
                  f"operations for {api['resolved_method_paths']} resolved (method, path), "
                  f"{api['covered']} covered, redocly {figures.get('redocly')}; sarif "
                  f"{figures['sarif_results']} results, validate {figures['sarif_validate']}; "
                  f"csv {figures['csv']['rows']} rows")
    if args.figures:
        with open(args.figures, 'w', encoding='utf-8') as f:
            json.dump(all_figures, f, indent=1)
    for p in problems[:200]:
        print(p)
    print(f'{len(trees) - len({p.split(":")[0] for p in problems})} passed, '
          f'{len({p.split(":")[0] for p in problems})} failed')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
