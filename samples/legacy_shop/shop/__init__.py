# -*- coding: utf-8 -*-
"""
shop
~~~~

Legacy Shop -- the monolith.  ``create_app`` wires the extensions, the
blueprints of every feature package and the application wide hooks.
"""
import logging
import os
import time

from flask import Flask, g, jsonify, render_template, request
from flask_login import current_user

from shop.extensions import db, login_manager, cache

__version__ = '3.4.1'

log = logging.getLogger(__name__)


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_object('shop.config.BaseConfig')
    if os.environ.get('SHOP_CONFIG'):
        app.config.from_object(os.environ['SHOP_CONFIG'])
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)

    db.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = 'auth.login'
    login_manager.login_message = u'Please log in to continue.'

    _register_blueprints(app)
    _register_hooks(app)
    _register_template_helpers(app)

    @app.route('/')
    def index():
        from shop.catalog.queries import featured_products
        return render_template('index.html', products=featured_products(limit=8))

    @app.route('/healthz', methods=['GET'])
    def healthz():
        status = {'db': 'ok', 'redis': 'ok', 'version': __version__}
        try:
            db.session.execute('SELECT 1')
        except Exception, e:
            status['db'] = str(e)
        try:
            cache.ping()
        except Exception, e:
            status['redis'] = str(e)
        code = 200 if status['db'] == 'ok' else 503
        return jsonify(status), code

    @app.route('/robots.txt', endpoint='robots')
    def robots_txt():
        lines = ['User-agent: *', 'Disallow: /admin/', 'Disallow: /orders/', 'Disallow: /reports']
        return '\n'.join(lines) + '\n', 200, {'Content-Type': 'text/plain'}

    if app.debug:
        print "Legacy Shop %s started with %d url rules" % (__version__, len(list(app.url_map.iter_rules())))
    return app


def _register_blueprints(app):
    from shop.auth import bp as auth_bp
    from shop.users import users_bp
    from shop.catalog import catalog_bp
    from shop.orders import bp as orders_bp
    from shop.reporting import reporting
    from shop.admin import admin_bp
    from shop.notifications import bp as notifications_bp

    app.register_blueprint(auth_bp, url_prefix='/auth')
    app.register_blueprint(users_bp)
    app.register_blueprint(catalog_bp)
    # The blueprint still says '/order' (old bookmarks, see nginx rewrite);
    # the public URL has been '/orders' since 2015.
    app.register_blueprint(orders_bp, url_prefix='/orders')
    app.register_blueprint(reporting, url_prefix='/reports')
    if app.config.get('ENABLE_ADMIN', True):
        app.register_blueprint(admin_bp)
    app.register_blueprint(notifications_bp)


def _register_hooks(app):

    @app.before_request
    def start_timer_and_load_user():
        g.request_started = time.time()
        g.user = current_user if current_user.is_authenticated else None
        g.currency = request.cookies.get('currency', app.config['DEFAULT_CURRENCY'])

    @app.after_request
    def add_timing_header(response):
        started = getattr(g, 'request_started', None)
        if started is not None:
            response.headers['X-Request-Time'] = '%.1fms' % ((time.time() - started) * 1000)
        return response

    @app.teardown_appcontext
    def shutdown_session(exc=None):
        if exc is not None:
            db.session.rollback()
        db.session.remove()

    @app.errorhandler(404)
    def page_not_found(e):
        if request.path.startswith('/hooks/') or request.accept_mimetypes.best == 'application/json':
            return jsonify(error='not found'), 404
        return render_template('errors/404.html'), 404

    @app.errorhandler(500)
    def internal_error(e):
        log.exception('unhandled error on %s', request.path)
        db.session.rollback()
        return render_template('errors/500.html'), 500


def _register_template_helpers(app):
    from shop.utils import format_money

    app.jinja_env.filters['money'] = format_money

    @app.context_processor
    def inject_globals():
        return {
            'shop_version': __version__,
            'current_year': time.gmtime().tm_year,
            'support_email': app.config['SUPPORT_EMAIL'],
        }
