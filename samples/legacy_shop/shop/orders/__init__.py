# -*- coding: utf-8 -*-
"""Cart, checkout and order history."""
from flask import Blueprint

bp = Blueprint('orders', __name__, url_prefix='/order')

from shop.orders import views  # noqa
