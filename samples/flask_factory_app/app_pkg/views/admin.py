"""Back office: ``admin`` and its nested blueprints."""
from flask import abort, request

from app_pkg.blueprints import admin, audit, flags, settings

_SETTINGS = {'currency': 'EUR'}
_FLAGS = {'new-checkout': False}


@admin.before_request
def require_staff():
    if request.headers.get('X-Staff') == 'no':
        abort(403)


@admin.after_request
def no_cache(response):
    response.headers['Cache-Control'] = 'no-store'
    return response


@admin.route('/')
def dashboard():
    return 'Back office'


@audit.route('/')
def audit_index():
    return {'entries': []}


@audit.get('/<int:entry_id>')
def audit_entry(entry_id):
    return {'id': entry_id}


@settings.route('/', methods=['GET', 'POST'])
def edit_settings():
    if request.method == 'POST':
        _SETTINGS.update(request.form)
    return _SETTINGS


@flags.post('/<slug:flag>/toggle')
def toggle_flag(flag):
    _FLAGS[flag] = not _FLAGS.get(flag, False)
    return {flag: _FLAGS[flag]}
