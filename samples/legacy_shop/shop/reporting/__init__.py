# -*- coding: utf-8 -*-
"""Sales reports for staff.  Read-only: nothing in here writes to the DB."""
from flask import Blueprint

reporting = Blueprint('reporting', __name__)

from . import views  # noqa
