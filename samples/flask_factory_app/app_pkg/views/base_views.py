"""Reusable class-based views.  Subclassed in ``app_pkg.views.catalog``."""
from flask import jsonify, request
from flask.views import MethodView


class JsonCollectionView(MethodView):
    """GET lists, POST creates."""

    store = None

    def get(self):
        return jsonify(list((self.store or {}).values()))

    def post(self):
        payload = request.get_json(force=True)
        return payload, 201


class JsonRecordView(MethodView):
    """GET, PUT and PATCH one record; subclasses may allow DELETE."""

    store = None

    def get(self, record_id):
        return (self.store or {}).get(record_id, {})

    def put(self, record_id):
        return dict(request.get_json(force=True), id=record_id)

    def patch(self, record_id):
        return dict(self.get(record_id), **request.get_json(force=True))
