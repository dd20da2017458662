"""Public catalogue resources."""
from flask import request
from flask_restful import Resource

from resources.base import CollectionResource, RecordResource

BOOKS = {1: {'id': 1, 'title': 'Dune', 'author_id': 1}}
AUTHORS = {1: {'id': 1, 'name': 'Frank Herbert'}}


class BookList(CollectionResource):
    store = BOOKS


class Book(RecordResource):
    """Inherits get/put; adds delete."""

    store = BOOKS

    def delete(self, book_id):
        self.store.pop(book_id, None)
        return '', 204


class AuthorList(Resource):
    def get(self):
        return list(AUTHORS.values())

    def post(self):
        author = dict(request.get_json(force=True), id=len(AUTHORS) + 1)
        AUTHORS[author['id']] = author
        return author, 201


class Author(Resource):
    def get(self, author_id):
        return AUTHORS.get(author_id, {})

    def put(self, author_id):
        AUTHORS[author_id] = dict(request.get_json(force=True), id=author_id)
        return AUTHORS[author_id]

    def delete(self, author_id):
        AUTHORS.pop(author_id, None)
        return '', 204


class Ping(Resource):
    def get(self):
        return {'pong': True}
