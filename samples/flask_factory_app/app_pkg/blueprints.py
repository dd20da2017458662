"""Every blueprint of the application is declared here.

The routes live in ``app_pkg.views.*``.  The children of ``admin`` are
nested below; the factory registers the top-level blueprints on the app,
so nothing in this module knows its final URL.
"""
from flask import Blueprint

# Public HTML pages; mounted at the root.
site = Blueprint('site', __name__)

# JSON API.  Its rules spell out ``API_PREFIX`` themselves.
api = Blueprint('api', __name__)

# Class-based catalogue views.
catalog = Blueprint('catalog', __name__, url_prefix='/catalog')

# Back office.  The factory mounts it at ``/admin``, not at ``/manage``.
admin = Blueprint('admin', __name__, url_prefix='/manage')

# Children of ``admin`` and one grandchild.  They are nested here, once, at
# import time: doing it inside create_app() would nest them again on every
# call, and Flask refuses a second child with the same name.
audit = Blueprint('audit', __name__, url_prefix='/audit')
settings = Blueprint('settings', __name__, url_prefix='/settings')
flags = Blueprint('flags', __name__)
settings.register_blueprint(flags, url_prefix='/flags')
admin.register_blueprint(audit, url_prefix='/audit-log')
admin.register_blueprint(settings)

# Reports: no prefix of its own, the factory supplies REPORTS_PREFIX.
reports = Blueprint('reports', __name__)
