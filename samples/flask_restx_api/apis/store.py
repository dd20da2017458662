"""Namespace ``store``, mounted at ``/shop`` (the trailing slash of its
path is dropped by Flask-RESTX)."""
from flask_restx import Namespace, Resource

store_ns = Namespace('store', description='Clinic shop', path='/shop/')

ORDERS = {'A-1': {'id': 'A-1', 'items': ['leash']}}
STOCK = {'LEASH-01': 12, 'BOWL-02': 3}


@store_ns.route('/orders/<string:order_id>')
class StoreOrder(Resource):
    def get(self, order_id):
        return ORDERS.get(order_id) or store_ns.abort(404)

    def delete(self, order_id):
        ORDERS.pop(order_id, None)
        return '', 204


@store_ns.route('/inventory')
class SKUInventory(Resource):
    def get(self):
        return STOCK
