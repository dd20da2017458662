"""Library service built on Flask-RESTful.

Two Api objects: one on the app (prefix ``/api``) and one on the ``admin``
blueprint (``resources/admin.py``), plus one plain Flask view.
"""
from flask import Flask
from flask_restful import Api

from resources.admin import admin_bp
from resources.books import Author, AuthorList, Book, BookList, Ping

app = Flask(__name__)
api = Api(app, prefix='/api')

api.add_resource(BookList, '/books', '/library/books', endpoint='books')
api.add_resource(Book, '/books/<int:book_id>')
api.add_resource(AuthorList, '/authors')
api.add_resource(Author, '/authors/<int:author_id>', '/writers/<int:author_id>')
api.add_resource(Ping, '/ping', endpoint='ping')

app.register_blueprint(admin_bp)


@app.route('/')
def index():
    return {'api': '/api', 'admin': '/admin/v2'}


if __name__ == '__main__':
    app.run(debug=True)
