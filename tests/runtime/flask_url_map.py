#!/usr/bin/python3
"""Runtime ground truth for cutover's Flask route extraction.

Imports a Flask application for real and prints its URL map as JSON, so
the static scanner's output can be compared with what Flask itself builds.

    flask_url_map.py APP_DIR --app MODULE[:ATTR | :FACTORY(ARGS)] [--2to3]

  APP_DIR   directory put first on sys.path (the directory holding MODULE)
  --app     "wsgi:app", "shop:create_app()", "shop:create_app('testing')";
            with no attribute, tries app/application, then create_app()/make_app()
  --2to3    copy APP_DIR to a temporary folder and convert it with lib2to3
            (all default fixers) before importing: for Python 2 code bases

Third-party modules that the application imports but that are not installed
(redis, celery, requests, flask extensions, ...) are replaced by permissive
stub modules; everything that is installed (Flask itself) is used for real.
The stubbed names are reported on stderr.  Anything the application prints
while importing goes to stderr too: stdout carries only the JSON, a list of
{"methods": [...], "path": ..., "endpoint": ...} sorted by path, endpoint,
methods, without the automatic HEAD/OPTIONS and without the static-file routes.
"""
import argparse
import ast
import contextlib
import importlib
import importlib.abc
import importlib.machinery
import json
import os
import shutil
import sys
import tempfile
import types
import warnings

# Optional speed-ups that code imports inside ``try: ... except ImportError``
# with a stdlib fallback: stubbing them would replace the working fallback.
NEVER_STUB = frozenset(['simplejson', 'ujson', 'cjson', 'cdecimal', 'lxml'])
# What routing needs for real; with --stub-installed everything else the app
# imports is stubbed even when installed, so a dump does not depend on which
# extension versions a machine happens to have.
ROUTING_STACK = frozenset(['flask', 'werkzeug', 'jinja2', 'markupsafe', 'itsdangerous', 'click',
                           'blinker', 'flask_restful', 'aniso8601', 'pytz', 'six'])


def listed_methods(rule):
    """Methods as `flask routes` lists them: the automatic ones left out.

    Flask adds OPTIONS unless the code declared it, and records which in
    ``rule.provide_automatic_options``. Werkzeug adds HEAD to every rule with
    GET, so a declared HEAD next to GET cannot be told apart: HEAD is listed
    only without GET, and comparisons drop HEAD where GET is present.
    """
    methods = set(rule.methods or ())
    if 'GET' in methods:
        methods.discard('HEAD')
    if getattr(rule, 'provide_automatic_options', True):
        methods.discard('OPTIONS')
    return sorted(methods)


# ---------------------------------------------------------------- stubs --

def _is_exception_name(name):
    return name.endswith(('Error', 'Exception', 'Warning', 'Exit', 'Interrupt'))


class _StubMeta(type):
    """Metaclass of classes derived from stubs: unknown class attributes
    (``Model.query``, ``Column.asc``) are stubs as well."""

    def __getattr__(cls, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return Stub('%s.%s' % (cls.__qualname__, attr))


class _StubBase(metaclass=_StubMeta):
    def __init__(self, *args, **kwargs):
        for key, value in kwargs.items():
            try:
                setattr(self, key, value)
            except AttributeError:
                pass

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return Stub('%s().%s' % (type(self).__qualname__, attr))


_EXCEPTION_CLASSES = {}


def _stub_exception(qualname):
    cls = _EXCEPTION_CLASSES.get(qualname)
    if cls is None:
        cls = type(qualname.rsplit('.', 1)[-1], (Exception,),
                   {'__module__': qualname.rsplit('.', 1)[0]})
        _EXCEPTION_CLASSES[qualname] = cls
    return cls


class Stub(object):
    """Stands for any object of a missing module.

    Attribute access, calls, indexing, iteration and arithmetic all work
    and give stubs (or empty results).  Called with one callable and
    nothing else, it returns that callable unchanged, so ``@stub`` and
    ``@stub(args)`` decorators keep the decorated function or class.
    Used as a base class it turns into a real class of its own.
    Attributes named like exceptions (``...Error``) are exception classes.
    """

    def __init__(self, name):
        object.__setattr__(self, '_stub_name', name)
        object.__setattr__(self, '_stub_class', None)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        name = '%s.%s' % (self._stub_name, attr)
        value = _stub_exception(name) if _is_exception_name(attr) else Stub(name)
        object.__setattr__(self, attr, value)
        return value

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]
        return Stub('%s()' % self._stub_name)

    def __mro_entries__(self, bases):
        cls = self._stub_class
        if cls is None:
            short = self._stub_name.rsplit('.', 1)[-1].replace('()', '') or 'Stub'
            cls = _StubMeta(short, (_StubBase,), {'__module__': self._stub_name.rsplit('.', 1)[0]})
            object.__setattr__(self, '_stub_class', cls)
        return (cls,)

    def __getitem__(self, key):
        return Stub('%s[]' % self._stub_name)

    def __setitem__(self, key, value):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return True

    def __contains__(self, item):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __instancecheck__(self, obj):
        return False

    def __subclasscheck__(self, cls):
        return False

    def __repr__(self):
        return '<stub %s>' % self._stub_name

    __str__ = __repr__

    def __fspath__(self):
        return self._stub_name

    def __index__(self):
        return 0

    def _binop(self, other):
        return Stub('(%s op)' % self._stub_name)

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _binop
    __truediv__ = __rtruediv__ = __floordiv__ = __mod__ = __rmod__ = _binop
    __or__ = __ror__ = __and__ = __rand__ = __xor__ = __lshift__ = __rshift__ = _binop
    __lt__ = __le__ = __gt__ = __ge__ = _binop
    __neg__ = __pos__ = __invert__ = _binop

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


def _module_getattr_for(modname):
    def __getattr__(attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        mod = sys.modules.get(modname)
        name = '%s.%s' % (modname, attr)
        value = _stub_exception(name) if _is_exception_name(attr) else Stub(name)
        if mod is not None:
            setattr(mod, attr, value)
        return value
    return __getattr__


class _StubLoader(importlib.abc.Loader):
    def create_module(self, spec):
        mod = types.ModuleType(spec.name)
        mod.__getattr__ = _module_getattr_for(spec.name)
        mod.__stub__ = True
        return mod

    def exec_module(self, module):
        pass


class MissingModuleStubber(importlib.abc.MetaPathFinder):
    """Last finder on sys.meta_path: only asked about modules no real
    finder could locate.  Stubs them when the import comes from the
    application's code (or is a submodule of a stubbed module), except for
    the application's own packages, whose missing modules stay errors."""

    def __init__(self, app_dir, own_names, never=NEVER_STUB, stub_installed=False):
        self.app_dir = os.path.realpath(app_dir) + os.sep
        self.own_names = set(own_names)
        self.never = set(never)
        self.stub_installed = stub_installed
        self.stubbed = []

    def _imported_from_app(self):
        frame = sys._getframe(2)
        while frame is not None:
            filename = frame.f_code.co_filename
            if not (filename.startswith('<frozen') or 'importlib' in filename):
                return os.path.realpath(filename).startswith(self.app_dir)
            frame = frame.f_back
        return False

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.partition('.')[0]
        if top in self.own_names or top in self.never:
            return None
        if self.stub_installed and (top in ROUTING_STACK or top in sys.stdlib_module_names):
            return None
        parent = sys.modules.get(fullname.rpartition('.')[0]) if '.' in fullname else None
        if '.' in fullname and not getattr(parent, '__stub__', False):
            return None
        if parent is None and not self._imported_from_app():
            return None
        self.stubbed.append(fullname)
        return importlib.machinery.ModuleSpec(fullname, _StubLoader(), is_package=True)


# --------------------------------------------------------------- 2to3 ----

def convert_2to3(src_dir):
    """Copy src_dir into a new temporary folder, run lib2to3 over the copy
    and return (temp_root, converted_dir)."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        warnings.simplefilter('ignore', PendingDeprecationWarning)
        from lib2to3 import refactor

    class CollectingTool(refactor.RefactoringTool):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.failures = []

        def log_error(self, msg, *args, **kwargs):
            self.failures.append(msg % args)

    root = tempfile.mkdtemp(prefix='flask_url_map_')
    dest = os.path.join(root, os.path.basename(os.path.normpath(src_dir)) or 'app')
    shutil.copytree(src_dir, dest, ignore=shutil.ignore_patterns('*.pyc', '__pycache__', '.git'))
    fixers = refactor.get_fixers_from_package('lib2to3.fixes')
    tool = CollectingTool(fixers, options={'print_function': False}, explicit=None)
    tool.refactor_dir(dest, write=True)
    for failure in tool.failures:
        print('2to3: %s' % failure, file=sys.stderr)
    return root, dest


# ------------------------------------------------------------- loading ---

def _own_top_level_names(app_dir):
    names = set()
    for entry in os.listdir(app_dir):
        full = os.path.join(app_dir, entry)
        if entry.endswith('.py'):
            names.add(entry[:-3])
        elif os.path.isdir(full) and os.path.isfile(os.path.join(full, '__init__.py')):
            names.add(entry)
    return names


def _call_factory(module, expr):
    """expr is 'name' or 'name(literal args)'."""
    node = ast.parse(expr.strip(), mode='eval').body
    if isinstance(node, ast.Name):
        return getattr(module, node.id)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        args = [ast.literal_eval(a) for a in node.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
        return getattr(module, node.func.id)(*args, **kwargs)
    raise SystemExit('cannot interpret --app attribute %r' % expr)


def load_app(spec):
    from flask import Flask

    modname, _, attr = spec.partition(':')
    module = importlib.import_module(modname)
    if attr:
        app = _call_factory(module, attr)
    else:
        app = None
        for name in ('app', 'application'):
            if isinstance(getattr(module, name, None), Flask):
                app = getattr(module, name)
                break
        for name in ('create_app', 'make_app'):
            if app is None and callable(getattr(module, name, None)):
                app = getattr(module, name)()
    if not isinstance(app, Flask):
        raise SystemExit('--app %s did not give a Flask application (got %r)' % (spec, app))
    return app


def url_map_rows(app):
    rows = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == 'static' or rule.endpoint.endswith('.static'):
            continue
        rows.append({
            'methods': listed_methods(rule),
            'path': rule.rule,
            'endpoint': rule.endpoint,
        })
    rows.sort(key=lambda r: (r['path'], r['endpoint'], r['methods']))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('app_dir')
    parser.add_argument('--app', required=True, help='MODULE[:ATTR_OR_FACTORY()]')
    parser.add_argument('--2to3', dest='two_to_three', action='store_true',
                        help='convert a copy of APP_DIR with lib2to3 first')
    parser.add_argument('--no-stub', action='append', default=[], metavar='MODULE',
                        help='never stub this missing top-level module (repeatable)')
    parser.add_argument('--stub-installed', action='store_true',
                        help='stub every third-party module the app imports except the '
                             'routing stack, installed or not (machine-independent dumps)')
    args = parser.parse_args(argv)

    if not os.path.isdir(args.app_dir):
        parser.error('not a directory: %s' % args.app_dir)
    sys.dont_write_bytecode = True
    temp_root = None
    app_dir = os.path.abspath(args.app_dir)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            if args.two_to_three:
                temp_root, app_dir = convert_2to3(app_dir)
            stubber = MissingModuleStubber(app_dir, _own_top_level_names(app_dir),
                                           NEVER_STUB.union(args.no_stub), args.stub_installed)
            if args.stub_installed:
                sys.meta_path.insert(0, stubber)  # asked before the real finders
            else:
                sys.meta_path.append(stubber)
            sys.path.insert(0, app_dir)
            old_cwd = os.getcwd()
            os.chdir(app_dir)
            sys.argv = [args.app.partition(':')[0]]
            try:
                app = load_app(args.app)
            except SyntaxError as e:
                hint = '' if args.two_to_three else ' (Python 2 sources? try --2to3)'
                raise SystemExit('cannot import %s: %s%s' % (args.app, e, hint))
            finally:
                os.chdir(old_cwd)
            if stubber.stubbed:
                print('stubbed missing modules: %s' % ', '.join(sorted(set(stubber.stubbed))))
        json.dump(url_map_rows(app), sys.stdout, indent=2)
        sys.stdout.write('\n')
    finally:
        if temp_root is not None:
            shutil.rmtree(temp_root, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
