"""Namespace ``owners``.  Declared with path ``/owners``, but app.py mounts
it with ``add_namespace(ns, path='/people')``, which wins."""
from flask_restx import Namespace, Resource, fields

ns = Namespace('owners', description='Pet owners', path='/owners')

owner = ns.model('Owner', {
    'id': fields.String(readonly=True),
    'name': fields.String(required=True),
    'phone': fields.String,
})

OWNERS = {}


@ns.route('', '/all')
class OwnerList(Resource):
    @ns.marshal_list_with(owner)
    def get(self):
        return list(OWNERS.values())

    @ns.expect(owner)
    def post(self):
        return ns.payload, 201


@ns.route('/<uuid:owner_id>', endpoint='owner_detail')
class OwnerDetail(Resource):
    @ns.marshal_with(owner)
    def get(self, owner_id):
        return OWNERS.get(str(owner_id)) or ns.abort(404, 'Owner not found')

    @ns.expect(owner)
    def patch(self, owner_id):
        OWNERS.setdefault(str(owner_id), {'id': str(owner_id)}).update(ns.payload)
        return OWNERS[str(owner_id)]
