"""WSGI entry point: ``gunicorn wsgi:app``."""
from app_pkg.factory import create_app

app = create_app()
