#!/usr/bin/env python3
"""Dumps the routes a FastAPI app really serves, as JSON, with Debian's FastAPI.

usage: fastapi_routes.py APP_DIR --app MODULE:ATTRIBUTE

Walks app.routes, descending into mounted FastAPI/Starlette applications with
the mount path as prefix. Each APIRoute gives {methods, path, endpoint}
(endpoint: the route's name). A mount of anything else (StaticFiles) is
written as cutover writes it: method ANY, path MOUNT/{path:path}, endpoint
the mount's name. Routes FastAPI adds by itself (openapi.json, docs, redoc)
carry "origin": "external".
"""
import argparse
import importlib
import json
import sys

from fastapi.routing import APIRoute, APIWebSocketRoute
from starlette.routing import Mount, Route, Router


def walk(routes, prefix, out):
    for route in routes:
        if isinstance(route, APIRoute):
            out.append({'methods': sorted(route.methods), 'path': prefix + route.path,
                        'endpoint': route.name})
        elif isinstance(route, APIWebSocketRoute):
            out.append({'methods': ['WEBSOCKET'], 'path': prefix + route.path,
                        'endpoint': route.name})
        elif isinstance(route, Mount):
            inner = getattr(route.app, 'routes', None)
            if inner is not None and isinstance(getattr(route.app, 'router', route.app), Router):
                walk(inner, prefix + route.path, out)
            else:
                out.append({'methods': ['ANY'], 'path': prefix + route.path + '/{path:path}',
                            'endpoint': route.name or 'mount'})
        elif isinstance(route, Route):
            out.append({'methods': sorted(route.methods or []), 'path': prefix + route.path,
                        'endpoint': route.name, 'origin': 'external'})
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('app_dir')
    parser.add_argument('--app', required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.app_dir)
    module, attribute = args.app.split(':')
    app = getattr(importlib.import_module(module), attribute)
    routes = sorted(walk(app.routes, '', []), key=lambda r: (r['path'], r['methods']))
    json.dump(routes, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
