import os, sys, tempfile
from _common import app_entry, root, out, deps_path
import corpuslib, dump_flask
NAME = "lemur"
e = app_entry(NAME); R = root(NAME)
corpuslib.no_network()
# not packaged in Debian and irrelevant to routing -> stubbed
STUBS = ["flask_replicated",   # read-replica session routing (only used if SQLALCHEMY_ENABLE_FLASK_REPLICATED)
         "dyn", "certsrv", "google.cloud", "google.api_core", "google.protobuf"]  # DNS/CA/GCS SDKs imported by bundled plugins (plugin classes, no routes)
finder = corpuslib.install_stubs(STUBS)
deps_path("_deps/sqlalchemy-1.3.24/lib", "_deps/flask-sqlalchemy-2.5.1",
          "_deps/marshmallow-2.21.0/src", "_deps/marshmallow-sqlalchemy-0.23.1/src")  # versions pinned by lemur
dump_flask.patch_werkzeug()
sys.path.insert(0, R)
work = tempfile.mkdtemp()
os.chdir(work)
conf = os.path.join(work, "lemur.conf.py")
with open(conf, "w") as fh:
    fh.write(r'''
import base64
DEBUG = False
TESTING = False
CORS = False
SECRET_KEY = b"x" * 32
LEMUR_TOKEN_SECRET = "corpus"
LEMUR_TOKEN_SECRETS = [LEMUR_TOKEN_SECRET]
LEMUR_ENCRYPTION_KEYS = base64.urlsafe_b64encode(b"x" * 32)
OAUTH_STATE_TOKEN_SECRET = base64.b64encode(b"x" * 32)
LEMUR_EMAIL = "lemur@example.com"
LEMUR_SECURITY_TEAM_EMAIL = ["security@example.com"]
LEMUR_DEFAULT_COUNTRY = "US"
LEMUR_DEFAULT_STATE = "CA"
LEMUR_DEFAULT_LOCATION = "X"
LEMUR_DEFAULT_ORGANIZATION = "X"
LEMUR_DEFAULT_ORGANIZATIONAL_UNIT = "X"
LOG_FILE = "lemur.log"
LOG_LEVEL = "WARNING"
SQLALCHEMY_DATABASE_URI = "postgresql://corpus@127.0.0.1:1/none"   # never connected
SQLALCHEMY_TRACK_MODIFICATIONS = False
''')
# lemur is not pip-installed here: give it the dist metadata of its pyproject.toml so that
# factory.install_plugins() finds the bundled plugins through the "lemur.plugins" entry points
# (plugins are issuer/destination/notification classes; none registers a route)
import tomllib
with open(os.path.join(R, "pyproject.toml"), "rb") as fh:
    eps = tomllib.load(fh)["project"]["entry-points"]
corpuslib.fake_dist_metadata([("lemur", "1.9.3")], entry_points={"lemur": {"lemur.plugins": eps["lemur.plugins"]}})
import lemur
app = lemur.create_app(conf)
dump_flask.dump(app, R, e["repo"], e["commit"], out(NAME), stubs=finder.used,
                extra={"factory": "lemur.create_app(CONFIG_PATH=generated minimal lemur.conf.py: DEBUG off, CORS off, postgres URL never connected)",
                       "entry_points": "lemur.plugins from pyproject.toml via fake dist metadata (all bundled plugins load)",
                       "deps_vendored": ["sqlalchemy/sqlalchemy@rel_1_3_24", "pallets-eco/flask-sqlalchemy@2.5.1",
                                         "marshmallow-code/marshmallow@2.21.0", "marshmallow-code/marshmallow-sqlalchemy@0.23.1"]})
print("routes:", len(app.url_map._rules), "stubs used:", sorted(finder.used))
