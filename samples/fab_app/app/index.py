from flask_appbuilder import IndexView


class StockroomIndexView(IndexView):
    """Landing page: the stock dashboard instead of FAB's welcome text."""

    index_template = "stockroom/index.html"
