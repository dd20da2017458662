"""Staff API: a Flask-RESTful Api bound to a blueprint."""
from flask import Blueprint
from flask_restful import Api, Resource

from resources.base import CollectionResource, RecordResource

USERS = {1: {'id': 1, 'login': 'root'}}

admin_bp = Blueprint('admin', __name__, url_prefix='/admin')
admin_api = Api(admin_bp, prefix='/v2')


class UserList(CollectionResource):
    store = USERS


class User(RecordResource):
    store = USERS

    def delete(self, user_id):
        USERS.pop(user_id, None)
        return '', 204


class AuditLog(Resource):
    def get(self, day=None):
        return {'day': day, 'entries': []}


admin_api.add_resource(UserList, '/users')
admin_api.add_resource(User, '/users/<int:user_id>')
admin_api.add_resource(AuditLog, '/audit', '/audit/<string:day>', endpoint='audit')
