# -*- coding: utf-8 -*-
"""Back office: user management, product editing, refunds."""
from flask import Blueprint

admin_bp = Blueprint('admin', __name__, url_prefix='/admin', template_folder='templates')

from . import views  # noqa
