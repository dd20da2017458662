#!/usr/bin/python3
"""Runtime route record of samples/fab_app, the Flask-AppBuilder (FAB) sample.

Debian has no Flask-AppBuilder and CI reaches no repository, so this is run by
hand, once per change of the sample, with FAB checked out at a pinned tag; CI
only compares cutover's static inventory with the committed record
(tests/expected/fab_app.runtime_routes.json).

Record command, from the repository root:

    apt-get install python3-flask python3-werkzeug python3-sqlalchemy \\
        python3-flask-babel python3-flask-limiter python3-flask-login \\
        python3-flaskext.wtf python3-wtforms python3-python-flask-jwt-extended \\
        python3-jsonschema python3-marshmallow python3-dateutil python3-jwt \\
        python3-sqlalchemy-utils python3-email-validator python3-colorama \\
        python3-click python3-yaml python3-packaging
    /usr/bin/python3 tests/runtime/fab_url_map.py --mirror MIRROR --deps /tmp/fab_deps

  MIRROR   a folder of bare git mirrors laid out OWNER+NAME/repo (the public
           repositories in PINS below); with --mirror, each pin missing from
           --deps is extracted there (git archive COMMIT | tar -x).
  --deps   where the checkouts live (default /tmp/fab_deps); they are put on
           sys.path ahead of Debian's dist-packages and never committed.
  --check  compare with the committed record instead of writing it (exit 1 if
           it differs).
  -o FILE  write elsewhere ('-' for stdout).

Pins: Flask-AppBuilder v4.3.11 (the last 4.3 release; its own pins, Flask<2.3,
Werkzeug<3, SQLAlchemy<1.5, match bookworm's Flask 2.2.2 / Werkzeug 2.2.2 /
SQLAlchemy 1.4.46). The dependencies Debian ships in a version FAB 4.3.11
accepts come from Debian (list above); the four it does not are pinned here:
Flask-SQLAlchemy 2.5.1 (FAB needs <3, Debian has 3.0.3), marshmallow-sqlalchemy
0.26.1 (<0.27, Debian 0.29.0), apispec 6.3.0 (>=6,<7, Debian 5.2.2), prison
0.2.1 (>=0.2.1, Debian 0.1.3; the repository has no tag for it, the commit is
the merge that released 0.2.1).

The sample is imported for real (nothing stubbed) with the network blocked and
an in-memory SQLite database (STOCKROOM_DATABASE_URI=sqlite://; FAB creates its
security tables there at start-up). Each rule of app.url_map becomes

    {"methods", "path", "endpoint", "origin", "file", "line", "view", ...}

sorted by path, endpoint, methods; methods as tests/runtime/flask_url_map.py
lists them (HEAD dropped next to GET, automatic OPTIONS dropped).
  origin  "app": a rule of one of the sample's own classes (a FAB view/API class
          defined in the sample, also for handlers it inherits from FAB base
          classes, and plain @app.route functions); "external": what FAB
          registers on its own (security views and APIs, IndexView, UtilView,
          LocaleView, OpenApi/SwaggerView, MenuApi) and the static routes.
  file/line  the handler in the sample, relative to samples/fab_app, at its
          first decorator line (inspect.getsourcelines); for a handler the
          sample's class inherits from FAB, the sample's class; null for
          external rules.
  view    module.Class.method of the registered object (module.function for
          plain Flask routes).
  handler_impl, fab_file, fab_line  where the handler is implemented when that
          is in FAB (path relative to the FAB checkout).
  static  true for the static-file rules (Flask's and FAB's "appbuilder" one).
"""
import argparse
import contextlib
import inspect
import json
import os
import socket
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(REPO, 'samples', 'fab_app')
EXPECTED = os.path.join(REPO, 'tests', 'expected', 'fab_app.runtime_routes.json')

# name, repository, version, commit, folder put on sys.path
PINS = [
    ('flask-appbuilder', 'dpgaspar/Flask-AppBuilder', 'v4.3.11',
     '3263e1abc9803f535ca54c792d9f7c6cfa9b5223', '.'),
    ('flask-sqlalchemy', 'pallets-eco/flask-sqlalchemy', '2.5.1',
     'da0e0df80cc368d95dc5a118ce857cead172aded', '.'),
    ('marshmallow-sqlalchemy', 'marshmallow-code/marshmallow-sqlalchemy', '0.26.1',
     'bbee57d4d449de5c62a8656d967d8b16b1b849d9', 'src'),
    ('apispec', 'marshmallow-code/apispec', '6.3.0',
     'b3b85b093d77894a684bda57aec52b2a4bd70b26', 'src'),
    ('prison', 'betodealmeida/python-rison', '0.2.1',
     'b77e5bc7cb1a198f2cbf0366bf9acc10b8e67dd5', '.'),
]
# module -> version the import must report (guards against a stray install)
EXPECTED_VERSIONS = {'flask_appbuilder': '4.3.11', 'flask_sqlalchemy': '2.5.1',
                     'marshmallow_sqlalchemy': '0.26.1', 'apispec': '6.3.0'}


def materialize(mirror, deps):
    for name, repo, _version, commit, _sub in PINS:
        dest = os.path.join(deps, name)
        if os.path.isdir(dest):
            continue
        git_dir = os.path.join(mirror, repo.replace('/', '+'), 'repo')
        if not os.path.isdir(git_dir):
            raise SystemExit('no mirror of %s at %s' % (repo, git_dir))
        os.makedirs(dest)
        archive = subprocess.run(['git', '-C', git_dir, 'archive', commit],
                                 check=True, capture_output=True).stdout
        subprocess.run(['tar', '-x', '-C', dest], input=archive, check=True)


def block_network():
    """The sample needs no network: refuse every non-local socket."""
    real_connect = socket.socket.connect

    def connect(self, address):
        if self.family == getattr(socket, 'AF_UNIX', None):
            return real_connect(self, address)
        raise OSError('network blocked by fab_url_map.py: %r' % (address,))

    socket.socket.connect = connect
    socket.socket.connect_ex = connect
    socket.getaddrinfo = lambda *a, **k: (_ for _ in ()).throw(
        OSError('network blocked by fab_url_map.py'))


KEY_ORDER = ('methods', 'path', 'endpoint', 'origin', 'file', 'line', 'view', 'static',
             'handler_impl', 'fab_file', 'fab_line')


def listed_methods(rule):
    methods = set(rule.methods or ())
    if 'GET' in methods:
        methods.discard('HEAD')
    if getattr(rule, 'provide_automatic_options', True):
        methods.discard('OPTIONS')
    return sorted(methods)


def _inside(path, root):
    return path is not None and os.path.realpath(path).startswith(os.path.realpath(root) + os.sep)


def _location(obj):
    """(realpath of the source file, first line incl. decorators) of obj."""
    obj = inspect.unwrap(obj)
    try:
        path = inspect.getsourcefile(obj)
        _, line = inspect.getsourcelines(obj)
    except (OSError, TypeError):
        return None, None
    return (os.path.realpath(path) if path else None), line


def _dotted(obj):
    obj = inspect.unwrap(obj)
    return '%s.%s' % (obj.__module__, obj.__qualname__)


def routes(app, fab_root):
    views = {}
    for view in app.appbuilder.baseviews:
        if getattr(view, 'blueprint', None) is not None:
            views[view.blueprint.name] = view
    out = []
    for rule in app.url_map.iter_rules():
        row = {'methods': listed_methods(rule), 'path': rule.rule, 'endpoint': rule.endpoint}
        blueprint, _, attr = rule.endpoint.rpartition('.')
        view = views.get(blueprint)
        if attr == 'static' or rule.endpoint == 'static':
            row.update(origin='external', file=None, line=None, view=None, static=True)
        elif view is not None:
            cls = type(view)
            handler = getattr(cls, attr)
            impl_file, impl_line = _location(handler)
            cls_file, cls_line = _location(cls)
            row['view'] = '%s.%s.%s' % (cls.__module__, cls.__qualname__, attr)
            if _inside(cls_file, SAMPLE):
                row['origin'] = 'app'
                if _inside(impl_file, SAMPLE):
                    row['file'], row['line'] = os.path.relpath(impl_file, SAMPLE), impl_line
                else:
                    row['file'], row['line'] = os.path.relpath(cls_file, SAMPLE), cls_line
            else:
                row.update(origin='external', file=None, line=None)
            if _inside(impl_file, fab_root):
                row['handler_impl'] = _dotted(handler)
                row['fab_file'] = os.path.relpath(impl_file, fab_root)
                row['fab_line'] = impl_line
        else:
            func = app.view_functions[rule.endpoint]
            impl_file, impl_line = _location(func)
            row['view'] = _dotted(func)
            if _inside(impl_file, SAMPLE):
                row.update(origin='app', file=os.path.relpath(impl_file, SAMPLE), line=impl_line)
            else:
                row.update(origin='external', file=None, line=None)
        out.append({k: row[k] for k in KEY_ORDER if k in row})
    out.sort(key=lambda r: (r['path'], r['endpoint'], r['methods']))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--deps', default='/tmp/fab_deps')
    parser.add_argument('--mirror')
    parser.add_argument('--check', action='store_true')
    parser.add_argument('-o', '--output', default=EXPECTED)
    args = parser.parse_args(argv)

    deps = os.path.abspath(args.deps)
    if args.mirror:
        materialize(os.path.abspath(args.mirror), deps)
    missing = [name for name, *_ in PINS if not os.path.isdir(os.path.join(deps, name))]
    if missing:
        raise SystemExit('missing checkouts in %s: %s (pass --mirror)' % (deps, ', '.join(missing)))
    fab_root = os.path.join(deps, 'flask-appbuilder')

    sys.dont_write_bytecode = True
    os.environ['STOCKROOM_DATABASE_URI'] = 'sqlite://'
    os.environ.setdefault('STOCKROOM_SECRET_KEY', 'route-record')
    sys.path[:0] = [SAMPLE] + [os.path.normpath(os.path.join(deps, name, sub))
                               for name, _r, _v, _c, sub in PINS]
    block_network()
    with contextlib.redirect_stdout(sys.stderr):
        old_cwd = os.getcwd()
        os.chdir(SAMPLE)
        try:
            from app import app
        finally:
            os.chdir(old_cwd)
    for module, version in EXPECTED_VERSIONS.items():
        got = getattr(sys.modules[module], '__version__', None)
        if got != version:
            raise SystemExit('%s is %s, expected %s' % (module, got, version))
    for module in ('flask_appbuilder', 'flask_sqlalchemy', 'marshmallow_sqlalchemy',
                   'apispec', 'prison'):
        if not _inside(sys.modules[module].__file__, deps):
            raise SystemExit('%s not imported from %s' % (module, deps))

    text = json.dumps(routes(app, fab_root), indent=2) + '\n'
    if args.check:
        with open(EXPECTED, encoding='utf-8') as f:
            if f.read() != text:
                print('fab_app: the live record differs from %s' % EXPECTED)
                return 1
        print('fab_app: record up to date')
        return 0
    if args.output == '-':
        sys.stdout.write(text)
    else:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
