# -*- coding: utf-8 -*-
"""Authentication: login, logout, registration, password reset, session."""
from flask import Blueprint

bp = Blueprint('auth', __name__, template_folder='templates')

from . import views  # noqa: E402  (attaches the routes to ``bp``)
