#!/usr/bin/python3
"""Independent reference for the *internal* import edges of a Python tree.

    import_edges.py ROOT [--json] [--stats]

Prints the sorted distinct internal edges ``from -> to`` (module names), one
per line; ``--json`` prints modules, edges (each with its first file:line) and
parse statistics instead; ``--stats`` adds the statistics on stderr.

Written from the Python import semantics with the standard library only
(``ast``; ``lib2to3`` for Python 2 files), not from cutover's code, so that
cutover's import resolution can be checked against it (compare_edges.py).
Model (see README.md next to this file):

* every folder without ``__init__.py`` that holds modules is a ``sys.path``
  entry (a *source root*); a module is named by its dotted path below it;
  folders above a source root join the name (PEP 420 namespace packages)
  when the tree's absolute imports spell the modules that way more often
  than by their bare names;
* an edge goes to the module an import names: ``import a.b.c`` -> a.b.c,
  ``from a.b import c`` -> a.b.c when that is a module, else a.b; none when
  that module is not in the tree (the import fails there);
* Python 2 implicit relative imports are decided per file dialect:
  Python 2 files (ast rejects them, lib2to3 reads them) use them, files with
  Python-3-only syntax never do, and files of undecided dialect follow the
  dialect of their source root, or, when that is mixed or undecided too,
  use them except for standard-library names;
* ``__import__('a.b')`` and ``importlib.import_module('a.b'[, pkg])`` with
  literal strings count as imports.
"""
import argparse
import ast
import io
import json
import os
import sys
import tokenize
import warnings

SKIP_DIRS = frozenset(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.tox', '.nox',
                       '.venv', 'venv', '.mypy_cache', '.pytest_cache', '.eggs',
                       'site-packages', '.ruff_cache', '.direnv'])

# Standard-library modules of Python 2 that Python 3 renamed or removed.
PY2_STDLIB = frozenset('''
    __builtin__ anydbm BaseHTTPServer Bastion bsddb CGIHTTPServer commands compiler ConfigParser
    Cookie cookielib copy_reg cPickle cProfile cStringIO dbhash dircache DocXMLRPCServer
    dumbdbm dummy_thread exceptions fpformat future_builtins gdbm htmlentitydefs htmllib
    HTMLParser httplib imputil md5 mhlib mimetools MimeWriter mimify multifile new popen2
    posixfile Queue repr rexec rfc822 robotparser ScrolledText sets sgmllib sha
    SimpleHTTPServer SimpleXMLRPCServer SocketServer statvfs StringIO thread Tix Tkinter
    tkMessageBox tkFileDialog ttk urllib2 urlparse user UserDict UserList UserString whichdb
    xmlrpclib'''.split())
STDLIB = frozenset(sys.stdlib_module_names) | PY2_STDLIB
# Built-in and frozen modules are found before any sys.path entry: a module of
# the tree with such a name (tests/constants/time.py) never shadows them.
# Fixed list (upstream CPython 3.11 Modules/Setup.bootstrap and the frozen
# modules) so that the result does not depend on how an interpreter was built
# (Debian builds math, zlib, select, ... in as well).
NEVER_SHADOWED = frozenset('''
    _abc _ast _codecs _collections _functools _imp _io _locale _operator _signal _sre _stat
    _string _symtable _thread _tokenize _tracemalloc _warnings _weakref atexit builtins errno
    faulthandler gc itertools marshal posix pwd sys time xxsubtype
    _collections_abc _frozen_importlib _frozen_importlib_external _sitebuiltins abc codecs
    genericpath io ntpath os posixpath runpy site stat zipimport'''.split())

# lib2to3 fixers left out: those that rewrite imports (fix_import would turn
# Python 2 implicit relative imports into explicit ones; fix_imports,
# fix_imports2 and fix_urllib rename standard-library modules) and fix_future,
# which deletes ``from __future__ import absolute_import``.
SKIPPED_FIXERS = frozenset(['fix_import', 'fix_imports', 'fix_imports2', 'fix_urllib', 'fix_future'])

PY2, PY3, UNKNOWN = 'py2', 'py3', '?'


# ------------------------------------------------------------ discovery ----

def is_package_dir(path):
    return os.path.isfile(os.path.join(path, '__init__.py'))


def discover(scan_root):
    """Relative '/'-separated paths of the .py files under scan_root."""
    found = []
    for dirpath, dirnames, filenames in os.walk(scan_root):
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if d in SKIP_DIRS or os.path.islink(full):
                continue
            if os.path.isfile(os.path.join(full, 'pyvenv.cfg')) or \
                    os.path.isfile(os.path.join(full, 'bin', 'activate')):
                continue
            keep.append(d)
        dirnames[:] = sorted(keep)
        for f in sorted(filenames):
            if f.endswith('.py') and os.path.isfile(os.path.join(dirpath, f)):
                found.append(os.path.relpath(os.path.join(dirpath, f), scan_root).replace(os.sep, '/'))
    return sorted(found)


# -------------------------------------------------------------- parsing ----

_TOOL = None


def _refactoring_tool():
    global _TOOL
    if _TOOL is None:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            from lib2to3 import refactor
        fixers = [f for f in refactor.get_fixers_from_package('lib2to3.fixes')
                  if f.rsplit('.', 1)[-1] not in SKIPPED_FIXERS]
        _TOOL = refactor.RefactoringTool(fixers, options={'print_function': False})
    return _TOOL


def decode(data):
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(enc)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return data.decode('latin-1')


def _escape_bytes_literals(text):
    """Python 2 allowed non-ASCII characters in b'' literals; Python 3 does
    not: spell them as \\x escapes (same lines, so line numbers hold)."""
    lines = text.splitlines(True)
    edits = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.STRING and not tok.string.isascii():
                prefix = tok.string[:len(tok.string) - len(tok.string.lstrip('bBrRuUfF'))]
                if 'b' in prefix.lower():
                    edits.append(tok)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    if not edits:
        return None
    for tok in reversed(edits):
        (r0, c0), (r1, c1) = tok.start, tok.end
        fixed = ''.join(ch if ch.isascii() else ''.join('\\x%02x' % b for b in ch.encode('utf-8'))
                        for ch in tok.string)
        if r0 == r1:
            lines[r0 - 1] = lines[r0 - 1][:c0] + fixed + lines[r0 - 1][c1:]
        else:   # one line, then as many empty lines: the line count holds
            fixed = fixed.replace('\n', '\\n')
            lines[r0 - 1:r1] = [lines[r0 - 1][:c0] + fixed + lines[r1 - 1][c1:]] + ['\n'] * (r1 - r0)
    return ''.join(lines)


def _parse_ladder(src, path):
    """ast.parse, then with async/await as names (Python <= 3.6), then with
    Python 2 byte literals escaped.  Raises SyntaxError/ValueError."""
    try:
        return ast.parse(src, filename=path)
    except (SyntaxError, ValueError) as first:
        error = first
    try:
        return ast.parse(src, filename=path, feature_version=(3, 4))
    except (SyntaxError, ValueError):
        pass
    if isinstance(src, str):
        escaped = _escape_bytes_literals(src)
        if escaped is not None:
            for version in (None, (3, 4)):
                try:
                    return ast.parse(escaped, filename=path, feature_version=version)
                except (SyntaxError, ValueError):
                    pass
    raise error


def parse_file(path):
    """(tree or None, how) with how in 'py3', 'decoded', '2to3', 'failed'."""
    with open(path, 'rb') as fh:
        data = fh.read()
    try:
        return ast.parse(data, filename=path), 'py3'
    except (SyntaxError, ValueError):
        pass
    try:   # Python 3.4-3.6 code using async/await as names
        return ast.parse(data, filename=path, feature_version=(3, 4)), 'py3'
    except (SyntaxError, ValueError):
        pass
    text = decode(data).replace('\r\n', '\n').replace('\r', '\n')
    if text.startswith('\ufeff'):
        text = text[1:]
    try:   # undeclared non-UTF-8 bytes, otherwise valid
        return ast.parse(text, filename=path), 'decoded'
    except (SyntaxError, ValueError):
        pass
    if not text.endswith('\n'):
        text += '\n'
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            converted = str(_refactoring_tool().refactor_string(text, path))
    except Exception:  # lib2to3 ParseError, TokenError, ...
        converted = None
    for candidate in ([converted] if converted is not None else []) + [text]:
        try:
            return _parse_ladder(candidate, path), '2to3'
        except (SyntaxError, ValueError):
            pass
    return None, 'failed'


def py3_only_syntax(tree):
    """True when the file uses syntax Python 2 cannot run."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.JoinedStr, ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith,
                             ast.Await, ast.AnnAssign, ast.Nonlocal, ast.YieldFrom,
                             ast.NamedExpr, ast.Match)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            a = node.args
            if a.kwonlyargs or a.posonlyargs:
                return True
            if isinstance(node, ast.FunctionDef) and node.returns is not None:
                return True
            for arg in a.args + [a.vararg, a.kwarg]:
                if arg is not None and arg.annotation is not None:
                    return True
        if isinstance(node, ast.Raise) and node.cause is not None:
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            return True
        if isinstance(node, (ast.Assign, ast.For)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, (ast.Tuple, ast.List)) and any(isinstance(e, ast.Starred) for e in t.elts):
                    return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id == 'super' and not node.args and not node.keywords:
            return True
    return False


class Fact:
    """One imported name: kind 'import' (import a.b), 'from' (from a import n),
    'dynamic' (__import__/import_module); level as in ast.ImportFrom."""
    __slots__ = ('kind', 'module', 'name', 'level', 'line', 'implicit_ok', 'anchor')

    def __init__(self, kind, module, name, level, line, implicit_ok=True, anchor=None):
        self.kind, self.module, self.name, self.level, self.line = kind, module, name, level, line
        self.implicit_ok = implicit_ok   # may be a Python 2 implicit relative import
        self.anchor = anchor             # import_module(..., package=): 'name', 'package' or a literal


def _const_str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def collect_facts(tree):
    """(facts, has_absolute_import)."""
    facts = []
    absolute_import = False
    importlib_names, import_module_names = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                facts.append(Fact('import', alias.name, None, 0, node.lineno))
                if alias.name == 'importlib':
                    importlib_names.add(alias.asname or 'importlib')
        elif isinstance(node, ast.ImportFrom):
            if node.module == '__future__':
                if any(a.name == 'absolute_import' for a in node.names):
                    absolute_import = True
                continue
            for alias in node.names:
                facts.append(Fact('from', node.module, alias.name, node.level, node.lineno))
                if node.level == 0 and node.module in ('importlib', 'django.utils.importlib') and \
                        alias.name == 'import_module':
                    import_module_names.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        target = _const_str(node.args[0])
        if target is None or not target:
            continue
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        if isinstance(f, ast.Name) and f.id == '__import__':
            level_node = node.args[4] if len(node.args) > 4 else kw.get('level')
            level = level_node.value if isinstance(level_node, ast.Constant) and \
                isinstance(level_node.value, int) else None
            if level is None and level_node is not None:
                continue
            facts.append(Fact('dynamic', target, None, level or 0, node.lineno,
                              implicit_ok=level is None))
        elif (isinstance(f, ast.Attribute) and f.attr == 'import_module' and
              isinstance(f.value, ast.Name) and f.value.id in importlib_names) or \
                (isinstance(f, ast.Name) and f.id in import_module_names):
            pkg_node = node.args[1] if len(node.args) > 1 else kw.get('package')
            level = len(target) - len(target.lstrip('.'))
            anchor = None
            if level:
                if isinstance(pkg_node, ast.Name) and pkg_node.id in ('__name__', '__package__'):
                    anchor = pkg_node.id.strip('_')
                elif _const_str(pkg_node):
                    anchor = ':' + _const_str(pkg_node)
                else:
                    continue
            facts.append(Fact('dynamic', target[level:], None, level, node.lineno,
                              implicit_ok=False, anchor=anchor))
    return facts, absolute_import


# ------------------------------------------------------------- modules -----

class Module:
    __slots__ = ('path', 'root', 'parts', 'name', 'is_pkg', 'facts', 'absolute_import',
                 'dialect', 'label')

    def __init__(self, path, root, parts, is_pkg):
        self.path, self.root, self.parts, self.is_pkg = path, root, parts, is_pkg
        self.name = '.'.join(parts)
        self.facts, self.absolute_import, self.dialect, self.label = [], False, UNKNOWN, self.name

    @property
    def package(self):
        return self.name if self.is_pkg else self.name.rpartition('.')[0]


class Tree:
    def __init__(self, scan_root):
        self.scan_root = os.path.abspath(scan_root)
        self.stats = {'files': 0, 'parsed_py3': 0, 'decoded_fallback': 0, 'converted_2to3': 0,
                      'unparseable': 0, 'unparseable_files': [], 'namespace_prefixes': {},
                      'ambiguous_lookups': 0, 'missing_targets': 0, 'implicit_relative': 0}
        self.modules = []
        for rel in discover(self.scan_root):
            self.modules.append(self._make_module(rel))
        self._parse_all()
        self._namespace_prefixes()
        self.by_name = {}
        for m in self.modules:
            self.by_name.setdefault(m.name, []).append(m)
        for ms in self.by_name.values():
            # a package shadows a same-named plain module of the same root
            if len(ms) > 1:
                roots = {}
                for m in ms:
                    roots.setdefault(m.root, []).append(m)
                ms[:] = [sorted(g, key=lambda m: not m.is_pkg)[0] for g in roots.values()]
                if len(ms) > 1:
                    for m in ms:
                        m.label = '%s:%s' % (self._rel(m.root), m.name)
        self._root_dialects()

    def _rel(self, absdir):
        return os.path.relpath(absdir, self.scan_root).replace(os.sep, '/')

    def _make_module(self, rel):
        full = os.path.join(self.scan_root, rel)
        d = os.path.dirname(full)
        parts = [] if os.path.basename(rel) == '__init__.py' else [os.path.basename(rel)[:-3]]
        is_pkg = not parts
        while is_package_dir(d):   # goes above the scan root when that is a package
            parts.insert(0, os.path.basename(d))
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        return Module(rel, d, parts, is_pkg)

    def _parse_all(self):
        for m in self.modules:
            self.stats['files'] += 1
            tree, how = parse_file(os.path.join(self.scan_root, m.path))
            if tree is None:
                self.stats['unparseable'] += 1
                self.stats['unparseable_files'].append(m.path)
                continue
            self.stats[{'py3': 'parsed_py3', 'decoded': 'decoded_fallback',
                        '2to3': 'converted_2to3'}[how]] += 1
            m.facts, m.absolute_import = collect_facts(tree)
            if how == '2to3':
                m.dialect = PY2
            elif py3_only_syntax(tree):
                m.dialect = PY3

    def _namespace_prefixes(self):
        """PEP 420: name a source root's modules through the folders above it
        when the absolute imports of the tree do so more often than not."""
        roots = {}
        for m in self.modules:
            roots.setdefault(m.root, []).append(m)
        absolute = [self._spellings(f) for m in self.modules for f in m.facts if f.level == 0]
        for root, members in sorted(roots.items()):
            if not (root + os.sep).startswith(self.scan_root + os.sep) or root == self.scan_root:
                continue
            tops = {m.parts[0] for m in members if m.parts}
            rel_parts = os.path.relpath(root, self.scan_root).split(os.sep)
            candidates = [rel_parts[i:] for i in range(len(rel_parts) - 1, -1, -1)]
            candidates = [c for c in candidates if all(p.isidentifier() for p in c)]

            def uses(prefix):
                n = 0
                for spellings in absolute:
                    if any(s[:len(prefix)] == prefix and len(s) > len(prefix) and s[len(prefix)] in tops
                           and (prefix or s[0] not in NEVER_SHADOWED) for s in spellings):
                        n += 1
                return n
            bare = uses([])
            best, best_n = None, bare
            for c in candidates:   # nearest folders first; ties keep the nearer one
                n = uses(c)
                if n > best_n:
                    best, best_n = c, n
            if best:
                self.stats['namespace_prefixes'][self._rel(root)] = '.'.join(best)
                for m in members:
                    m.parts = list(best) + m.parts
                    m.name = m.label = '.'.join(m.parts)
                    m.root = os.path.normpath(os.path.join(root, *(['..'] * len(best))))

    @staticmethod
    def _spellings(f):
        if f.kind == 'from' and f.module:
            return [f.module.split('.'), (f.module + '.' + f.name).split('.')]
        if f.kind == 'from':
            return [[f.name]]
        return [f.module.split('.')]

    def _root_dialects(self):
        by_root = {}
        for m in self.modules:
            by_root.setdefault(m.root, set()).add(m.dialect)
        self.root_dialect = {}
        for root, ds in by_root.items():
            known = ds - {UNKNOWN}
            self.root_dialect[root] = known.pop() if len(known) == 1 else UNKNOWN

    # ---------------------------------------------------------- lookup ----

    def find(self, name, importer):
        ms = self.by_name.get(name)
        if not ms:
            return None
        if len(ms) == 1:
            return ms[0]
        # the one whose source root shares the most leading folders with the importer
        here = os.path.join(self.scan_root, importer.path).split(os.sep)

        def shared(m):
            there = m.root.split(os.sep)
            n = 0
            while n < min(len(here), len(there)) and here[n] == there[n]:
                n += 1
            return n
        ranked = sorted(ms, key=lambda m: (-shared(m), m.path))
        if len(ranked) > 1 and shared(ranked[0]) == shared(ranked[1]):
            self.stats['ambiguous_lookups'] += 1
        return ranked[0]

    def uses_implicit_relative(self, m, first):
        if m.absolute_import or not m.package:
            return False
        dialect = m.dialect if m.dialect != UNKNOWN else self.root_dialect[m.root]
        if dialect == PY2:
            return True
        if dialect == PY3:
            return False
        return first not in STDLIB

    def resolve(self, m, f):
        """The internal Module an import fact loads, or None."""
        if f.level:
            if f.anchor is None:
                base = m.package
            elif f.anchor == 'name':
                base = m.name
            elif f.anchor == 'package':
                base = m.package
            else:
                base = f.anchor[1:]
            parts = base.split('.') if base else []
            up = f.level - 1
            if up > len(parts) or (not parts):
                return None
            parts = parts[:len(parts) - up]
            if not parts:
                return None
            module = '.'.join(parts + ([f.module] if f.module else []))
        else:
            module = f.module
            if module is None:
                return None
            first = (module.split('.') if module else [f.name])[0]
            if f.implicit_ok and self.uses_implicit_relative(m, first) and \
                    self.find(m.package + '.' + first, m) is not None:
                self.stats['implicit_relative'] += 1
                module = m.package + '.' + module
            elif first in NEVER_SHADOWED:
                return None
        if f.kind == 'from' and f.name != '*':
            sub = self.find(module + '.' + f.name, m)
            if sub is not None:
                return sub
        target = self.find(module, m)
        if target is None and self.find(module.split('.')[0], m) is not None:
            # the named module is missing (local_settings.py left out of the
            # repository, a *.py.example): the import fails, no edge
            self.stats['missing_targets'] += 1
        return target

    def edges(self):
        """{(from Module, to Module): (file, line)} of the first occurrence."""
        out = {}
        for m in self.modules:
            for f in sorted(m.facts, key=lambda f: f.line):
                t = self.resolve(m, f)
                if t is not None and (m, t) not in out:
                    out[(m, t)] = (m.path, f.line)
        return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('root')
    ap.add_argument('--json', action='store_true', help='modules, edges and statistics as JSON')
    ap.add_argument('--stats', action='store_true', help='parse statistics on stderr')
    args = ap.parse_args(argv)
    tree = Tree(args.root)
    edges = tree.edges()
    if args.json:
        json.dump({'modules': sorted([{'name': m.label, 'path': m.path, 'dialect': m.dialect}
                                      for m in tree.modules], key=lambda x: x['path']),
                   'edges': sorted([{'from': a.label, 'to': b.label, 'from_path': a.path,
                                     'to_path': b.path, 'file': loc[0], 'line': loc[1]}
                                    for (a, b), loc in edges.items()],
                                   key=lambda e: (e['from'], e['to'])),
                   'stats': tree.stats}, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        for line in sorted({'%s -> %s' % (a.label, b.label) for (a, b) in edges}):
            print(line)
    if args.stats:
        print(json.dumps(tree.stats, sort_keys=True), file=sys.stderr)


if __name__ == '__main__':
    main()
