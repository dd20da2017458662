# -*- coding: utf-8 -*-
"""Admin write operations.  Refunds write the ``orders`` table directly
(same table the orders package owns)."""
import datetime

from ..extensions import db
from ..models import AuditLog, Order, Product, User
from ..orders import pricing
from ..utils.text import slugify

PRODUCT_FIELDS = ('sku', 'name', 'description', 'price_cents', 'stock', 'is_published', 'featured')


class AdminError(Exception):
    pass


def search_users(term=None, only_active=None):
    query = User.query
    if term:
        query = query.filter(User.email.ilike(u'%%%s%%' % term))
    if only_active is not None:
        query = query.filter_by(active=only_active)
    return query.order_by(User.created_at.desc())


def update_user(user, form, actor):
    changes = {}
    for flag in ('is_admin', 'is_staff', 'active'):
        value = form.get(flag) == 'on'
        if getattr(user, flag) != value:
            changes[flag] = value
            setattr(user, flag, value)
    if changes.has_key('is_admin') and user.id == actor.id:
        raise AdminError(u'You cannot change your own admin flag.')
    if changes:
        AuditLog.record(user.id, 'admin_update', repr(changes), actor_id=actor.id)
        db.session.commit()
    return changes


def disable_user(user, actor):
    user.active = False
    AuditLog.record(user.id, 'disabled', actor_id=actor.id)
    db.session.commit()


def save_product(form, product=None):
    product = product or Product()
    for field in PRODUCT_FIELDS:
        if field not in form:
            continue
        value = form[field]
        if field in ('price_cents', 'stock'):
            try:
                value = int(value)
            except ValueError, e:
                raise AdminError(u'%s: %s' % (field, e))
        elif field in ('is_published', 'featured'):
            value = value in ('1', 'on', 'true')
        setattr(product, field, value)
    if not product.slug:
        product.slug = slugify(product.name)
    product.updated_at = datetime.datetime.utcnow()
    db.session.add(product)
    db.session.commit()
    return product


def refund_order(order, actor, item_ids=None):
    if order.status not in ('paid', 'shipped', 'delivered'):
        raise AdminError(u'Only paid orders can be refunded (status: %s).' % order.status)
    amount = pricing.refund_amount(order, item_ids)
    order.status = 'refunded' if item_ids is None else order.status
    order.discount_cents = (order.discount_cents or 0) + (0 if item_ids is None else amount)
    AuditLog.record(order.user_id, 'refund', 'amount=%d' % amount, actor_id=actor.id)
    db.session.commit()
    return amount


def dashboard_counts():
    return {
        'users': User.query.count(),
        'products': Product.query.count(),
        'open_orders': Order.query.filter(Order.status.in_(['pending', 'paid'])).count(),
    }
