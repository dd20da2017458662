from flask import flash, jsonify, make_response, redirect, request, url_for
from flask_appbuilder import (
    BaseView,
    CompactCRUDMixin,
    MasterDetailView,
    ModelView,
    MultipleView,
    PublicFormView,
    SimpleFormView,
    expose,
    has_access,
)
from flask_appbuilder.actions import action
from flask_appbuilder.baseviews import expose_api
from flask_appbuilder.charts.views import GroupByChartView
from flask_appbuilder.models.group import aggregate_sum
from flask_appbuilder.models.sqla.interface import SQLAInterface
from flask_appbuilder.security.decorators import has_access_api
from sqlalchemy import func

from . import appbuilder, db
from .forms import StockAdjustForm, SupplierEnquiryForm
from .models import Category, Product, StockMove, Supplier, Warehouse


def stock_levels():
    """{product_id: quantity on hand} summed over all warehouses."""
    rows = db.session.query(StockMove.product_id, func.sum(StockMove.quantity))
    return dict(rows.group_by(StockMove.product_id).all())


class ProductModelView(ModelView):
    datamodel = SQLAInterface(Product)
    route_base = "/products"
    # Products are never deleted, only re-categorised: the books reference them.
    exclude_route_methods = {"delete", "api_delete"}
    list_columns = ["sku", "name", "category", "supplier", "unit_price", "reorder_level"]
    search_columns = ["sku", "name", "category", "supplier"]
    add_columns = edit_columns = ["sku", "name", "category", "supplier", "unit_price",
                                  "reorder_level"]


class CategoryModelView(ModelView):
    datamodel = SQLAInterface(Category)
    related_views = [ProductModelView]
    list_columns = ["name", "description"]


class SupplierModelView(ModelView):
    datamodel = SQLAInterface(Supplier)
    route_base = "/suppliers"
    include_route_methods = {"list", "show", "add", "edit"}
    list_columns = ["name", "email", "phone"]


class WarehouseModelView(ModelView):
    datamodel = SQLAInterface(Warehouse)
    disable_api_route_methods = True
    list_columns = ["code", "location"]

    @expose("/show/<int:pk>")
    @has_access
    def show(self, pk):
        item = self.datamodel.get(pk, self._base_filters)
        if not item:
            flash("No warehouse %s" % pk, "warning")
            return redirect(self.get_redirect())
        return super().show(pk)

    @action("recount", "Schedule recount", "Recount the selected warehouses?", "fa-refresh")
    def recount(self, items):
        flash("%d warehouse(s) scheduled for recount" % len(items), "info")
        return redirect(self.get_redirect())


class StockMoveView(CompactCRUDMixin, ModelView):
    datamodel = SQLAInterface(StockMove)
    route_base = "/moves"
    list_columns = ["moved_on", "product", "warehouse", "quantity", "note"]
    base_order = ("moved_on", "desc")


class SupplierProductsView(MasterDetailView):
    datamodel = SQLAInterface(Supplier)
    related_views = [ProductModelView]


class CatalogView(MultipleView):
    views = [CategoryModelView, ProductModelView]


class StockValueChartView(GroupByChartView):
    datamodel = SQLAInterface(Product)
    chart_title = "Catalogue value by category"
    definitions = [{"group": "category", "series": [(aggregate_sum, "unit_price")]}]


class ReportsView(BaseView):
    route_base = "/reports"
    default_view = "overview"

    @expose("/")
    @has_access
    def overview(self):
        levels = stock_levels()
        products = db.session.query(Product).order_by(Product.sku).all()
        return self.render_template("stockroom/report.html", products=products,
                                    levels=levels)

    @expose("/low-stock/")
    @expose("/low-stock/<int:threshold>")
    @has_access
    def low_stock(self, threshold=None):
        levels = stock_levels()
        products = [p for p in db.session.query(Product)
                    if levels.get(p.id, 0) <= (threshold if threshold is not None
                                               else p.reorder_level)]
        return self.render_template("stockroom/low_stock.html", products=products,
                                    levels=levels)

    @expose("/export", methods=["GET", "POST"])
    @has_access
    def export(self):
        levels = stock_levels()
        lines = ["%s;%s;%d" % (p.sku, p.name, levels.get(p.id, 0))
                 for p in db.session.query(Product).order_by(Product.sku)]
        response = make_response("\n".join(["sku;name;on_hand"] + lines))
        response.headers["Content-Type"] = "text/csv"
        return response

    @expose_api(name="levels", url="/api/levels", methods=["GET"])
    @has_access_api
    def levels_json(self):
        return jsonify({str(k): v for k, v in stock_levels().items()})


class StockAdjustView(SimpleFormView):
    form = StockAdjustForm
    form_title = "Adjust stock by hand"

    def form_post(self, form):
        product = db.session.query(Product).filter_by(sku=form.sku.data).first()
        warehouse = db.session.query(Warehouse).filter_by(code=form.warehouse.data).first()
        if product is None or warehouse is None:
            flash("Unknown SKU or warehouse", "danger")
            return None
        db.session.add(StockMove(product=product, warehouse=warehouse,
                                 quantity=form.quantity.data, note=form.reason.data))
        db.session.commit()
        flash("Stock adjusted", "info")


class SupplierEnquiryView(PublicFormView):
    route_base = "/enquiry"
    form = SupplierEnquiryForm
    form_title = "Become a supplier"

    def form_post(self, form):
        flash("Thank you, %s. We will be in touch." % form.company.data, "info")
        return redirect(url_for("StockroomIndexView.index"))


class LabelPrintView(BaseView):
    default_view = "sheet"

    @expose("/sheet/<int:product_id>")
    @has_access
    def sheet(self, product_id):
        product = db.session.query(Product).get(product_id)
        copies = request.args.get("copies", 1, type=int)
        return self.render_template("stockroom/labels.html", product=product, copies=copies)


class LegacyImportView(BaseView):
    """The 2019 spreadsheet importer. Kept for reference, no longer registered."""

    @expose("/upload", methods=["POST"])
    @has_access
    def upload(self):
        return redirect(url_for("ProductModelView.list"))


appbuilder.add_view(ProductModelView, "Products", icon="fa-cube",
                    category="Inventory", category_icon="fa-archive")
appbuilder.add_view(CategoryModelView, "Categories", icon="fa-tags", category="Inventory")
appbuilder.add_view(WarehouseModelView, "Warehouses", icon="fa-building", category="Inventory")
appbuilder.add_view(CatalogView, "Catalogue", icon="fa-th-list", category="Inventory")
appbuilder.add_separator("Inventory")
appbuilder.add_view(StockMoveView, "Stock moves", icon="fa-exchange", category="Inventory")
appbuilder.add_view(StockAdjustView, "Adjust stock", icon="fa-pencil", category="Inventory")

appbuilder.add_view(SupplierModelView, "Suppliers", icon="fa-truck",
                    category="Purchasing", category_icon="fa-shopping-cart")
appbuilder.add_view(SupplierProductsView, "Products by supplier", category="Purchasing")
appbuilder.add_link("Supplier portal", href="https://suppliers.example.invalid/",
                    icon="fa-external-link", category="Purchasing")

appbuilder.add_view(ReportsView, "Stock report", icon="fa-file-text",
                    category="Reports", category_icon="fa-bar-chart")
appbuilder.add_view(StockValueChartView, "Catalogue value", icon="fa-pie-chart",
                    category="Reports")
appbuilder.add_link("Low stock", href="/reports/low-stock/", category="Reports")

appbuilder.add_view_no_menu(SupplierEnquiryView)
appbuilder.add_view_no_menu(LabelPrintView())
