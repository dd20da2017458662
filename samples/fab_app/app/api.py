"""REST API used by the warehouse tablets (v1) and the purchasing portal (v2)."""
from flask import request
from flask_appbuilder.api import BaseApi, ModelRestApi, expose, protect, safe
from flask_appbuilder.models.sqla.interface import SQLAInterface
from flask_appbuilder.security.decorators import permission_name

from . import appbuilder, db
from .models import Category, Product, StockMove, Supplier, Warehouse
from .views import stock_levels


class ProductApi(ModelRestApi):
    resource_name = "product"
    datamodel = SQLAInterface(Product)
    list_columns = ["id", "sku", "name", "category.name", "unit_price"]
    show_columns = ["id", "sku", "name", "category.name", "supplier.name", "unit_price",
                    "reorder_level"]


class CategoryApi(ModelRestApi):
    # the tablets were built against the pre-FAB API and still call this path
    route_base = "/api/legacy/categories"
    datamodel = SQLAInterface(Category)


class SupplierApi(ModelRestApi):
    resource_name = "suppliers"
    version = "v2"
    include_route_methods = {"get", "get_list", "info"}
    datamodel = SQLAInterface(Supplier)


class StockMoveApi(ModelRestApi):
    datamodel = SQLAInterface(StockMove)
    # moves are an append-only ledger
    exclude_route_methods = {"put", "delete"}


class InventoryApi(BaseApi):
    resource_name = "inventory"

    @expose("/health")
    @safe
    def health(self):
        return self.response(200, message="ok")

    @expose("/levels", methods=["GET"])
    @protect()
    @safe
    @permission_name("read")
    def levels(self):
        return self.response(200, result=stock_levels())

    @expose("/recount/<int:warehouse_id>", methods=["POST"])
    @protect()
    @safe
    @permission_name("write")
    def recount(self, warehouse_id):
        warehouse = db.session.query(Warehouse).get(warehouse_id)
        if warehouse is None:
            return self.response_404()
        note = (request.get_json(silent=True) or {}).get("note", "")
        return self.response(202, warehouse=warehouse.code, note=note)


appbuilder.add_api(ProductApi)
appbuilder.add_api(CategoryApi)
appbuilder.add_api(SupplierApi)
appbuilder.add_api(StockMoveApi)
appbuilder.add_api(InventoryApi)
