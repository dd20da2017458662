# -*- coding: utf-8 -*-
"""Order placement and life cycle.

NB: shop.notifications.mailer imports this module back (order_summary),
so only import *modules* here, never names, from the notifications side.
"""
import datetime
import logging

import shop.notifications.mailer
from shop.extensions import db
from shop.models import AuditLog, Order, OrderItem, Product
from shop.orders import pricing

log = logging.getLogger(__name__)
DEBUG_ORDERS = False


class CheckoutError(Exception):
    pass


def orders_for_user(user, status=None):
    query = Order.query.filter_by(user_id=user.id)
    if status:
        query = query.filter_by(status=status)
    return query.order_by(Order.created_at.desc())


def place_order(user, cart, address, coupon=None, note=None):
    lines = cart.lines()
    if not lines:
        raise CheckoutError(u'Your cart is empty.')
    for product, quantity in lines:
        if not product.in_stock(quantity):
            raise CheckoutError(u'"%s" is no longer available in that quantity.' % product.name)
    try:
        quote = pricing.quote([(p.price_cents, q) for p, q in lines], address.country, coupon)
    except ValueError, e:
        raise CheckoutError(unicode(e))

    order = Order(user_id=user.id, address_id=address.id, coupon_code=coupon,
                  note=note, status='pending')
    for key in ('subtotal_cents', 'vat_cents', 'shipping_cents', 'discount_cents'):
        setattr(order, key, quote[key])
    for product, quantity in lines:
        order.items.append(OrderItem(product_id=product.id, quantity=quantity,
                                     unit_price_cents=product.price_cents))
        product.stock -= quantity
    db.session.add(order)
    AuditLog.record(user.id, 'order_placed', 'total=%d' % quote['total_cents'])
    db.session.commit()
    cart.clear()
    if DEBUG_ORDERS:
        print "placed order %s for user %s: %r" % (order.id, user.id, quote)
    shop.notifications.mailer.send_order_confirmation(order)
    return order


def cancel_order(order, reason=u'', actor=None):
    if not order.can_cancel():
        raise CheckoutError(u'Order %d can no longer be cancelled.' % order.id)
    order.status = 'cancelled'
    order.updated_at = datetime.datetime.utcnow()
    for item in order.items:
        product = Product.query.get(item.product_id)
        if product is not None:
            product.stock += item.quantity
    AuditLog.record(order.user_id, 'order_cancelled', reason,
                    actor_id=actor.id if actor else None)
    db.session.commit()
    shop.notifications.mailer.send_order_cancelled(order, reason)
    return order


def order_summary(order):
    """Plain-text summary used by e-mails, SMS and the CSV export."""
    lines = [u'Order #%d (%s)' % (order.id, order.status)]
    for item in order.items:
        lines.append(u'  %2d x %-40s %8.2f' % (item.quantity, item.product.name,
                                                item.line_total_cents / 100.0))
    lines.append(u'  Total: %.2f %s' % (order.total_cents / 100.0, order.currency))
    return u'\n'.join(lines)


def find_by_tracking(tracking_id):
    return Order.query.filter_by(tracking_id=str(tracking_id)).first()
