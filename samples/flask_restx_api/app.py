"""Pet clinic API on Flask-RESTX.

Flask-RESTX is not installed where cutover's tests run, so this sample has
no runtime ground truth; EXPECTED_ROUTES.md lists the routes by hand.
"""
from flask import Flask
from flask_restx import Api, Resource

from apis.owners import ns as owners_ns
from apis.pets import ns as pets_ns
from apis.store import store_ns

app = Flask(__name__)
api = Api(app, version='2.0', title='Pet clinic API',
          description='Pets, their owners and the clinic shop',
          prefix='/api/v2', doc='/docs')

api.add_namespace(pets_ns)
api.add_namespace(owners_ns, path='/people')
api.add_namespace(store_ns)


@api.route('/status')
class APIStatus(Resource):
    def get(self):
        return {'ok': True, 'namespaces': [ns.name for ns in api.namespaces]}


if __name__ == '__main__':
    app.run(debug=True)
