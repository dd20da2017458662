"""Namespace ``pets``: no explicit path, so it is mounted at ``/pets``."""
from flask_restx import Namespace, Resource, fields

ns = Namespace('pets', description='Pet operations')

pet = ns.model('Pet', {
    'id': fields.Integer(readonly=True),
    'name': fields.String(required=True),
    'species': fields.String(enum=['cat', 'dog', 'rabbit']),
})

PETS = {1: {'id': 1, 'name': 'Rex', 'species': 'dog'}}


@ns.route('/')
@ns.route('/list')
class PetList(Resource):
    @ns.marshal_list_with(pet)
    def get(self):
        return list(PETS.values())

    @ns.expect(pet, validate=True)
    @ns.marshal_with(pet, code=201)
    def post(self):
        new = dict(ns.payload, id=max(PETS, default=0) + 1)
        PETS[new['id']] = new
        return new, 201


@ns.route('/<int:pet_id>')
@ns.param('pet_id', 'The pet identifier')
@ns.response(404, 'Pet not found')
class Pet(Resource):
    @ns.marshal_with(pet)
    def get(self, pet_id):
        return PETS.get(pet_id) or ns.abort(404)

    @ns.expect(pet)
    @ns.marshal_with(pet)
    def put(self, pet_id):
        PETS[pet_id] = dict(ns.payload, id=pet_id)
        return PETS[pet_id]

    def delete(self, pet_id):
        PETS.pop(pet_id, None)
        return '', 204


@ns.route('/<int:pet_id>/photos/<path:photo>', endpoint='pet_photo')
class PetPhoto(Resource):
    def get(self, pet_id, photo):
        return {'pet': pet_id, 'photo': photo}
