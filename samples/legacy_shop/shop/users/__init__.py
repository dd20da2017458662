# -*- coding: utf-8 -*-
"""Customer account pages: profile and address book."""
from flask import Blueprint

users_bp = Blueprint('users', __name__, url_prefix='/account/')

import views  # noqa
