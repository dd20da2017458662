"""Stockroom's own login page and user list, plugged into FAB's security manager."""
from flask_appbuilder.security.sqla.manager import SecurityManager
from flask_appbuilder.security.views import AuthDBView, UserDBModelView


class StockroomAuthDBView(AuthDBView):
    login_template = "stockroom/login.html"


class StockroomUserView(UserDBModelView):
    list_columns = ["first_name", "last_name", "username", "email", "active", "roles"]
    search_columns = ["username", "email", "roles"]


class StockroomSecurityManager(SecurityManager):
    authdbview = StockroomAuthDBView
    userdbmodelview = StockroomUserView
