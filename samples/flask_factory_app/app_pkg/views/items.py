"""JSON item API on the ``api`` blueprint.

The blueprint has no URL prefix, so every rule is built from
``API_PREFIX`` in a different way.
"""
from uuid import UUID

from flask import abort, jsonify, request

from app_pkg.blueprints import api
from app_pkg.constants import API_PREFIX

_ITEMS = {1: {'id': 1, 'name': 'hammer'}, 2: {'id': 2, 'name': 'wrench'}}


@api.before_app_request
def count_requests():
    request.environ['inventory.seen'] = True


@api.teardown_request
def release_item_locks(exc):
    return None


@api.get(API_PREFIX + '/items')
def list_items():
    return jsonify(sorted(_ITEMS.values(), key=lambda item: item['id']))


@api.post(API_PREFIX + '/items')
def create_item():
    new_id = max(_ITEMS) + 1
    _ITEMS[new_id] = {'id': new_id, 'name': request.get_json(force=True)['name']}
    return _ITEMS[new_id], 201


@api.get(API_PREFIX + '/items/<int:item_id>')
def get_item(item_id):
    return _ITEMS.get(item_id) or abort(404)


@api.put('%s/items/<int:item_id>' % API_PREFIX)
def replace_item(item_id):
    _ITEMS[item_id] = dict(request.get_json(force=True), id=item_id)
    return _ITEMS[item_id]


@api.patch('{}/items/<int:item_id>'.format(API_PREFIX))
def update_item(item_id):
    _ITEMS.setdefault(item_id, {'id': item_id}).update(request.get_json(force=True))
    return _ITEMS[item_id]


@api.delete(f'{API_PREFIX}/items/<int:item_id>')
def delete_item(item_id):
    _ITEMS.pop(item_id, None)
    return '', 204


@api.get(f'{API_PREFIX}/tokens/<uuid:token>', endpoint='token_status')
def check_token(token: UUID):
    return {'token': str(token), 'valid': token.version == 4}
