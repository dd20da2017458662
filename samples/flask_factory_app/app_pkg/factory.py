"""Application factory."""
import time

from flask import Flask, g, render_template_string, request

from app_pkg.constants import API_PREFIX, REPORTS_PREFIX
from app_pkg.converters import SlugConverter


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(SECRET_KEY='sample-only')
    if config:
        app.config.update(config)

    # Must be known before any rule that uses <slug:...> is added.
    app.url_map.converters['slug'] = SlugConverter

    from app_pkg.blueprints import admin, api, catalog, reports, site
    # Importing the view modules attaches their routes to the blueprints.
    from app_pkg.views import admin as admin_views  # noqa: F401
    from app_pkg.views import catalog as catalog_views  # noqa: F401
    from app_pkg.views import items, pages, reports as report_views  # noqa: F401
    from app_pkg.views.misc import healthz, version

    _register_hooks(app)

    @app.route('/')
    def index():
        return render_template_string('<a href="/pages/">pages</a> {{ started }}',
                                      started=g.get('started'))

    app.add_url_rule('/healthz', 'healthz', healthz)
    app.add_url_rule('/version', view_func=version, methods=['GET'])

    app.register_blueprint(site)
    app.register_blueprint(api)
    app.register_blueprint(catalog)
    app.register_blueprint(admin, url_prefix='/admin')
    app.register_blueprint(reports, url_prefix=REPORTS_PREFIX)

    app.config['API_ROOT'] = API_PREFIX
    return app


def _register_hooks(app):
    @app.before_request
    def start_timer():
        g.started = time.time()

    @app.after_request
    def add_timing_header(response):
        started = g.get('started')
        if started is not None:
            response.headers['X-Elapsed'] = '%.4f' % (time.time() - started)
        return response

    @app.teardown_request
    def close_resources(exc):
        g.pop('started', None)

    @app.errorhandler(404)
    def not_found(error):
        if request.path.startswith(API_PREFIX):
            return {'error': 'not found'}, 404
        return 'Page not found', 404

    @app.context_processor
    def inject_globals():
        return {'api_root': API_PREFIX}
