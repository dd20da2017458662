# -*- coding: utf-8 -*-
"""Session cart.  The cart lives in the Flask session cookie; a pickled
copy is kept in Redis so it survives a logout/login on another device."""
import cPickle
import logging

from flask import session

from shop.extensions import cache
from shop.models import Product

log = logging.getLogger(__name__)
BACKUP_TTL = 30 * 24 * 3600


class SessionCart(object):

    def __init__(self, user_id=None):
        self.user_id = user_id
        if not session.has_key('cart'):
            session['cart'] = self._restore() or {}
        self.items = session['cart']

    def _backup_key(self):
        return 'cart:%s' % self.user_id

    def _restore(self):
        if self.user_id is None:
            return None
        try:
            raw = cache.get(self._backup_key())
            return cPickle.loads(raw) if raw else None
        except Exception, e:
            log.warning('cart restore failed: %s', e)
            return None

    def save(self):
        session['cart'] = self.items
        session.modified = True
        if self.user_id is not None:
            try:
                cache.setex(self._backup_key(), BACKUP_TTL,
                            cPickle.dumps(self.items, cPickle.HIGHEST_PROTOCOL))
            except Exception, e:
                log.warning('cart backup failed: %s', e)

    def add(self, product_id, quantity=1):
        key = str(product_id)
        self.items[key] = self.items.get(key, 0) + quantity
        self.save()

    def remove(self, product_id):
        removed = self.items.pop(str(product_id), None)
        self.save()
        return removed is not None

    def clear(self):
        self.items = {}
        self.save()

    def count(self):
        return sum(self.items.itervalues())

    def lines(self):
        """[(product, quantity)] for products that still exist."""
        if not self.items:
            return []
        ids = [int(k) for k in self.items.iterkeys()]
        products = dict((p.id, p) for p in Product.query.filter(Product.id.in_(ids)))
        return [(products[int(k)], q) for k, q in sorted(self.items.iteritems())
                if products.has_key(int(k))]
