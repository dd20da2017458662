#!/usr/bin/env python3
"""The baseline cutover is measured against: a straightforward script with
Python's own `ast` module that walks a tree, parses every .py file once and
collects imports and route decorators (@x.route / @x.get..., path()/url()
calls). Single process, as such a script is written. Files CPython cannot
parse (Python 2) are counted and skipped.

    ast_baseline.py PATH
"""
import ast
import os
import sys

SKIP = {'.git', '__pycache__', 'node_modules', '.venv', 'venv', '.tox'}
ROUTE_METHODS = {'route', 'get', 'post', 'put', 'patch', 'delete', 'api_route'}


def scan(root):
    files = imports = routes = failed = 0
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP)
        for name in sorted(names):
            if not name.endswith('.py'):
                continue
            files += 1
            try:
                with open(os.path.join(folder, name), 'rb') as f:
                    tree = ast.parse(f.read())
            except (SyntaxError, ValueError):
                failed += 1
                continue
            for node in ast.walk(tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    imports += len(node.names)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    for d in node.decorator_list:
                        if (isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
                                and d.func.attr in ROUTE_METHODS):
                            routes += 1
                elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                      and node.func.id in ('path', 're_path', 'url')):
                    routes += 1
    return files, imports, routes, failed


if __name__ == '__main__':
    files, imports, routes, failed = scan(sys.argv[1])
    print(f'ast-baseline: {files} files, {imports} imports, {routes} routes, '
          f'{failed} not parsed (Python 2)')
