# -*- coding: utf-8 -*-
"""WSGI entry point used by uwsgi in production:

    uwsgi --module wsgi:app --processes 4
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from shop import create_app

app = create_app()
application = app  # some old mod_wsgi vhosts still look for "application"
