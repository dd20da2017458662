# -*- coding: utf-8 -*-
"""Public catalogue: products, categories, search.  Read-only."""
from .blueprint import catalog_bp
from . import views  # noqa

__all__ = ['catalog_bp']
