import os, sys, tempfile
from _common import app_entry, root, out, deps_path
import corpuslib, dump_flask
NAME = "powerdns-admin"
e = app_entry(NAME); R = root(NAME)
corpuslib.no_network()
# captcha (lepture/captcha): PIL image generator for the login captcha, only called while
# rendering a page; not packaged in Debian and irrelevant to routing -> stubbed
STUBS = ["captcha"]
finder = corpuslib.install_stubs(STUBS)
deps_path("_deps/flask-sqlalchemy-2.5.1", "_deps/webassets-2.0/src", "_deps/flask-assets-2.0/src", "_deps/flask-seasurf-1.1.1",
          "_deps/lima-0.5", "_deps/flask-session-captcha-1.3.0")  # versions pinned by PowerDNS-Admin v0.4.2
dump_flask.patch_werkzeug()
for k in ("FLASK_CONF", "SESSION_TYPE", "GUNICORN_LOGLEVEL"):
    os.environ.pop(k, None)    # a deployment's env overrides; keep the shipped default_config
sys.path.insert(0, R)
os.chdir(tempfile.mkdtemp())
from powerdnsadmin import create_app
# default_config + an in-memory sqlite database: flask_session_captcha.init_app calls
# create_all() on the (sqlalchemy) session store, which must not write pdns.db into the tree
CONFIG = {"SQLALCHEMY_DATABASE_URI": "sqlite://", "DEBUG": False, "TESTING": False}
app = create_app(CONFIG)
dump_flask.dump(app, R, e["repo"], e["commit"], out(NAME), stubs=finder.used,
                extra={"factory": "powerdnsadmin.create_app(%r) over default_config" % (CONFIG,),
                       "deps_vendored": ["pallets-eco/flask-sqlalchemy@2.5.1", "miracle2k/webassets@2.0", "miracle2k/flask-assets@2.0",
                                         "maxcountryman/flask-seasurf@1.1.1", "b6d/lima@0.5",
                                         "Tethik/flask-session-captcha@v1.3.0"],
                       "not_in_url_map": "/google|github|azure|oidc/authorized: added by index_bp.before_app_first_request "
                                         "(services/*.py, @current_app.route inside a function) only when that OAuth "
                                         "provider is enabled in the settings table; absent from a freshly built app"})
print("routes:", len(app.url_map._rules), "stubs used:", sorted(finder.used))
