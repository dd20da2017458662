#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Poor man's management script (predates Flask-Script in this code base).

Usage:
    python manage.py runserver [port]
    python manage.py initdb
    python manage.py seed
    python manage.py createadmin
    python manage.py routes
"""
import os
import sys

from shop import create_app
from shop.extensions import db

UPLOAD_DIR = os.path.join(os.path.dirname(__file__), 'uploads')


def runserver(app, port='5000'):
    print "Serving on http://127.0.0.1:%s/" % port
    app.run(host='127.0.0.1', port=int(port), debug=True)


def initdb(app):
    with app.app_context():
        db.create_all()
    if not os.path.isdir(UPLOAD_DIR):
        os.makedirs(UPLOAD_DIR, 0755)
    print "Database initialised."


def seed(app):
    from shop.models import Category, Product
    with app.app_context():
        shoes = Category(name=u'Shoes', slug='shoes')
        db.session.add(shoes)
        for i in xrange(1, 11):
            db.session.add(Product(sku='SHOE-%03d' % i, name=u'Sneaker %d' % i,
                                   slug='sneaker-%d' % i, price_cents=4990 + i * 100,
                                   stock=25, categories=[shoes]))
        db.session.commit()
    print "Seeded 10 products."


def createadmin(app):
    from shop.auth.services import register_user
    email = raw_input('E-mail: ')
    password = raw_input('Password: ')
    with app.app_context():
        user = register_user(email, password, u'Administrator')
        user.is_admin = True
        user.is_staff = True
        db.session.commit()
    print "Created admin %s" % email


def routes(app):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        methods = ','.join(sorted(rule.methods - set(['HEAD', 'OPTIONS'])))
        print "%-45s %-20s %s" % (rule.rule, methods, rule.endpoint)


COMMANDS = {
    'runserver': runserver,
    'initdb': initdb,
    'seed': seed,
    'createadmin': createadmin,
    'routes': routes,
}


if __name__ == '__main__':
    if len(sys.argv) < 2 or not COMMANDS.has_key(sys.argv[1]):
        print >>sys.stderr, __doc__
        sys.exit(1)
    application = create_app()
    COMMANDS[sys.argv[1]](application, *sys.argv[2:])
