#!/usr/bin/env python3
"""Writes a synthetic legacy monolith for benchmarks and scale checks.

    generate_monolith.py OUT --style flask|django --packages N --modules M
                         --routes R [--lines L] [--py2-share S] [--seed K]

N feature packages of M modules each (one of them holds the views), R
routes in all, spread over the packages, and about L source lines in all
(padding functions fill the modules up). Imports fan out like a real
monolith's: each module imports two or three siblings, one or two modules of
a shared `core` package, and now and then a module of another feature package
(which makes a few cycles). A share S of the modules is written in Python 2
(print statements, `except E, e`). Same arguments, same tree: the generator
is seeded and writes no timestamps.
"""
import argparse
import os
import random


def padding(rng, n_lines, name):
    """Plain functions of about eight lines each, until n_lines are written."""
    out = []
    i = 0
    while len(out) < n_lines:
        out += [f'def {name}_{i}(items, limit={rng.randint(1, 99)}):',
                '    total = 0',
                '    for item in items:',
                '        if item and len(item) < limit:',
                '            total += len(item)',
                '    result = {"total": total, "limit": limit}',
                '    return result',
                '']
        i += 1
    return out


def py2_lines(index):
    return [f'def legacy_{index}(value):',
            '    try:',
            '        return int(value)',
            '    except ValueError, e:',
            '        print "bad value", value',
            '        return None',
            '']


class Tree:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.files = 0
        self.lines = 0

    def write(self, rel, lines):
        path = os.path.join(self.args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write('\n'.join(lines) + '\n')
        self.files += 1
        self.lines += len(lines)

    def helper_imports(self, top, pkg, index, packages, modules):
        """Imports of one helper module: siblings, core, sometimes another package."""
        rng = self.rng
        lines = []
        siblings = [k for k in range(1, modules) if k != index]
        for k in sorted(rng.sample(siblings, min(len(siblings), rng.randint(1, 3)))):
            lines.append(f'from {top}.{pkg}.mod_{k} import {pkg}_mod_{k}_helper_0')
        for k in sorted(rng.sample(range(self.args.core_modules), rng.randint(1, 2))):
            lines.append(f'from {top}.core import core_{k}')
        if rng.random() < 0.15 and len(packages) > 1:
            other = rng.choice([p for p in packages if p != pkg])
            lines.append(f'import {top}.{other}.mod_1')
        return lines

    def body(self, name, per_module, index):
        lines = []
        if self.rng.random() < self.args.py2_share:
            lines += py2_lines(index)
        return lines + padding(self.rng, max(8, per_module - len(lines)), name)


def route_counts(args):
    base, extra = divmod(args.routes, args.packages)
    return [base + (1 if i < extra else 0) for i in range(args.packages)]


def write_core(tree, top, per_module):
    tree.write(f'{top}/core/__init__.py', ['"""Shared code every feature uses."""'])
    for k in range(tree.args.core_modules):
        lines = ['import os', 'import json', '']
        if k:
            lines.insert(0, f'from {top}.core import core_{k - 1}')
        tree.write(f'{top}/core/core_{k}.py', lines + tree.body(f'core_{k}', per_module, k))


def flask_views(pkg, routes, top):
    lines = ['from flask import Blueprint, request, jsonify, render_template',
             f'from {top}.{pkg}.mod_1 import {pkg}_mod_1_helper_0',
             f'from {top}.core import core_0', '',
             f"bp = Blueprint('{pkg}', __name__, url_prefix='/{pkg}')", '']
    for r in range(routes):
        kind = r % 4
        if kind == 0:
            lines += [f"@bp.route('/items{r}/')", f'def list_{r}():',
                      "    page = request.args.get('page', 1)",
                      f"    return jsonify(items=[], page=page)", '']
        elif kind == 1:
            lines += [f"@bp.route('/items{r}/<int:item_id>')", f'def show_{r}(item_id):',
                      f"    return render_template('{pkg}/show.html', item_id=item_id)", '']
        elif kind == 2:
            lines += [f"@bp.route('/items{r}/', methods=['POST'])", f'def create_{r}():',
                      "    name = request.form['name']",
                      '    return jsonify(name=name), 201', '']
        else:
            lines += [f"@bp.route('/items{r}/<slug>', methods=['GET', 'PUT', 'DELETE'])",
                      f'def edit_{r}(slug):', '    data = request.get_json()',
                      '    return jsonify(slug=slug, data=data)', '']
    return lines


def django_views(pkg, routes, top):
    lines = ['from django.http import JsonResponse, HttpResponse',
             'from django.shortcuts import render',
             f'from {top}.{pkg}.mod_1 import {pkg}_mod_1_helper_0',
             f'from {top}.core import core_0', '']
    for r in range(routes):
        lines += [f'def view_{r}(request, item_id=None):',
                  "    page = request.GET.get('page', 1)",
                  f"    return JsonResponse({{'page': page, 'id': item_id}})", '']
    return lines


def django_urls(pkg, routes, top):
    lines = ['from django.urls import path', f'from {top}.{pkg} import views', '',
             'urlpatterns = [']
    for r in range(routes):
        if r % 2:
            lines.append(f"    path('items{r}/<int:item_id>/', views.view_{r}, name='{pkg}-{r}'),")
        else:
            lines.append(f"    path('items{r}/', views.view_{r}, name='{pkg}-{r}'),")
    return lines + [']']


def generate(args):
    tree = Tree(args)
    top = 'monolith'
    packages = [f'feature{i:03d}' for i in range(args.packages)]
    modules_total = args.packages * args.modules + args.core_modules
    per_module = max(10, args.lines // max(1, modules_total))
    write_core(tree, top, per_module)
    for pkg, routes in zip(packages, route_counts(args)):
        tree.write(f'{top}/{pkg}/__init__.py', [''])
        views = flask_views if args.style == 'flask' else django_views
        tree.write(f'{top}/{pkg}/views.py', views(pkg, routes, top))
        if args.style == 'django':
            tree.write(f'{top}/{pkg}/urls.py', django_urls(pkg, routes, top))
        for k in range(1, max(2, args.modules)):
            lines = tree.helper_imports(top, pkg, k, packages, max(2, args.modules)) + ['']
            tree.write(f'{top}/{pkg}/mod_{k}.py',
                       lines + tree.body(f'{pkg}_mod_{k}_helper', per_module, k))
    if args.style == 'flask':
        lines = ['from flask import Flask', '', 'def create_app():', '    app = Flask(__name__)']
        for pkg in packages:
            lines += [f'    from {top}.{pkg}.views import bp as {pkg}_bp',
                      f'    app.register_blueprint({pkg}_bp)']
        tree.write(f'{top}/__init__.py', lines + ['    return app'])
    else:
        tree.write(f'{top}/__init__.py', [''])
        tree.write('manage.py', ['import os', 'import sys', '',
                                 "os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
                                 f"'{top}.settings')"])
        tree.write(f'{top}/settings.py', [f"ROOT_URLCONF = '{top}.urls'", 'INSTALLED_APPS = ['] +
                   [f"    '{top}.{pkg}'," for pkg in packages] + [']'])
        tree.write(f'{top}/urls.py', ['from django.urls import include, path', '',
                                      'urlpatterns = ['] +
                   [f"    path('{pkg}/', include('{top}.{pkg}.urls'))," for pkg in packages] + [']'])
    return tree


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--style', choices=['flask', 'django'], default='flask')
    parser.add_argument('--packages', type=int, default=20)
    parser.add_argument('--modules', type=int, default=10, help='modules per feature package')
    parser.add_argument('--core-modules', type=int, default=10)
    parser.add_argument('--routes', type=int, default=200)
    parser.add_argument('--lines', type=int, default=50000)
    parser.add_argument('--py2-share', type=float, default=0.2)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    tree = generate(args)
    print(f'{args.out}: {tree.files} files, {tree.lines} lines, {args.routes} routes')


if __name__ == '__main__':
    main()
