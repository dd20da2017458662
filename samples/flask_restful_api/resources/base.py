"""Generic in-memory resources that concrete resources subclass."""
from flask import request
from flask_restful import Resource, abort


class CollectionResource(Resource):
    """GET lists the store, POST adds to it."""

    store = {}

    def get(self):
        return sorted(self.store.values(), key=lambda row: row['id'])

    def post(self):
        row = dict(request.get_json(force=True))
        row['id'] = max(self.store, default=0) + 1
        self.store[row['id']] = row
        return row, 201


class RecordResource(Resource):
    """GET and PUT one record; subclasses decide whether DELETE exists."""

    store = {}

    def _find(self, key):
        if key not in self.store:
            abort(404, message='no record %s' % key)
        return self.store[key]

    def get(self, **ids):
        return self._find(next(iter(ids.values())))

    def put(self, **ids):
        key = next(iter(ids.values()))
        self.store[key] = dict(request.get_json(force=True), id=key)
        return self.store[key]
