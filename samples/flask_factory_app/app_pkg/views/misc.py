"""App-level views that the factory registers with ``add_url_rule``."""
import platform


def healthz():
    return {'status': 'ok'}


def version():
    return {'python': platform.python_version(), 'app': '2.4.0'}
