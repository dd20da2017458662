"""Catalogue: class-based views registered with ``add_url_rule``."""
from flask import request
from flask.views import View

from app_pkg.blueprints import catalog
from app_pkg.views.base_views import JsonCollectionView, JsonRecordView

PRODUCTS = {1: {'id': 1, 'name': 'drill'}}
CATEGORIES = {1: {'id': 1, 'name': 'tools'}}


class ProductView(JsonRecordView):
    """Inherits GET/PUT/PATCH and adds DELETE."""

    store = PRODUCTS

    def delete(self, record_id):
        self.store.pop(record_id, None)
        return '', 204


class CategoryListView(JsonCollectionView):
    store = CATEGORIES


class SearchView(View):
    methods = ['GET', 'POST']

    def dispatch_request(self):
        term = request.values.get('q', '')
        return {'q': term, 'hits': [p for p in PRODUCTS.values() if term in p['name']]}


@catalog.errorhandler(404)
def catalog_not_found(error):
    return {'error': 'no such catalogue entry'}, 404


catalog.add_url_rule('/products/<int:record_id>',
                     view_func=ProductView.as_view('product'))
catalog.add_url_rule('/categories/', 'categories', CategoryListView.as_view('categories'))
catalog.add_url_rule(rule='/search', endpoint='search', view_func=SearchView.as_view('search'))
