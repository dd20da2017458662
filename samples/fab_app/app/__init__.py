"""Stockroom: the back office of a small parts warehouse, on Flask-AppBuilder."""
import logging

from flask import Flask, jsonify, render_template
from flask_appbuilder import AppBuilder, SQLA

from .index import StockroomIndexView
from .security import StockroomSecurityManager

# FAB logs every registered route at INFO; the warehouse log only wants problems.
logging.getLogger("flask_appbuilder").setLevel(logging.WARNING)

app = Flask(__name__)
app.config.from_object("config")
db = SQLA(app)
appbuilder = AppBuilder(
    app,
    db.session,
    indexview=StockroomIndexView,
    security_manager_class=StockroomSecurityManager,
)


@app.route("/healthz")
def healthz():
    return jsonify(status="ok")


@appbuilder.app.errorhandler(404)
def page_not_found(error):
    return render_template("404.html", base_template=appbuilder.base_template,
                           appbuilder=appbuilder), 404


from . import views, api  # noqa: E402,F401  (registers the views on appbuilder)
