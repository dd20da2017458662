# -*- coding: utf-8 -*-
from flask import Blueprint

catalog_bp = Blueprint('catalog', __name__, url_prefix='/catalog',
                       template_folder='templates')
