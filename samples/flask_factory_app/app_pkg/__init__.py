"""Small inventory service used as a cutover sample (Flask 2 app factory).

The application object is built by :func:`app_pkg.factory.create_app`.
"""
