#!/usr/bin/python3
"""Runtime ground truth for cutover's Django route extraction.

Sets up a Django project for real (Debian's Django 3.2 / DRF 3.14), walks
get_resolver() and prints every URL as JSON in the shape of the corpus truth
files: {"framework", "settings", "stubs", "routes": [{methods, path,
path_normalized, endpoint, view, view_kind, file, line, origin,
generated_by?, format_suffix?}]}.

usage: django_urls.py APP_DIR --settings MODULE [--2to3] [--legacy-views]
        [--root REPO_ROOT] [--path DIR]... [--env K=V]... [--no-stub MOD]...

Methods follow the corpus convention: function views list what
require_http_methods & co. (found in the decorator closures) allow, else
"ANY"; class-based views list the handlers the class has among
http_method_names, leaving out head/options when they come from Django's View
or DRF's APIView; DRF viewset routes list their action map. path is the
joined pattern string as Django joins includes (inner '^' kept).

--legacy-views lets a Django 1.x URLconf run on Django 3.2: url() accepts
dotted-string views (resolved with import_string) and patterns(prefix, ...)
exists again. --2to3 converts a copy of APP_DIR first, as flask_url_map.py
does. Missing third-party modules are stubbed (see flask_url_map.py).
"""
import argparse, contextlib, functools, importlib, inspect, json, os, re, sys, types
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flask_url_map as S

HTTP = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']
HTTP_UP = {m.upper() for m in HTTP}


def strip_balanced_groups(p):
    """Replace regex groups with {name} / {} handling nesting."""
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c == '\\' and i + 1 < len(p):
            out.append(p[i:i + 2]); i += 2; continue
        if c == '[':  # char class
            j = i + 1
            if j < len(p) and p[j] == '^': j += 1
            if j < len(p) and p[j] == ']': j += 1
            while j < len(p) and p[j] != ']':
                if p[j] == '\\': j += 1
                j += 1
            out.append(p[i:j + 1]); i = j + 1; continue
        if c == '(':
            depth, j = 0, i
            while j < len(p):
                if p[j] == '\\': j += 2; continue
                if p[j] == '[':
                    j += 1
                    while j < len(p) and p[j] != ']':
                        if p[j] == '\\': j += 1
                        j += 1
                elif p[j] == '(':
                    depth += 1
                elif p[j] == ')':
                    depth -= 1
                    if depth == 0: break
                j += 1
            grp = p[i:j + 1]
            m = re.match(r'\(\?P<([^>]+)>', grp)
            if m:
                out.append('{%s}' % m.group(1))
            elif grp.startswith('(?:') or grp.startswith('(?'):
                inner = strip_balanced_groups(grp[3:-1]) if grp.startswith('(?:') else ''
                out.append(inner)
            else:
                out.append('{}')
            i = j + 1
            # quantifier after group
            if i < len(p) and p[i] in '?*+': i += 1
            continue
        out.append(c); i += 1
    return ''.join(out)


def normalize(path):
    p = strip_balanced_groups(path)
    p = re.sub(r'<(?:[^<>:]+:)?([^<>]+)>', r'{\1}', p)  # converters
    p = p.replace('\\A', '').replace('\\Z', '')
    p = p.replace('^', '').replace('$', '')
    p = re.sub(r'\\(.)', r'\1', p)
    p = re.sub(r'(?<=[/}\w])\?', '', p)
    if not p.startswith('/'):
        p = '/' + p
    return p


def unwrap(f):
    seen = set()
    chain = [f]
    while True:
        nxt = getattr(f, '__wrapped__', None)
        if nxt is None and isinstance(f, functools.partial):
            nxt = f.func
        if nxt is None or id(nxt) in seen:
            break
        seen.add(id(nxt)); f = nxt; chain.append(f)
    return f, chain


def closure_methods(chain):
    for fn in chain:
        code = getattr(fn, '__code__', None)
        cl = getattr(fn, '__closure__', None)
        if not code or not cl:
            continue
        for name, cell in zip(code.co_freevars, cl):
            try:
                v = cell.cell_contents
            except ValueError:
                continue
            if isinstance(v, (list, tuple, set, frozenset)) and v and all(isinstance(x, str) and x.upper() in HTTP_UP for x in v):
                return sorted({x.upper() for x in v})
            if isinstance(v, str) and v.upper() in HTTP_UP and 'method' in name.lower():
                return [v.upper()]
    return None


def class_methods(cls, actions=None, initkwargs=None):
    try:
        from django.views.generic import View
    except Exception:
        View = object
    bases_default = [View]
    try:
        from rest_framework.views import APIView
        bases_default.append(APIView)
    except Exception:
        pass
    names = (initkwargs or {}).get('http_method_names') or getattr(cls, 'http_method_names', HTTP)
    allowed = [m.lower() for m in names]
    if actions is not None:
        return sorted({m.upper() for m in actions if m.lower() in allowed})
    out = []
    for m in allowed:
        h = getattr(cls, m, None)
        if h is None:
            continue
        if m in ('head', 'options'):
            owner = next((k for k in cls.__mro__ if m in k.__dict__), None)
            if owner in bases_default or (owner is not None and owner.__name__ in ('View', 'APIView')):
                continue
        out.append(m.upper())
    return sorted(out)


def source_of(obj, root):
    try:
        f = inspect.getsourcefile(obj)
        if f is None:
            return None, None
        f = os.path.realpath(f)
        try:
            line = inspect.getsourcelines(obj)[1]
        except Exception:
            line = None
        if root and f.startswith(root + os.sep):
            return os.path.relpath(f, root), line
        return None, None
    except Exception:
        return None, None


def qualname(obj):
    mod = getattr(obj, '__module__', None) or '?'
    qn = getattr(obj, '__qualname__', None) or getattr(obj, '__name__', None) or type(obj).__qualname__
    return '%s.%s' % (mod, qn)


def describe(callback, root):
    cls = getattr(callback, 'cls', None)  # DRF
    actions = getattr(callback, 'actions', None)
    if cls is not None and actions is None and getattr(callback, '__closure__', None):
        for name, cell in zip(callback.__code__.co_freevars, callback.__closure__):
            if name == 'actions' and isinstance(cell.cell_contents, dict):
                actions = cell.cell_contents
    vc = getattr(callback, 'view_class', None)
    if cls is not None and actions is not None:
        return dict(view=qualname(cls), kind='drf-viewset', methods=class_methods(cls, actions) or ['ANY'],
                    actions={k.upper(): v for k, v in sorted(actions.items())}, src=cls)
    if cls is not None or vc is not None:
        c = cls or vc
        kind = 'drf-apiview' if cls is not None else 'class-based'
        m = class_methods(c, initkwargs=getattr(callback, 'view_initkwargs', None))
        return dict(view=qualname(c), kind=kind, methods=m or ['ANY'], src=c)
    base, chain = unwrap(callback)
    m = closure_methods(chain)
    # bound methods (admin) -> function
    src = getattr(base, '__func__', base)
    if isinstance(base, functools.partial):
        src = base.func
    return dict(view=qualname(src), kind='function', methods=m or ['ANY'], src=src)


def module_file(modname):
    mod = sys.modules.get(modname)
    if mod is None:
        try:
            mod = importlib.import_module(modname)
        except Exception:
            return None
    f = getattr(mod, '__file__', None)
    return os.path.realpath(f) if f else None


def walk(resolver, prefix, namespaces, declared_in, admin, root, rows):
    from django.urls import URLResolver, URLPattern
    for p in resolver.url_patterns:
        pat = str(p.pattern)
        if isinstance(p, URLResolver):
            ucn = p.urlconf_name
            decl = declared_in
            if isinstance(ucn, str):
                decl = ucn
            elif isinstance(ucn, types.ModuleType):
                decl = ucn.__name__
            is_admin = admin or (p.app_name == 'admin' and not isinstance(ucn, (str, types.ModuleType)))
            ns = namespaces + ([p.namespace] if p.namespace else [])
            walk(p, prefix + pat, ns, decl, is_admin, root, rows)
        elif isinstance(p, URLPattern):
            d = describe(p.callback, root)
            file, line = source_of(d['src'], root)
            path = prefix + pat
            row = {
                'declared_in': declared_in,
                'endpoint': ':'.join(namespaces + [p.name]) if p.name else None,
                'file': file, 'line': line,
                'methods': d['methods'],
                'path': path, 'path_normalized': normalize(path),
                'view': d['view'], 'view_kind': d['kind'],
            }
            if 'actions' in d:
                row['actions'] = d['actions']
            dfile = module_file(declared_in) if declared_in else None
            decl_in_app = bool(dfile and root and dfile.startswith(root + os.sep))
            if admin:
                row['generated_by'] = 'django.contrib.admin'
                row['origin'] = 'app' if file else 'external'
            else:
                row['origin'] = 'app' if decl_in_app else 'external'
            if re.search(r'\(\?P<format>|<(?:\w+:)?format>', pat):
                row['format_suffix'] = True
            rows.append(row)


def install_legacy_views():
    """Django 1.x URLconfs on Django 3.2: string views and patterns()."""
    import django.conf.urls as urls
    from django.urls import re_path
    from django.utils.module_loading import import_string

    class Deferred(tuple):
        """url() with a view name relative to a patterns() prefix."""

    def url(regex, view, kwargs=None, name=None, prefix=''):
        if isinstance(view, str):
            dotted = prefix + '.' + view if prefix else view
            try:
                view = import_string(dotted)
            except ImportError:
                if prefix:
                    raise
                return Deferred((regex, view, kwargs, name))
        return re_path(regex, view, kwargs, name)

    def patterns(prefix, *entries):
        return [url(*e, prefix=prefix) if isinstance(e, Deferred) else e for e in entries]

    from django.urls import include as modern_include

    def include(arg, namespace=None, app_name=None):
        # Django 1.x: a namespace without app_name used the namespace as both.
        if namespace and not isinstance(arg, tuple):
            module = importlib.import_module(arg) if isinstance(arg, str) else arg
            if not getattr(module, 'app_name', None):
                arg = (getattr(module, 'urlpatterns', module), app_name or namespace)
        return modern_include(arg, namespace=namespace)

    urls.url = url
    urls.patterns = patterns
    urls.include = include


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('app_dir')
    ap.add_argument('--settings', required=True)
    ap.add_argument('--root')
    ap.add_argument('--path', action='append', default=[])
    ap.add_argument('--env', action='append', default=[])
    ap.add_argument('--no-stub', action='append', default=[])
    ap.add_argument('--repo'); ap.add_argument('--commit'); ap.add_argument('--settings-desc')
    ap.add_argument('--pre', help='python file exec-ed after stubber install, before django.setup()')
    ap.add_argument('--2to3', dest='two_to_three', action='store_true')
    ap.add_argument('--legacy-views', action='store_true')
    a = ap.parse_args()
    sys.dont_write_bytecode = True
    app_dir = os.path.realpath(a.app_dir)
    if a.two_to_three:
        with contextlib.redirect_stdout(sys.stderr):
            _, app_dir = S.convert_2to3(app_dir)
        app_dir = os.path.realpath(app_dir)
        a.root = None
    root = os.path.realpath(a.root or app_dir)
    for kv in a.env:
        k, _, v = kv.partition('='); os.environ[k] = v
    os.environ['DJANGO_SETTINGS_MODULE'] = a.settings
    dirs = [app_dir] + [os.path.realpath(x) for x in a.path]
    own = set()
    for d in dirs:
        own |= S._own_top_level_names(d)
    stubber = S.MissingModuleStubber(root, own, S.NEVER_STUB.union(a.no_stub))
    with contextlib.redirect_stdout(sys.stderr):
        sys.meta_path.append(stubber)
        for d in reversed(dirs):
            sys.path.insert(0, d)
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        os.chdir(app_dir)
        if a.pre:
            exec(compile(open(a.pre).read(), a.pre, 'exec'), {'__name__': '__pre__'})
        if a.legacy_views:
            install_legacy_views()
        import django
        django.setup()
        from django.urls import get_resolver
        from django.conf import settings
        r = get_resolver()
        rows = []
        walk(r, '', [], settings.ROOT_URLCONF, False, root, rows)
        stubs = sorted(set(stubber.stubbed))
        print('stubbed: %s' % ', '.join(stubs))
    rows.sort(key=lambda x: (x['path'], x['endpoint'] or ''))
    out = {'repo': a.repo, 'commit': a.commit, 'framework': 'django', 'method': 'runtime',
           'settings': a.settings_desc or a.settings, 'stubs': stubs, 'routes': rows}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
