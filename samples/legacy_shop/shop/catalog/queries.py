# -*- coding: utf-8 -*-
"""Read-only queries for the catalogue, with a small Redis cache in front."""
import json
import logging

from sqlalchemy import or_

from shop.extensions import cache
from shop.models import Category, Product
from shop.utils import paginate

log = logging.getLogger(__name__)
CACHE_TTL = 120
SORTS = {
    'price_asc': Product.price_cents.asc,
    'price_desc': Product.price_cents.desc,
    'newest': Product.updated_at.desc,
}


def _published():
    return Product.query.filter(Product.is_published == True)  # noqa: E712


def product_page(page, per_page, sort='newest'):
    order = SORTS.get(sort, SORTS['newest'])
    return paginate(_published().order_by(order()), page, per_page)


def featured_products(limit=8):
    key = 'catalog:featured:%d' % limit
    try:
        cached = cache.get(key)
    except Exception, e:
        log.warning('redis unavailable: %s', e)
        cached = None
    if cached:
        ids = json.loads(cached)
        return Product.query.filter(Product.id.in_(ids)).all()
    products = _published().filter(Product.featured == True).limit(limit).all()  # noqa
    try:
        cache.setex(key, CACHE_TTL, json.dumps([p.id for p in products]))
    except Exception:
        pass
    return products


def search_products(term, page, per_page):
    like = u'%%%s%%' % term.replace(u'%', u'')
    query = _published().filter(or_(Product.name.ilike(like),
                                     Product.description.ilike(like),
                                     Product.sku == term.upper()))
    return paginate(query, page, per_page)


def category_by_path(path):
    """Resolve 'men/shoes/running' by walking the slugs from the root."""
    parent = None
    for slug in [s for s in path.split('/') if s]:
        parent = Category.query.filter_by(slug=slug, parent_id=parent.id if parent else None).first()
        if parent is None:
            return None
    return parent


def products_below(max_cents, limit=50):
    return (_published().filter(Product.price_cents <= max_cents)
            .order_by(Product.price_cents.desc()).limit(limit).all())
