# -*- coding: utf-8 -*-
"""E-mail / SMS preferences and inbound provider webhooks.

The blueprint has no url prefix: the webhook URLs (/hooks/...) are
configured at the providers and cannot move."""
from flask import Blueprint

bp = Blueprint('notifications', __name__)

from . import views  # noqa
