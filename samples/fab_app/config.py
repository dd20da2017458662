"""Stockroom settings. Override anything secret or machine-specific through the
environment; the defaults are for a developer laptop."""
import os

from flask_appbuilder.security.manager import AUTH_DB

basedir = os.path.abspath(os.path.dirname(__file__))

SECRET_KEY = os.environ.get("STOCKROOM_SECRET_KEY", "dev-only-not-a-secret")
SQLALCHEMY_DATABASE_URI = os.environ.get(
    "STOCKROOM_DATABASE_URI", "sqlite:///" + os.path.join(basedir, "stockroom.db")
)
SQLALCHEMY_TRACK_MODIFICATIONS = False
CSRF_ENABLED = True

APP_NAME = "Stockroom"
APP_THEME = ""

AUTH_TYPE = AUTH_DB
AUTH_ROLE_ADMIN = "Admin"
AUTH_ROLE_PUBLIC = "Public"

# The warehouse tablets read the REST API; the docs are handy for their developers.
FAB_API_SWAGGER_UI = True

BABEL_DEFAULT_LOCALE = "en"
LANGUAGES = {
    "en": {"flag": "gb", "name": "English"},
    "de": {"flag": "de", "name": "Deutsch"},
}
